using System.Text;
using System.Text.Json;
using Loki.Tests;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The loader parses with repeated keys allowed when <see cref="JsonKeyScan"/> clears the text, so the scan must find
/// every repeated key the strict parse finds, in every object at every depth (a text it misses would be read with both
/// values instead of the last one). The reference is System.Text.Json's own check (<c>AllowDuplicateProperties = false</c>).
/// </summary>
public sealed class JsonKeyScanTests
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 512 };

    [Theory]
    [InlineData("""{"a": 1, "b": 2}""", false)]
    [InlineData("""{"a": 1, "a": 2}""", true)]
    [InlineData("""{"a": {"b": 1, "c": {"d": [1, {"e": 1, "e": 2}]}}}""", true)]
    [InlineData("""{"a": {"b": 1}, "b": {"a": 1}, "c": [{"a": 1}, {"a": 2}]}""", false)]
    [InlineData("""{"a": {"x": 1}, "a": 2}""", true)]
    [InlineData("""{"s": "{\"a\": 1, \"a\": 2}", "t": "}{::\"", "u": "\\"}""", false)]
    [InlineData("""{"s": "\\\"", "s2": "\\\\", "s": 1}""", true)]
    [InlineData("""{"": 1, "": 2}""", true)]
    [InlineData("""{"": 1, " ": 2}""", false)]
    [InlineData("""{"12345678": 1, "12345678": 2}""", true)]
    [InlineData("""{"1234567890123456": 1, "1234567890123457": 2}""", false)]
    [InlineData("""{"a-long-key-that-differs-in-X-the-middle": 1, "a-long-key-that-differs-in-Y-the-middle": 2}""", false)]
    [InlineData("""{"a-long-key-that-differs-in-X-the-middle": 1, "a-long-key-that-differs-in-X-the-middle": 2}""", true)]
    [InlineData("{\"a\"\t\r\n :1,\"a\"\n:2}", true)]
    [InlineData("""{"caf\u00e9": 1, "cafe": 2}""", false)]
    [InlineData("""{"café": 1, "café": 2}""", true)]
    [InlineData("""{"名前": 1, "名前": 2}""", true)]
    [InlineData("""[{"a": 1}, {"a": 1}, [], {}, "a", "a"]""", false)]
    [InlineData("""{"a": [], "b": {}, "c": [[{}]], "a": null}""", true)]
    public void Agrees_with_the_strict_parse(string json, bool repeated)
    {
        Assert.Equal(repeated, StrictFindsRepeat(json));
        AssertAgrees(json);
    }

    [Theory]
    [InlineData("""{"\u0061": 1, "a": 2}""")]
    [InlineData("""{"a\"b": 1, "c": 2}""")]
    public void A_key_with_an_escape_is_left_to_the_strict_parse(string json)
    {
        foreach (var width in new[] { 512, 256, 128 })
        {
            Assert.Equal(JsonKeyScan.Result.Unsure, JsonKeyScan.Scan(Encoding.UTF8.GetBytes(json), width));
        }
    }

    [Fact]
    public void Keys_quotes_and_backslashes_at_every_offset_across_the_64_byte_blocks()
    {
        for (var pad = 0; pad < 140; pad++)
        {
            var filler = new string('x', pad);
            AssertAgrees($$"""{"p": "{{filler}}", "key": 1, "key": 2}""");
            AssertAgrees($$"""{"p": "{{filler}}", "key": 1, "kez": 2}""");
            AssertAgrees($$"""{"p": "{{filler}}\\", "q": 1, "p": 2}""");
            AssertAgrees($$"""{"p": "{{filler}}\\\"{\"p\":", "q": {"r": 1}, "r": 2}""");
            AssertAgrees($$"""{"p": "{{filler}}\\\\\\\\", "q": 1, "q": 2}""");
            AssertAgrees($$"""{"{{filler}}": 1, "z": 2, "{{filler}}": 3}""");
            AssertAgrees($$"""{"{{filler}}a": 1, "{{filler}}b": 2}""");
            AssertAgrees($$"""{"a": [{{string.Join(", ", Enumerable.Repeat("1", pad))}}], "b": 1, "b"   :   2}""");
        }
    }

    [Fact]
    public void Objects_past_the_linear_limit_and_objects_inside_them()
    {
        for (var n = 1; n < 60; n += 3)
        {
            var keys = Enumerable.Range(0, n).Select(i => $"\"k{i}\": {i}").ToList();
            AssertAgrees("{" + string.Join(", ", keys) + "}");
            AssertAgrees("{" + string.Join(", ", keys) + ", \"k0\": 0}");
            AssertAgrees("{" + string.Join(", ", keys) + $", \"k{n - 1}\": 0}}");

            // A big object inside a big object: the inner one closes, then the outer repeats (or does not) a key.
            var inner = "{" + string.Join(", ", keys) + "}";
            AssertAgrees("{" + string.Join(", ", keys) + $", \"in\": {inner}, \"k{n / 2}\": 1}}");
            AssertAgrees("{" + string.Join(", ", keys) + $", \"in\": {inner}, \"fresh\": 1}}");
        }
    }

    [CorpusFact]
    public void A_repeat_put_into_any_object_of_corpus_files_is_found()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "frontend-pairs"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Where((_, i) => i % 25 == 0).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            AssertAgrees(bytes);
            var objects = ObjectsWithAKey(bytes);
            Assert.NotEmpty(objects);
            foreach (var (open, key) in objects.Where((_, i) => i % 7 == 0))
            {
                // The object's first key written again at its start, and a fresh key there: found, and not found.
                byte[] repeated = [.. bytes[..(open + 1)], .. Encoding.UTF8.GetBytes($"\"{key}\": 0, "), .. bytes[(open + 1)..]];
                byte[] fresh = [.. bytes[..(open + 1)], .. Encoding.UTF8.GetBytes("\"\u00a7fresh\u00a7\": 0, "), .. bytes[(open + 1)..]];
                Assert.True(StrictFindsRepeat(repeated), file);
                AssertAgrees(repeated, file);
                AssertAgrees(fresh, file);
            }
        }
    }

    [CorpusFact]
    public void Every_corpus_json_file_is_judged_as_the_strict_parse_judges_it()
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus!, "*.json", SearchOption.AllDirectories))
        {
            AssertAgrees(File.ReadAllBytes(file), file);
            count++;
        }

        Assert.True(count > 1000, $"{count} files");
    }

    private static void AssertAgrees(string json) => AssertAgrees(Encoding.UTF8.GetBytes(json), json);

    private static void AssertAgrees(byte[] json, string? what = null)
    {
        // Every width: CI machines without 512-bit vectors and Native AOT builds take the narrower paths.
        var scan = JsonKeyScan.Scan(json, 512);
        Assert.Equal(scan, JsonKeyScan.Scan(json, 256));
        Assert.Equal(scan, JsonKeyScan.Scan(json, 128));
        if (!IsJson(json))
        {
            return;
        }

        var strict = StrictFindsRepeat(json);
        if (scan == JsonKeyScan.Result.Unsure)
        {
            Assert.True(HasEscapedKey(json), $"unsure without an escaped key: {what}");
            return;
        }

        Assert.True(strict == (scan == JsonKeyScan.Result.Repeated), $"scan {scan}, strict parse {(strict ? "finds" : "does not find")} a repeat: {what}");
    }

    private static bool StrictFindsRepeat(string json) => StrictFindsRepeat(Encoding.UTF8.GetBytes(json));

    private static bool StrictFindsRepeat(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Strict);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static bool IsJson(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasEscapedKey(byte[] json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 512 });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                return true;
            }
        }

        return false;
    }

    // Each object that has a key: where its brace opens, and its first key as written.
    private static List<(int Open, string Key)> ObjectsWithAKey(byte[] json)
    {
        var result = new List<(int, string)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 512 });
        var open = -1;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                open = (int)reader.TokenStartIndex;
            }
            else if (reader.TokenType == JsonTokenType.PropertyName && open >= 0)
            {
                result.Add((open, Encoding.UTF8.GetString(reader.ValueSpan)));
                open = -1;
            }
        }

        return result;
    }
}
