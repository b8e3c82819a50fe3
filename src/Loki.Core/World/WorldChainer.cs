using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Core.World;

/// <summary>
/// Chains the library into one macro workflow. Each node's data inputs (its sockets, and as many STRING inputs as
/// its X2Y format has T letters) are fed by the most recent compatible output: same type, and the origin's X2Y
/// format gives that type's letter; from the node's own region first, else from the node placed last. A second
/// input of one type takes a different origin when there is one. A required socket nothing in the library can feed,
/// and a text input nothing feeds, get a ComfyUI core source (an empty image, a solid mask, a string); every runnable
/// chain end gets a core preview node. Nodes are placed when what they take has been made (region by region, by
/// name, flows last), so paths run forward.
/// </summary>
public static class WorldChainer
{
    /// <summary>The region of the core source nodes.</summary>
    public const string SourceRegion = "sources";

    /// <summary>The side of the images and masks the sources make.</summary>
    public const int SourceSize = 256;

    /// <summary>The colour of the source image (0xRRGGBB, EmptyImage's <c>color</c>): LOKI blue.</summary>
    public const int SourceColor = 0x3A6EA5;

    /// <summary>The text the text source gives (PrimitiveString's <c>value</c>).</summary>
    public const string SourceText = "Hello from the LOKI World";

    /// <summary>Plans the World of <paramref name="library"/>, with its nodes known from <paramref name="schemas"/>.</summary>
    public static WorldPlan Plan(WorldLibrary library, SchemaSet schemas)
    {
        var run = new Run(schemas);
        // Flows are made of other nodes: they come last, fed by what the others made.
        var pending = library.Nodes.OrderBy(n => n.IsFlow).ThenBy(n => n.Region, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        var takers = pending.ToDictionary(n => n.Name, n => run.Shape(n), StringComparer.Ordinal);
        var givable = pending.SelectMany(n => takers[n.Name].Gives).ToHashSet(StringComparer.Ordinal);
        string? region = null;
        while (pending.Count > 0)
        {
            int Unmet(WorldNode n) => takers[n.Name].Takes.Count(t => givable.Contains(t) && !run.Made(t));
            int Foreign(WorldNode n) => takers[n.Name].Takes.Count(t => givable.Contains(t) && !run.Made(t) && !takers[n.Name].Gives.Contains(t));

            // When nothing is ready, a chain has to start from a source: the node that makes what it takes starts it.
            var next = pending.Where(n => Unmet(n) == 0).OrderBy(n => n.Region == region ? 0 : 1).FirstOrDefault()
                ?? pending.OrderBy(Unmet).ThenBy(Foreign).First();
            pending.Remove(next);
            region = next.Region;
            run.Place(next, takers[next.Name]);
        }

        return run.Finish();
    }

    /// <summary>What a library node takes (its data inputs' types) and gives (its chainable outputs' types).</summary>
    private sealed record Shape(WorldItem Item, IReadOnlyList<WorldSlot> DataInputs, IReadOnlyList<string> Takes, IReadOnlyList<string> Gives);

    private sealed class Run(SchemaSet schemas)
    {
        private readonly List<WorldItem> _items = [];
        private readonly List<WorldLink> _links = [];
        private readonly List<(int Id, int Slot, string Type, string Region)> _producers = [];
        private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Shape> _shapes = [];

        public bool Made(string type) => _producers.Any(p => p.Type == type);

        public Shape Shape(WorldNode node)
        {
            var schema = schemas.Find(node.ClassType) ?? throw new InvalidOperationException($"no schema for {node.ClassType}");
            var item = WorldItemFactory.Create(0, WorldItemKind.Library, schema, node.Title, node.Region, node);
            var sides = X2YSides.Parse(node.X2YFormat);
            var texts = sides?.TakesCount(PortTypes.String) ?? 0;
            var data = item.Inputs.Where(i => !i.Widget || (i.Type == PortTypes.String && texts-- > 0)).ToList();
            var gives = item.Outputs.Where(o => sides is null || sides.GivesType(o.Type)).Select(o => o.Type).Distinct().ToList();
            return new Shape(item, data, data.Select(d => d.Type).Distinct().ToList(), gives);
        }

        public void Place(WorldNode node, Shape shape)
        {
            var item = shape.Item with { Id = 0 };
            var id = Add(item);
            _shapes[id] = shape;
            var used = new HashSet<(int, int)>();
            foreach (var input in shape.DataInputs)
            {
                var candidates = _producers.Select((p, index) => (p, index)).Where(c => c.p.Type == input.Type && c.p.Id != id)
                    .OrderBy(c => c.p.Region == node.Region ? 0 : 1).ThenByDescending(c => c.index).Select(c => c.p).ToList();
                (int Id, int Slot)? origin = candidates.Where(c => !used.Contains((c.Id, c.Slot))).Select(c => ((int, int)?)(c.Id, c.Slot)).FirstOrDefault()
                    ?? candidates.Select(c => ((int, int)?)(c.Id, c.Slot)).FirstOrDefault();
                if (origin is null && (input.Widget || input.Required))
                {
                    origin = Source(input.Type);
                }

                if (origin is { } o)
                {
                    used.Add(o);
                    _links.Add(new WorldLink(o.Id, o.Slot, id, input.Name, input.Type));
                }
            }

            for (var k = 0; k < item.Outputs.Length; k++)
            {
                if (shape.Gives.Contains(item.Outputs[k].Type))
                {
                    _producers.Add((id, k, item.Outputs[k].Type, node.Region));
                }
            }
        }

        public WorldPlan Finish()
        {
            // Runnable: every required socket fed by a runnable node (sources come after their first consumer, so
            // this is a fixpoint, not one pass).
            var runnable = new HashSet<int>();
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var item in _items.Where(i => !runnable.Contains(i.Id)))
                {
                    if (item.Inputs.Where(i => !i.Widget && i.Required).All(i => _links.Any(l => l.To == item.Id && l.Input == i.Name && runnable.Contains(l.From))))
                    {
                        grew = runnable.Add(item.Id) || grew;
                    }
                }
            }

            foreach (var item in _items.Where(i => i.Kind == WorldItemKind.Library && runnable.Contains(i.Id)).ToList())
            {
                if (item.Outputs.Length == 0 || _links.Any(l => l.From == item.Id && runnable.Contains(l.To)))
                {
                    continue;
                }

                var slot = Enumerable.Range(0, item.Outputs.Length).FirstOrDefault(k => _shapes[item.Id].Gives.Contains(item.Outputs[k].Type));
                var type = item.Outputs[slot].Type;
                var (cls, input) = type switch
                {
                    PortTypes.Image => ("PreviewImage", "images"),
                    PortTypes.Mask => ("MaskPreview", "mask"),
                    _ => ("PreviewAny", "source"),
                };
                var sink = Add(Core(cls, item.Region, null));
                _links.Add(new WorldLink(item.Id, slot, sink, input, type));
                runnable.Add(sink);
            }

            // Map order: the sources, then each region in the order the chain first reaches it.
            var regions = _items.Where(i => i.Kind == WorldItemKind.Source).Select(i => i.Region)
                .Concat(_items.Where(i => i.Kind == WorldItemKind.Library).Select(i => i.Region)).Distinct();
            return new WorldPlan([.. _items], [.. regions], [.. _links], [.. runnable]);
        }

        private (int, int)? Source(string type)
        {
            if (!_sources.TryGetValue(type, out var id))
            {
                WorldItem? source = type switch
                {
                    PortTypes.Image => Core("EmptyImage", SourceRegion, new Dictionary<string, JsonNode>
                    {
                        ["width"] = SourceSize, ["height"] = SourceSize, ["batch_size"] = 1, ["color"] = SourceColor,
                    }),
                    PortTypes.Mask => Core("SolidMask", SourceRegion, new Dictionary<string, JsonNode>
                    {
                        ["value"] = 1.0, ["width"] = SourceSize, ["height"] = SourceSize,
                    }),
                    PortTypes.String => Core("PrimitiveString", SourceRegion, new Dictionary<string, JsonNode> { ["value"] = SourceText }),
                    _ => null,
                };
                if (source is null)
                {
                    return null;
                }

                id = Add(source);
                _sources[type] = id;
            }

            return (id, 0);
        }

        private WorldItem Core(string classType, string region, Dictionary<string, JsonNode>? values)
        {
            var schema = schemas.Find(classType) ?? throw new InvalidOperationException($"the core catalogue has no {classType}");
            var kind = schema.IsOutputNode ? WorldItemKind.Sink : WorldItemKind.Source;
            return WorldItemFactory.Create(0, kind, schema, schema.Title, region, null, values);
        }

        private int Add(WorldItem item)
        {
            var id = _items.Count + 1;
            _items.Add(item with { Id = id });
            return id;
        }
    }
}
