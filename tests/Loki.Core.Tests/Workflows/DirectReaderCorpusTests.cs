using System.Text;
using System.Text.Json;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The direct reader against the whole-file document over the real corpus: every JSON input of <c>frontend-pairs</c>,
/// <c>pairs</c> and <c>workflows</c> loaded and converted both ways, then a sample of them mutated at every key and value
/// (a key written twice with either value last, a key written with an escape, numbers in other forms, non-ASCII text,
/// the text cut short): both paths must give the same errors, views, root objects and prompts.
/// </summary>
public sealed class DirectReaderCorpusTests
{
    private static IEnumerable<string> Inputs(params string[] sets) => sets
        .SelectMany(set => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, set), "*.json", SearchOption.AllDirectories))
        .Where(f => Path.GetFileName(f) != "index.json")
        .Order(StringComparer.Ordinal);

    [CorpusFact]
    public void Every_corpus_input_loads_and_converts_alike_both_ways()
    {
        var (direct, total) = (0, 0);
        foreach (var file in Inputs("frontend-pairs", "pairs", "workflows"))
        {
            total++;
            direct += LoaderPaths.AssertSame(File.ReadAllBytes(file), file, SchemaSet.Catalogue) ? 1 : 0;
        }

        // Most files have the common shape (subgraphs, API prompts and broken files go the document path).
        Assert.True(total > 1600, $"only {total} inputs");
        Assert.True(direct > total / 2, $"only {direct} of {total} read directly");
    }

    [CorpusFact]
    public void Mutated_corpus_workflows_load_and_convert_alike_both_ways()
    {
        var sample = Inputs("frontend-pairs").Where((_, i) => i % 25 == 3).ToList();
        var checkedCount = 0;
        foreach (var file in sample)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var (what, mutated) in Mutations(bytes))
            {
                checkedCount++;
                try
                {
                    LoaderPaths.AssertSame(mutated, file, checkedCount % 7 == 0 ? SchemaSet.Catalogue : null);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new Xunit.Sdk.XunitException($"{file}, {what}: {e.Message}");
                }
            }
        }

        Assert.True(checkedCount > 2000, $"only {checkedCount} mutations");
    }

    // For each key: written twice before its value, twice after it, and with an escape; for each number: as a
    // fraction, with an exponent, negated; for each string: with non-ASCII text before it; and the text cut short.
    private static IEnumerable<(string What, byte[] Bytes)> Mutations(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 512 });
        var tokens = new List<(JsonTokenType Type, int Start, int End, int ValueEnd)>();
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            var end = (int)reader.BytesConsumed;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var copy = reader;
                copy.Read();
                copy.Skip();
                tokens.Add((reader.TokenType, start, end, (int)copy.BytesConsumed));
            }
            else if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
            {
                tokens.Add((reader.TokenType, start, end, end));
            }
        }

        // Every key near the top (root, first nodes, their slots), then a stride through the rest.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i >= 300 && i % 37 != 0)
            {
                continue;
            }

            var (type, start, end, valueEnd) = tokens[i];
            var text = bytes[start..end];
            if (type == JsonTokenType.PropertyName)
            {
                var key = bytes[start..(end - 1)];
                yield return ($"key {i} twice, the dummy first", Splice(bytes, start, start, [.. key, .. ":\"dummy\","u8]));
                yield return ($"key {i} twice, the dummy last", Splice(bytes, valueEnd, valueEnd, [.. ","u8, .. key, .. ":[1,{\"a\":2}]"u8]));
                if (end - start > 3)
                {
                    yield return ($"key {i} escaped", Splice(bytes, start + 1, start + 2, Encoding.ASCII.GetBytes($"\\u{bytes[start + 1]:x4}")));
                }
            }
            else if (type == JsonTokenType.Number)
            {
                yield return ($"number {i} as a fraction", Splice(bytes, end, end, text.Contains((byte)'.') ? "0"u8.ToArray() : ".0"u8.ToArray()));
                yield return ($"number {i} with an exponent", Splice(bytes, end, end, "e0"u8.ToArray()));
                yield return ($"number {i} negated", Splice(bytes, start, start, "-"u8.ToArray()));
            }
            else if (i % 3 == 0)
            {
                yield return ($"string {i} non-ASCII", Splice(bytes, start + 1, start + 1, "caf\u00e9 \u65e5\\u00e9 "u8.ToArray()));
            }
        }

        for (var cut = 1; cut < 12; cut++)
        {
            yield return ($"cut at {cut}/12", bytes[..(bytes.Length * cut / 12)]);
        }
    }

    private static byte[] Splice(byte[] bytes, int from, int to, byte[] insert) => [.. bytes.AsSpan(0, from), .. insert, .. bytes.AsSpan(to)];
}
