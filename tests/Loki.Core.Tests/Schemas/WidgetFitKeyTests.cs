using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// Two definitions of one class with the same <see cref="WidgetFitKey"/> fit every node's saved widgets equally, so
/// <see cref="SchemaChoice"/> keeps whichever ranks higher (what lets a run leave a dump's definition unparsed and a
/// cached dump's unread, <c>WeighedCandidatesTests</c>). Checked on every pair of one class's corpus definitions (the
/// shipped catalogue and every corpus dump, keyed from their own text) that share a key, against every corpus node of
/// that class and against values made up from both definitions' widgets: each combo option, values outside the
/// options, file names, wrong kinds, bad control modes, too many and too few values, values by name.
/// </summary>
public sealed class WidgetFitKeyTests
{
    [CorpusFact]
    public void Definitions_with_one_key_fit_every_node_equally()
    {
        var byClass = Definitions();
        var nodes = CorpusNodes(byClass.Keys.ToHashSet(StringComparer.Ordinal));
        var (pairs, differingKeys, weighed) = (0, 0, 0);
        var failures = new List<string>();
        foreach (var (classType, definitions) in byClass)
        {
            foreach (var group in definitions.GroupBy(d => d.Key))
            {
                var first = group.First().Schema;
                foreach (var other in group.Skip(1).Select(d => d.Schema))
                {
                    pairs++;
                    var values = nodes.GetValueOrDefault(classType, []).Concat(MadeUp(first)).Concat(MadeUp(other)).ToList();
                    foreach (var (positional, named) in values)
                    {
                        weighed++;
                        if (!ReferenceEquals(SchemaChoice.For([first, other], positional, named), first)
                            || !ReferenceEquals(SchemaChoice.For([other, first], positional, named), other))
                        {
                            failures.Add($"{classType} ({first.Origin?.Source} / {other.Origin?.Source}): {positional?.ToJsonString() ?? named?.ToJsonString()}");
                        }
                    }
                }
            }

            differingKeys += definitions.Select(d => d.Key).Distinct().Count() - 1;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {weighed} weighings differ:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(pairs > 500 && differingKeys > 100 && weighed > 40_000, $"{pairs} pairs with one key, {differingKeys} keys differing, {weighed} weighings");
    }

    [Fact]
    public void The_key_tells_apart_what_the_weighing_reads()
    {
        static ulong Key(string inputs) => WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"input\": {\"required\": {" + inputs + "}}, \"output\": [], \"description\": \"d\"}"));

        var plain = Key("\"a\": [[\"x\", \"y\"], {\"tooltip\": \"t\"}], \"n\": [\"INT\", {\"tooltip\": \"t\", \"default\": 3}]");
        Assert.Equal(plain, Key("\"a\": [[\"x\", \"y\"], {\"tooltip\": \"u\"}], \"n\": [\"INT\", {\"default\": 3}]"));

        // Options that hold nothing but a tooltip are no options; an item after them keeps its place.
        Assert.Equal(Key("\"c\": [\"CLIP\"]"), Key("\"c\": [\"CLIP\", {\"tooltip\": \"t\"}]"));
        Assert.Equal(Key("\"c\": [\"CLIP\"]"), Key("\"c\": [\"CLIP\", {}]"));
        Assert.NotEqual(Key("\"c\": [\"CLIP\", {\"forceInput\": true}]"), Key("\"c\": [\"CLIP\", {}, {\"forceInput\": true}]"));

        // input_order that names the inputs in key order, or in another order, as the readers take it.
        Assert.Equal(plain, WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"input_order\": {\"required\": [\"a\", \"n\", \"none\"]}, \"input\": {\"required\": {\"a\": [[\"x\", \"y\"], {}], \"n\": [\"INT\", {\"default\": 3}]}}}")));
        Assert.Equal(plain, WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"input\": {\"required\": {\"n\": [\"INT\", {\"default\": 3}], \"a\": [[\"x\", \"y\"], {}]}}, \"input_order\": {\"required\": [\"a\"]}}")));
        Assert.NotEqual(plain, WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"input\": {\"required\": {\"a\": [[\"x\", \"y\"], {}], \"n\": [\"INT\", {\"default\": 3}]}}, \"input_order\": {\"required\": [\"n\"]}}")));
        Assert.NotEqual(plain, WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"input\": {\"required\": {\"a\": [[\"x\", \"y\"], {}]}, \"optional\": {\"n\": [\"INT\", {\"default\": 3}]}}}")));
        Assert.Equal(0UL, WidgetFitKey.Of("{\"input\": {\"required\": {\"a\": [\"INT\"], \"a\": [\"FLOAT\"]}}}"u8));
        Assert.Equal(plain, Key("\"a\":[ [\"x\",\"y\"] , {}],\n \"n\": [\"INT\", {\"default\": 3, \"tooltip\": {\"nested\": [1]}}]"));
        Assert.Equal(plain, WidgetFitKey.Of(Encoding.UTF8.GetBytes("{\"display_name\": \"N\", \"input\": {\"required\": {\"a\": [[\"x\", \"y\"], {}], \"n\": [\"INT\", {\"default\": 3}]}}, \"output\": [\"X\"]}")));
        foreach (var other in new[]
        {
            "\"a\": [[\"x\", \"z\"]], \"n\": [\"INT\", {\"default\": 3}]",
            "\"a\": [[\"x\", \"y\"]], \"n\": [\"FLOAT\", {\"default\": 3}]",
            "\"a\": [[\"x\", \"y\"]], \"m\": [\"INT\", {\"default\": 3}]",
            "\"a\": [[\"x\", \"y\"]], \"n\": [\"INT\", {\"default\": 4}]",
            "\"a\": [[\"x\", \"y\"]], \"n\": [\"INT\", {\"default\": 3, \"forceInput\": true}]",
            "\"a\": [[\"x\", \"y\"]], \"n\": [\"INT\", {\"default\": 3, \"control_after_generate\": true}]",
            "\"n\": [\"INT\", {\"default\": 3}], \"a\": [[\"x\", \"y\"]]",
            "\"a\": [[\"x\", \"y\"]], \"n\": [\"INT\", {\"default\": 3}], \"tooltip\": [\"INT\"]",
        })
        {
            Assert.NotEqual(plain, Key(other));
        }

        // A list that never counts (empty, or naming files: whatever files), in either form of combo, is one mark.
        var files = Key("\"f\": [[\"a.safetensors\"]]");
        Assert.Equal(files, Key("\"f\": [[\"b.ckpt\", \"c.pt\"]]"));
        Assert.Equal(files, Key("\"f\": [[]]"));
        Assert.NotEqual(files, Key("\"f\": [[\"b\"]]"));
        Assert.Equal(Key("\"f\": [\"COMBO\", {\"options\": [\"dir/x\"]}]"), Key("\"f\": [\"COMBO\", {\"options\": []}]"));
        Assert.NotEqual(Key("\"f\": [\"COMBO\", {\"options\": [\"x\"]}]"), Key("\"f\": [\"COMBO\", {\"options\": [\"y\"]}]"));
        Assert.Equal(0UL, WidgetFitKey.Of("[1]"u8));
        Assert.Equal(0UL, WidgetFitKey.Of("{\"input\": "u8));
    }

    // Every definition of each class defined more than once over the catalogue and the corpus dumps (one per distinct
    // text), with its key worked out from the text as a dump gives it.
    private static Dictionary<string, List<(ulong Key, NodeSchema Schema)>> Definitions()
    {
        var all = new Dictionary<string, List<(ulong Key, NodeSchema Schema)>>(StringComparer.Ordinal);
        void Add(string classType, ReadOnlySpan<byte> text, NodeSchema schema)
        {
            var list = all.TryGetValue(classType, out var found) ? found : all[classType] = [];
            if (!list.Any(d => d.Schema.SameJson(schema)))
            {
                list.Add((WidgetFitKey.Of(text), schema));
            }
        }

        foreach (var classType in SchemaSet.Catalogue.ClassTypes)
        {
            Add(classType, SchemaSet.CatalogueTextOf(classType)!.Value.Span, SchemaSet.Catalogue.Find(classType)!);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories).Where(f => !SchemaOrigin.IsStatsFile(f)).Order(StringComparer.Ordinal))
        {
            if (DumpIndex.TryBuild(File.ReadAllBytes(file)) is not { } index)
            {
                continue;
            }

            var origin = new SchemaOrigin(file, null);
            foreach (var entry in index.Entries.Where(e => e.Problem is null))
            {
                Add(entry.ClassType, index.TextOf(entry).Span, new DumpDefinition(index, entry, origin).Schema());
            }
        }

        return all.Where(p => p.Value.Count > 1).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    // The saved widgets of every corpus node of these classes (positional or by name), at most 40 per class.
    private static Dictionary<string, List<(JsonArray?, JsonObject?)>> CorpusNodes(HashSet<string> classes)
    {
        var found = new Dictionary<string, List<(JsonArray?, JsonObject?)>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(RepoPaths.Corpus!, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schemas{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith(".api.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            foreach (var node in Nodes(root))
            {
                if (node["type"] is JsonValue type && type.TryGetValue(out string? classType) && classes.Contains(classType)
                    && (found.TryGetValue(classType, out var list) ? list : found[classType] = []) is { Count: < 40 } values)
                {
                    values.Add((node["widgets_values"] as JsonArray, node["widgets_values"] as JsonObject));
                }
            }
        }

        return found;
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? graph)
    {
        if (graph is not JsonObject obj)
        {
            yield break;
        }

        foreach (var node in (obj["nodes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return node;
        }

        foreach (var sub in ((obj["definitions"] as JsonObject)?["subgraphs"] as JsonArray ?? []).SelectMany(Nodes))
        {
            yield return sub;
        }
    }

    // Saved widgets made up from a definition's layout: a plain set, then one position changed at a time.
    private static IEnumerable<(JsonArray?, JsonObject?)> MadeUp(NodeSchema schema)
    {
        var layout = WidgetLayout.For(schema);
        var plain = layout.Select(s => Plain(s)).ToList();
        yield return (Array(plain), null);
        yield return ([], null);
        yield return (Array([.. plain, JsonValue.Create("extra")]), null);
        yield return (Array(plain.Take(plain.Count / 2)), null);
        for (var i = 0; i < layout.Count; i++)
        {
            var options = layout[i].Input?.Choices?.Take(30).Select(c => c?.DeepClone()) ?? [];
            foreach (var other in options.Concat([JsonValue.Create("no such option"), JsonValue.Create("dir/file.png"), JsonValue.Create(7), JsonValue.Create(true), null, JsonValue.Create("bogus"), new JsonArray()]))
            {
                var changed = plain.Select(v => v?.DeepClone()).ToList();
                changed[i] = other;
                yield return (Array(changed), null);
            }
        }

        var named = new JsonObject();
        foreach (var input in schema.Inputs.Where(i => i.HasWidget).DistinctBy(i => i.Name))
        {
            named[input.Name] = Plain(new WidgetSlot(WidgetSlotKind.Value, input));
        }

        yield return (null, named);
        var odd = (JsonObject)named.DeepClone();
        odd["no such input"] = 1;
        yield return (null, odd);
        foreach (var name in named.Select(p => p.Key).ToList())
        {
            var changed = (JsonObject)named.DeepClone();
            changed[name] = "no such option";
            yield return (null, changed);
        }
    }

    private static JsonArray Array(IEnumerable<JsonNode?> values) => [.. values.Select(v => v?.DeepClone())];

    private static JsonNode? Plain(WidgetSlot slot) => slot.Kind switch
    {
        WidgetSlotKind.Control => JsonValue.Create("fixed"),
        WidgetSlotKind.Filter => JsonValue.Create(string.Empty),
        WidgetSlotKind.Upload => JsonValue.Create("image"),
        _ => slot.Input!.WidgetType switch
        {
            "INT" or "FLOAT" => JsonValue.Create(1),
            "BOOLEAN" => JsonValue.Create(false),
            "COMBO" => slot.Input.Choices is { Count: > 0 } c ? c[0]?.DeepClone() : JsonValue.Create("x"),
            _ => JsonValue.Create("text"),
        },
    };
}
