using System.Text;
using System.Text.Json;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// <see cref="JsonKeyMatch"/>: a key the element views read is the same key written plainly or with escapes; the
/// direct reader leaves a file with an escaped key to the element path, so only these tests see that path's answer.
/// </summary>
public sealed class JsonKeyMatchTests
{
    private static readonly byte[][] Names = ["id"u8.ToArray(), "type"u8.ToArray(), "widgets_values"u8.ToArray()];

    [Theory]
    [InlineData("""{"id": 1}""", 0)]
    [InlineData("""{"\u0069d": 1}""", 0)]
    [InlineData("""{"t\u0079pe": 1}""", 1)]
    [InlineData("""{"widgets_value\u0073": 1}""", 2)]
    [InlineData("""{"ids": 1}""", -1)]
    [InlineData("""{"\u0069ds": 1}""", -1)]
    [InlineData("""{"i\\d": 1}""", -1)]
    public void Finds_a_key_as_written_or_as_text(string json, int expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, JsonKeyMatch.IndexOf(document.RootElement.EnumerateObject().First(), Names));
    }

    [Fact]
    public void A_node_and_its_slots_with_escaped_keys_read_as_the_same_keys_written_plainly()
    {
        const string Plain = """
            {"nodes": [{"id": 1, "type": "KSampler", "mode": 4, "order": 3, "title": "t", "inputs": [{"name": "model", "type": "MODEL", "link": 5, "widget": {"name": "w"}}], "outputs": [{"name": "LATENT", "type": "LATENT"}], "properties": {"a": 1}, "widgets_values": [1, "a"]},
                       {"id": 2, "type": "CheckpointLoaderSimple", "mode": 0, "outputs": [{"name": "MODEL", "type": "MODEL", "links": [5]}], "widgets_values": ["m.safetensors"]}],
             "links": [[5, 2, 0, 1, 0, "MODEL"]], "version": 0.4}
            """;
        var escaped = Plain
            .Replace("\"id\": 1", "\"\\u0069d\": 1", StringComparison.Ordinal).Replace("\"type\": \"KSampler\"", "\"t\\u0079pe\": \"KSampler\"", StringComparison.Ordinal)
            .Replace("\"mode\": 4", "\"m\\u006fde\": 4", StringComparison.Ordinal).Replace("\"order\"", "\"\\u006frder\"", StringComparison.Ordinal)
            .Replace("\"title\"", "\"titl\\u0065\"", StringComparison.Ordinal).Replace("\"inputs\"", "\"input\\u0073\"", StringComparison.Ordinal)
            .Replace("\"outputs\": [{\"name\": \"LATENT\"", "\"output\\u0073\": [{\"name\": \"LATENT\"", StringComparison.Ordinal)
            .Replace("\"properties\"", "\"propertie\\u0073\"", StringComparison.Ordinal).Replace("\"widgets_values\": [1", "\"widgets_value\\u0073\": [1", StringComparison.Ordinal)
            .Replace("{\"name\": \"model\"", "{\"n\\u0061me\": \"model\"", StringComparison.Ordinal).Replace("\"type\": \"MODEL\", \"link\"", "\"typ\\u0065\": \"MODEL\", \"lin\\u006b\"", StringComparison.Ordinal)
            .Replace("\"widget\": {", "\"widge\\u0074\": {", StringComparison.Ordinal);
        Assert.Equal(13, escaped.Split("\\u00").Length - 1);

        var plain = WorkflowLoader.Parse(Encoding.UTF8.GetBytes(Plain), "g.json");
        var written = WorkflowLoader.Parse(Encoding.UTF8.GetBytes(escaped), "g.json");
        Assert.NotNull(plain.UiView?.Source);
        Assert.Null(written.UiView?.Source); // the element path read it
        Assert.Equal(LoaderPaths.Describe(plain), LoaderPaths.Describe(written));
    }
}
