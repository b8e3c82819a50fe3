using Loki.Core.Diagnostics;

namespace Loki.Core.Media;

/// <summary>
/// Reads the workflow and prompt embedded in a PNG or WebP, as the ComfyUI frontend does when a file is dropped
/// on it (reference §3.2). Throws <see cref="LokiException"/> with a coded diagnostic for a file that cannot be
/// read or is damaged; a readable file without metadata gives an empty <see cref="MediaMetadata"/>.
/// </summary>
public static class MediaMetadataReader
{
    /// <summary>True when <paramref name="path"/> has an extension this reader handles (<c>.png</c>, <c>.webp</c>).</summary>
    public static bool IsMediaPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".webp";

    /// <summary>Reads the metadata of the file at <paramref name="path"/>.</summary>
    public static MediaMetadata Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "file not found", path));
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
            return Read(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileUnreadable, DiagnosticSeverity.Error, $"cannot read file: {ex.Message}", path), ex);
        }
    }

    /// <summary>Reads the metadata of a media file held in memory.</summary>
    public static MediaMetadata Read(ReadOnlyMemory<byte> data, string file)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        return Read(stream, file);
    }

    /// <summary>
    /// Reads the metadata of the media file in <paramref name="stream"/> (from its current position);
    /// <paramref name="file"/> names it in diagnostics.
    /// </summary>
    public static MediaMetadata Read(Stream stream, string file)
    {
        var texts = ReadTexts(stream, file, out var format);
        return format == MediaFormat.Webp
            ? new MediaMetadata(Pick(texts, "workflow", "Workflow"), Pick(texts, "prompt", "Prompt"))
            : new MediaMetadata(Pick(texts, "workflow", null), Pick(texts, "prompt", null));
    }

    /// <summary>Detects the container from the first bytes of <paramref name="head"/>.</summary>
    public static MediaFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngTextReader.Signature))
        {
            return MediaFormat.Png;
        }

        return head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8)
            ? MediaFormat.Webp
            : MediaFormat.Unknown;
    }

    /// <summary>
    /// Every text entry of the file (PNG text chunks; WebP EXIF <c>key:value</c> tags), later entries winning,
    /// for callers that want more than workflow and prompt (A1111 <c>parameters</c>, custom keys).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadTexts(Stream stream, string file, out MediaFormat format)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        var start = stream.Position;
        var head = new byte[12];
        var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        format = Detect(head.AsSpan(0, got));
        switch (format)
        {
            case MediaFormat.Png:
                stream.Position = start + PngTextReader.Signature.Length;
                return PngTextReader.Read(stream, file);
            case MediaFormat.Webp:
                stream.Position = start;
                return WebpExifReader.Read(stream, file);
            default:
                throw new LokiException(new LokiDiagnostic(
                    LokiCodes.MediaUnknownFormat, DiagnosticSeverity.Error, "not a PNG or WebP file (unknown signature)", file));
        }
    }

    private static string? Pick(IReadOnlyDictionary<string, string> texts, string key, string? alternative) =>
        texts.TryGetValue(key, out var v) ? v : alternative is not null && texts.TryGetValue(alternative, out var w) ? w : null;
}
