using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Text;

namespace Loki.Core.World;

/// <summary>
/// Writes the World's plan as a UI workflow in the form the 1.27.10 frontend saves (schema 0.4, every widget input
/// listed with its socket): each node with <c>properties.cnr_id</c> and <c>ver</c> (the ComfyUI-LOKI pack's for
/// library nodes, <c>comfy-core</c> and the core catalogue's version for core nodes, as the frontend records them),
/// its region as a LiteGraph group, and a view (<c>extra.ds</c>) that frames the whole map.
/// </summary>
internal static class WorldWorkflowBuilder
{
    /// <summary>The frontend whose saved form this is.</summary>
    public const string FrontendVersion = "1.27.10";

    /// <summary>The registry id the frontend records for ComfyUI's own nodes.</summary>
    public const string CorePackId = "comfy-core";

    // LiteGraph's group colours (LGraphCanvas.node_colors[*].groupcolor), in a fixed order.
    private static readonly string[] GroupColors = ["#3f789e", "#8A8", "#b58b2a", "#a1309b", "#88A", "#b06634", "#8AA", "#A88"];

    /// <summary>The workflow and the region boxes it frames.</summary>
    public static (JsonObject Workflow, ImmutableArray<WorldRegionBox> Regions) Build(WorldPlan plan, WorldLibrary library, SchemaSet schemas)
    {
        var linkIds = plan.Links.Select((l, k) => (l, k + 1)).ToDictionary(p => p.l, p => p.Item2);
        var order = ExecutionOrder(plan);
        var nodes = new Dictionary<int, JsonObject>();
        foreach (var item in plan.Items)
        {
            nodes[item.Id] = Node(item, plan, linkIds, order[item.Id], library);
        }

        var regions = WorldMapLayout.Apply(plan, nodes, schemas);
        var links = new JsonArray();
        foreach (var link in plan.Links)
        {
            var target = plan.Items[link.To - 1];
            var slot = target.Inputs.Select((s, k) => (s, k)).First(p => p.s.Name == link.Input).k;
            links.Add(new JsonArray(linkIds[link], link.From, link.FromSlot, link.To, slot, link.Type));
        }

        var groups = new JsonArray();
        for (var k = 0; k < regions.Length; k++)
        {
            var r = regions[k];
            groups.Add(new JsonObject
            {
                ["id"] = k + 1,
                ["title"] = RegionTitle(r.Name),
                ["bounding"] = new JsonArray(r.X, r.Y, r.Width, r.Height),
                ["color"] = GroupColors[k % GroupColors.Length],
                ["font_size"] = 24,
                ["flags"] = new JsonObject(),
            });
        }

        var workflow = new JsonObject
        {
            ["id"] = string.Empty,
            ["revision"] = 0,
            ["last_node_id"] = plan.Items.Length,
            ["last_link_id"] = plan.Links.Length,
            ["nodes"] = new JsonArray(plan.Items.Select(i => (JsonNode)nodes[i.Id]).ToArray()),
            ["links"] = links,
            ["groups"] = groups,
            ["config"] = new JsonObject(),
            ["extra"] = new JsonObject
            {
                ["ds"] = View(regions),
                ["frontendVersion"] = FrontendVersion,
                ["loki"] = new JsonObject { ["world"] = new JsonObject { ["pack"] = library.PackId, ["version"] = library.PackVersion, ["nodes"] = library.Nodes.Length } },
            },
            ["version"] = 0.4,
        };

        // A stable id for a stable World: the frontend keys open workflows by it.
        workflow["id"] = StableId(CanonicalJson.WriteCompact(workflow));
        return (workflow, regions);
    }

    /// <summary>The group title of a region.</summary>
    public static string RegionTitle(string region) => region == WorldChainer.SourceRegion ? "sources" : region;

    private static JsonObject Node(WorldItem item, WorldPlan plan, Dictionary<WorldLink, int> linkIds, int order, WorldLibrary library)
    {
        var inputs = new JsonArray();
        foreach (var slot in item.Inputs)
        {
            var input = new JsonObject { ["name"] = slot.Name, ["type"] = slot.Type };
            if (slot.Widget)
            {
                input["widget"] = new JsonObject { ["name"] = slot.Name };
            }

            var link = plan.Links.FirstOrDefault(l => l.To == item.Id && l.Input == slot.Name);
            input["link"] = link is null ? null : linkIds[link];
            inputs.Add(input);
        }

        var outputs = new JsonArray();
        for (var k = 0; k < item.Outputs.Length; k++)
        {
            var slot = k;
            outputs.Add(new JsonObject
            {
                ["name"] = item.Outputs[k].Name,
                ["type"] = item.Outputs[k].Type,
                ["links"] = new JsonArray(plan.Links.Where(l => l.From == item.Id && l.FromSlot == slot).Select(l => (JsonNode)linkIds[l]).ToArray()),
            });
        }

        var node = new JsonObject
        {
            ["id"] = item.Id,
            ["type"] = item.ClassType,
            ["pos"] = new JsonArray(0, 0),
            ["size"] = new JsonArray(0, 0),
            ["flags"] = new JsonObject(),
            ["order"] = order,
            ["mode"] = 0,
            ["inputs"] = inputs,
            ["outputs"] = outputs,
            ["title"] = item.Title,
            ["properties"] = new JsonObject
            {
                ["Node name for S&R"] = item.ClassType,
                ["cnr_id"] = item.Kind == WorldItemKind.Library ? library.PackId : CorePackId,
                ["ver"] = item.Kind == WorldItemKind.Library ? library.PackVersion : SchemaSet.CatalogueComfyVersion,
            },
        };
        if (item.WidgetValues is { } values)
        {
            node["widgets_values"] = values.DeepClone();
        }

        return node;
    }

    /// <summary>Kahn's order over the paths, smallest id first: the <c>order</c> the frontend would compute.</summary>
    private static Dictionary<int, int> ExecutionOrder(WorldPlan plan)
    {
        var indegree = plan.Items.ToDictionary(i => i.Id, i => plan.Links.Count(l => l.To == i.Id));
        var ready = new PriorityQueue<int, int>();
        foreach (var (id, d) in indegree.Where(p => p.Value == 0))
        {
            ready.Enqueue(id, id);
        }

        var order = new Dictionary<int, int>();
        while (ready.TryDequeue(out var id, out _))
        {
            order[id] = order.Count;
            foreach (var link in plan.Links.Where(l => l.From == id))
            {
                if (--indegree[link.To] == 0)
                {
                    ready.Enqueue(link.To, link.To);
                }
            }
        }

        return order;
    }

    /// <summary>
    /// A view that frames the whole map in a 1600 × 1000 window (the frontend applies it on load), inside the part of
    /// the canvas its menu bars (about 80 units on top, 60 on the left) leave free.
    /// </summary>
    private static JsonObject View(ImmutableArray<WorldRegionBox> regions)
    {
        const double left = 60, top = 80, freeW = 1600 - left - 20, freeH = 1000 - top - 20;
        var x0 = regions.Min(r => r.X);
        var y0 = regions.Min(r => r.Y);
        var w = regions.Max(r => r.X + r.Width) - x0;
        var h = regions.Max(r => r.Y + r.Height) - y0;
        var scale = Math.Floor(Math.Min(1.0, Math.Min(freeW / w, freeH / h)) * 1000) / 1000;
        return new JsonObject
        {
            ["scale"] = scale,
            ["offset"] = new JsonArray(
                Math.Round(-x0 + ((left + ((freeW - (w * scale)) / 2)) / scale), 2),
                Math.Round(-y0 + ((top + ((freeH - (h * scale)) / 2)) / scale), 2)),
        };
    }

    private static string StableId(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40); // version 4 layout, as the frontend's ids
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
