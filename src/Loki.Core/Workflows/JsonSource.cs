using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads JSON text into mutable nodes (so unknown keys survive a round trip), turning every parse failure and every
/// over-large file into a coded <see cref="LokiException"/> that names the file and the line.
/// </summary>
public static class JsonSource
{
    /// <summary>The largest file LOKI reads as a workflow, prompt, schema dump or media file: 50 MB.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 512,
    };

    private static readonly JsonDocumentOptions StrictOptions = DocumentOptions with { AllowDuplicateProperties = false };

    /// <summary>Reads the whole of <paramref name="path"/> as text after checking that it exists and is not too large.</summary>
    public static string ReadText(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw Fail(LokiCodes.FileNotFound, "file not found", path);
        }

        CheckSize(info.Length, path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(LokiCodes.FileUnreadable, "cannot read the file: " + e.Message, path);
        }
    }

    /// <summary>Throws <see cref="LokiCodes.FileTooLarge"/> when <paramref name="length"/> exceeds <see cref="MaxFileBytes"/>.</summary>
    public static void CheckSize(long length, string path)
    {
        if (length > MaxFileBytes)
        {
            throw Fail(LokiCodes.FileTooLarge, $"the file is {length} bytes; LOKI reads files up to {MaxFileBytes} bytes", path);
        }
    }

    /// <summary>
    /// Parses <paramref name="json"/>; a syntax error (truncated or malformed text) throws
    /// <paramref name="code"/> with the 1-based line and column.
    /// </summary>
    public static JsonNode Parse(string json, string file, string code)
    {
        try
        {
            // Not disposed on purpose: the number and string values built below keep pointing into the document.
            var document = JsonDocument.Parse(json, DocumentOptions);
            return Build(document.RootElement) ?? throw Fail(code, "the file holds JSON null", file);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            var message = "not valid JSON: " + FirstSentence(e.Message);
            throw new LokiException(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file, JsonErrorPath.Find(json), line, column), e);
        }
    }

    /// <summary>
    /// Parses <paramref name="utf8"/> (a file's bytes; a UTF-8 byte order mark is skipped) into nodes that are built on
    /// first access: the parts of a workflow no reader visits (positions, sizes, groups, <c>extra</c>) are never
    /// copied out of the parsed document. Same result and same errors as <see cref="Parse"/>: text with a key written
    /// twice, or text that does not parse, goes through <see cref="Parse"/>.
    /// </summary>
    /// <remarks>Nodes built on access are not safe to read from two threads at once: one workflow, one thread.</remarks>
    public static JsonNode ParseLazy(ReadOnlyMemory<byte> utf8, string file, string code) => ParseLazy(utf8, file, code, out _);

    /// <summary>
    /// As <see cref="ParseLazy(ReadOnlyMemory{byte}, string, string)"/>; <paramref name="element"/> is the parsed root
    /// the nodes are built from, for readers that take what they need straight from it (null on the text path).
    /// </summary>
    public static JsonNode ParseLazy(ReadOnlyMemory<byte> utf8, string file, string code, out JsonElement? element)
    {
        element = null;
        var span = utf8.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        // Bytes that are not UTF-8 are read as File.ReadAllText reads them (each bad byte becomes U+FFFD): the parser
        // would let them through and fail later, on access.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return Parse(System.Text.Encoding.UTF8.GetString(utf8.Span), file, code);
        }

        // The scan clears nearly every text of repeated keys more cheaply than the strict parse's own check; a text
        // it cannot clear (a key with an escape) gets that check.
        var keys = JsonKeyScan.Scan(utf8.Span);
        if (keys == JsonKeyScan.Result.Repeated)
        {
            return Parse(System.Text.Encoding.UTF8.GetString(utf8.Span), file, code);
        }

        JsonDocument document;
        try
        {
            // Not disposed on purpose: the nodes read from it on access.
            document = JsonDocument.Parse(utf8, keys == JsonKeyScan.Result.Unique ? DocumentOptions : StrictOptions);
        }
        catch (JsonException)
        {
            // A repeated key (kept, last value winning) or bad JSON (reported with line and path): the text path.
            return Parse(System.Text.Encoding.UTF8.GetString(utf8.Span), file, code);
        }

        element = document.RootElement;
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(document.RootElement)!,
            JsonValueKind.Array => JsonArray.Create(document.RootElement)!,
            JsonValueKind.Null => throw Fail(code, "the file holds JSON null", file),
            _ => JsonValue.Create(document.RootElement)!,
        };
    }

    /// <summary>
    /// The element of one value cut from a file the caller has already read as valid UTF-8 JSON (a node's widget values,
    /// say), as the loader would hand it out: a value that holds a key written twice is read on the text path (last
    /// value wins), as <see cref="ParseLazy(ReadOnlyMemory{byte}, string, string, out JsonElement?)"/> reads a file.
    /// </summary>
    internal static JsonElement ParseElement(ReadOnlyMemory<byte> utf8, string file, string code)
    {
        // A value with no object in it has no key to repeat (most widget values are arrays of scalars): parsed as is.
        if (utf8.Span.IndexOf((byte)'{') < 0)
        {
            // Not disposed on purpose, as in ParseLazy: the element is read after this returns.
            return JsonDocument.Parse(utf8, DocumentOptions).RootElement;
        }

        var node = ParseLazy(utf8, file, code, out var element);
        return element ?? ElementOf(node);
    }

    /// <summary>
    /// The parsed element of <paramref name="node"/>'s JSON (written out and parsed again), for a reader given nodes
    /// built in memory rather than read from a file: both then read the same way.
    /// </summary>
    public static JsonElement ElementOf(JsonNode node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            node.WriteTo(writer);
        }

        // Not disposed on purpose, as in ParseLazy: the element is read after this returns.
        return JsonDocument.Parse(buffer.WrittenMemory, DocumentOptions).RootElement;
    }

    /// <summary>
    /// The parsed root of <paramref name="utf8"/> when it is valid UTF-8 JSON (no byte order mark) in which no object
    /// writes a key twice: then <see cref="BuildNode"/> of it is what <see cref="Parse"/> gives for the same text, with
    /// no string made. Null otherwise (the caller takes <see cref="Parse"/>, which also words any error).
    /// </summary>
    internal static JsonElement? TryParseUnique(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || !System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return null;
        }

        var keys = JsonKeyScan.Scan(utf8.Span);
        if (keys == JsonKeyScan.Result.Repeated)
        {
            return null;
        }

        try
        {
            // Not disposed on purpose: the element is read after this returns.
            return JsonDocument.Parse(utf8, keys == JsonKeyScan.Result.Unique ? DocumentOptions : StrictOptions).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The nodes of a parsed element, as <see cref="Parse"/> builds them (null for JSON null).</summary>
    internal static JsonNode? BuildNode(JsonElement element) => Build(element);

    /// <summary>
    /// Copies a parsed element into mutable nodes, eagerly, so that nothing fails later on access. A key written twice
    /// in one object keeps its last value, as JavaScript's <c>JSON.parse</c> (and so the frontend) does.
    /// </summary>
    private static JsonNode? Build(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[property.Name] = Build(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Build(item));
                }

                return array;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element);
        }
    }

    /// <summary>Builds the exception for one coded error.</summary>
    public static LokiException Fail(string code, string message, string? file, string? jsonPath = null) =>
        new(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file, jsonPath));

    private static string FirstSentence(string message)
    {
        // The line and position are given apart; the parser's own " LineNumber: …" and " Path: …" tails are noise.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var p and >= 0 ? p : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
