using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Media;
using Loki.Core.Regeneration;
using Loki.Core.Rendering;

namespace Loki.Core.Glamours;

/// <summary>
/// How a generated glamour picture says so. A PNG cannot start with the LOKI header, so it carries the same fields
/// as a JSON file's <c>loki</c> block in a <c>tEXt</c> chunk named <c>loki</c>: <c>generated</c>, <c>source</c>,
/// <c>source_sha256</c> (here the hash of everything the glamour is drawn from) and <c>body_sha256</c> (the PNG
/// without that chunk). A picture without the chunk is a person's; one whose body no longer matches was edited.
/// </summary>
public static class GlamourMark
{
    /// <summary>The text chunk keyword.</summary>
    public const string Keyword = "loki";

    /// <summary>Returns <paramref name="png"/> with the mark added.</summary>
    public static byte[] Stamp(byte[] png, string source, string inputsSha256)
    {
        var mark = new JsonObject
        {
            ["generated"] = true,
            ["source"] = source,
            ["source_sha256"] = inputsSha256,
            ["body_sha256"] = Sha256Hex.Of(png),
        };
        return PngMetadataWriter.EmbedText(png, [KeyValuePair.Create(Keyword, mark.ToJsonString())]);
    }

    /// <summary>Reads the mark of the picture at <paramref name="path"/>: authored (no mark), generated and intact, or edited.</summary>
    public static GlamourFileState Read(string path)
    {
        if (!File.Exists(path))
        {
            return GlamourFileState.Missing;
        }

        var bytes = File.ReadAllBytes(path);
        IReadOnlyDictionary<string, string> texts;
        try
        {
            texts = PngImage.ReadTexts(bytes, path);
        }
        catch (Diagnostics.LokiException)
        {
            return GlamourFileState.Authored(bytes);
        }

        if (!texts.TryGetValue(Keyword, out var json) || Parse(json) is not { } mark || mark["generated"]?.GetValueKind() != JsonValueKind.True)
        {
            return GlamourFileState.Authored(bytes);
        }

        var body = PngMetadataWriter.EmbedText(bytes, [KeyValuePair.Create(Keyword, string.Empty)], path, removeOnly: true);
        var intact = mark["body_sha256"]?.ToString() == Sha256Hex.Of(body);
        return new GlamourFileState(intact ? GlamourFileKind.Generated : GlamourFileKind.Edited, bytes, mark["source_sha256"]?.ToString());
    }

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
