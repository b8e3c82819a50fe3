using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Text;

namespace Loki.Core.Media;

/// <summary>
/// Embeds a prompt and a workflow into a PNG exactly as ComfyUI's <c>SaveImage</c> does (<c>nodes.py</c>
/// <c>save_images</c> with PIL's <c>PngInfo.add_text</c>): a <c>tEXt</c> chunk <c>prompt</c> holding
/// <c>json.dumps(prompt)</c>, then one <c>tEXt</c> chunk per extra key (<c>workflow</c>), all before the image data.
/// Existing text chunks with the same keywords are replaced; every other chunk is kept byte for byte.
/// </summary>
public static class PngMetadataWriter
{
    /// <summary>Returns <paramref name="png"/> with <c>prompt</c> and <c>workflow</c> embedded (either may be null: left out).</summary>
    public static byte[] Embed(ReadOnlySpan<byte> png, JsonNode? prompt, JsonNode? workflow, string file = "<png>")
    {
        var extra = workflow is null ? [] : new[] { KeyValuePair.Create("workflow", (JsonNode?)workflow) };
        return EmbedExtra(png, prompt, extra, file);
    }

    /// <summary>
    /// Returns <paramref name="png"/> with <c>prompt</c> and every <c>extra_pnginfo</c> entry embedded, in that order,
    /// as SaveImage writes them.
    /// </summary>
    public static byte[] EmbedExtra(ReadOnlySpan<byte> png, JsonNode? prompt, IReadOnlyList<KeyValuePair<string, JsonNode?>> extraPngInfo, string file = "<png>")
    {
        var texts = new List<KeyValuePair<string, string>>();
        if (prompt is not null)
        {
            texts.Add(KeyValuePair.Create("prompt", PythonJson.Dumps(prompt)));
        }

        foreach (var (key, value) in extraPngInfo)
        {
            texts.Add(KeyValuePair.Create(key, PythonJson.Dumps(value)));
        }

        return EmbedText(png, texts, file);
    }

    /// <summary>
    /// Returns <paramref name="png"/> with each of <paramref name="texts"/> as a <c>tEXt</c> chunk (Latin-1) before the
    /// image data; earlier text chunks with the same keywords go. An empty value with <paramref name="removeOnly"/>
    /// set removes the keyword without writing it.
    /// </summary>
    public static byte[] EmbedText(ReadOnlySpan<byte> png, IReadOnlyList<KeyValuePair<string, string>> texts, string file = "<png>", bool removeOnly = false)
    {
        var replaced = texts.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        if (removeOnly)
        {
            texts = [];
        }

        if (!png.StartsWith(PngTextReader.Signature) || png.Length < 8 + 12 || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.MediaNotWritable, DiagnosticSeverity.Error, "not a PNG file (no signature or no IHDR chunk first)", file));
        }

        using var output = new MemoryStream(png.Length + texts.Sum(t => t.Value.Length + t.Key.Length + 13));
        output.Write(png[..8]);
        var offset = 8;
        var written = false;
        while (offset + 12 <= png.Length)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[offset..]), int.MaxValue);
            if (length > png.Length - offset - 12)
            {
                throw new LokiException(new LokiDiagnostic(LokiCodes.MediaTruncated, DiagnosticSeverity.Error, $"PNG chunk at byte {offset} is cut off", file));
            }

            var type = png.Slice(offset + 4, 4);
            var chunk = png.Slice(offset, length + 12);
            offset += length + 12;
            if (!written && (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8)))
            {
                // PIL writes text chunks after IHDR and the colour chunks, right before the image data.
                foreach (var (key, text) in texts)
                {
                    WriteText(output, key, text, file);
                }

                written = true;
            }

            if (IsReplacedText(type, chunk.Slice(8, length), replaced))
            {
                continue;
            }

            output.Write(chunk);
        }

        return output.ToArray();
    }

    /// <summary>Reads the PNG at <paramref name="source"/>, embeds the metadata and writes <paramref name="target"/> atomically.</summary>
    public static void EmbedFile(string source, string target, JsonNode? prompt, JsonNode? workflow)
    {
        var bytes = File.ReadAllBytes(source);
        IO.AtomicFile.Write(target, Embed(bytes, prompt, workflow, source));
    }

    private static bool IsReplacedText(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data, HashSet<string> keys)
    {
        if (!type.SequenceEqual("tEXt"u8) && !type.SequenceEqual("zTXt"u8) && !type.SequenceEqual("iTXt"u8))
        {
            return false;
        }

        var nul = data.IndexOf((byte)0);
        return nul > 0 && keys.Contains(Encoding.Latin1.GetString(data[..nul]));
    }

    private static void WriteText(Stream output, string key, string text, string file)
    {
        // json.dumps output is pure ASCII, so PIL always picks tEXt (Latin-1); keys are plain ASCII words.
        if (key.Length is 0 or > 79 || key.Any(c => c > 0xFF) || text.Any(c => c > 0xFF))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.MediaNotWritable, DiagnosticSeverity.Error, $"text key '{key}' cannot be written as a PNG tEXt chunk", file));
        }

        var data = new byte[key.Length + 1 + text.Length];
        Encoding.Latin1.GetBytes(key, data);
        Encoding.Latin1.GetBytes(text, data.AsSpan(key.Length + 1));
        PngChunk.Write(output, "tEXt"u8, data);
    }
}
