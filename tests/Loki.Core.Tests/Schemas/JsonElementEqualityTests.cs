using System.Text;
using System.Text.Json;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// Ranking asks whether two definitions are the same JSON (<see cref="JsonElementEquality"/> on the parsed elements):
/// the answer is always whether their trees write the same text (<c>ToJsonString</c>), the old test, on every pair of
/// definitions of a class across the corpus dumps and on pairs written the odd ways (escapes, number forms, order).
/// </summary>
public sealed class JsonElementEqualityTests
{
    public static TheoryData<string, string, bool> OddPairs() => new()
    {
        { """{"a": "é"}""", """{"a": "\u00e9"}""", true },
        { """{"a": "😀 /"}""", """{"a": "\ud83d\ude00 \/"}""", true },
        { """{"\u0061": 1}""", """{"a": 1}""", true },
        { """{"a": "x\"y"}""", """{"a": "x\u0022y"}""", true },
        { """{"a" :  [1, 2] }""", "{\"a\":[1,2]}", true },
        { """{"a": 1.0}""", """{"a": 1}""", false },
        { """{"a": 1e2}""", """{"a": 100}""", false },
        { """{"a": -0}""", """{"a": 0}""", false },
        { """{"a": 1, "b": 2}""", """{"b": 2, "a": 1}""", false },
        { """{"a": 1}""", """{"a": 1, "b": null}""", false },
        { """{"a": null}""", """{}""", false },
        { """{"a": [1, 2]}""", """{"a": [1, 2, 3]}""", false },
        { """{"a": [1, [2]]}""", """{"a": [1, [3]]}""", false },
        { """{"a": true}""", """{"a": false}""", false },
        { """{"a": "1"}""", """{"a": 1}""", false },
        { """{"a": "x"}""", """{"a": "\u0078y"}""", false },
        { """{"\u0061b": 1}""", """{"ac": 1}""", false },
        { """{"a": {"b": {"c": "d"}}}""", """{"a": {"b": {"c": "d"}}}""", true },
    };

    [Theory]
    [MemberData(nameof(OddPairs))]
    public void Two_odd_definitions_are_the_same_JSON_exactly_when_they_write_the_same_text(string a, string b, bool same)
    {
        // Each inside a definition (one needs an output), so the reader takes it.
        var (left, right) = (Read(Encoding.UTF8.GetBytes("{\"output\": [], \"v\": " + a + "}")), Read(Encoding.UTF8.GetBytes("{\"output\": [], \"v\": " + b + "}")));
        Assert.Equal(same, left.RawText == right.RawText);
        Assert.Equal(same, JsonElementEquality.Same(Parse(a), Parse(b)));
        Assert.Equal(same, left.SameJson(right));
        Assert.Equal(same, right.SameJson(left));
    }

    [CorpusFact]
    public void Every_pair_of_a_class_definitions_across_the_corpus_dumps_is_the_same_JSON_exactly_when_it_writes_the_same_text()
    {
        var byClass = new Dictionary<string, List<NodeSchema>>(StringComparer.Ordinal);
        foreach (var dump in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (DumpIndex.TryBuild(File.ReadAllBytes(dump)) is not { } index)
            {
                continue;
            }

            foreach (var entry in index.Entries.Where(e => e.Problem is null))
            {
                if (NodeSchemaReader.TryRead(entry.ClassType, index.Utf8.Slice(entry.Start, entry.Length), out var schema, out _))
                {
                    (byClass.TryGetValue(entry.ClassType, out var list) ? list : byClass[entry.ClassType] = []).Add(schema!);
                }
            }
        }

        var (same, different) = (0, 0);
        foreach (var (classType, schemas) in byClass)
        {
            for (var i = 0; i < schemas.Count; i++)
            {
                for (var j = i + 1; j < schemas.Count; j++)
                {
                    var expected = schemas[i].Raw.ToJsonString() == schemas[j].Raw.ToJsonString();
                    Assert.True(expected == schemas[i].SameJson(schemas[j]), $"{classType} #{i} #{j}");
                    _ = expected ? same++ : different++;
                }
            }
        }

        Assert.True(same > 100 && different > 100, $"{same} same, {different} different pairs");
    }

    private static NodeSchema Read(byte[] utf8)
    {
        Assert.True(NodeSchemaReader.TryRead("A", utf8, out var schema, out _));
        Assert.NotNull(schema);
        return schema;
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
