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
    /// Parses <paramref name="json"/>; a syntax error (truncated or malformed text, a duplicate key) throws
    /// <paramref name="code"/> with the 1-based line and column.
    /// </summary>
    public static JsonNode Parse(string json, string file, string code)
    {
        try
        {
            return JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = false }, DocumentOptions)
                ?? throw Fail(code, "the file holds JSON null", file);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = (int)(e.BytePositionInLine ?? -1) + 1;
            var message = "not valid JSON: " + FirstSentence(e.Message);
            throw new LokiException(new LokiDiagnostic(code, DiagnosticSeverity.Error, message, file, JsonErrorPath.Find(json), line, column), e);
        }
        catch (ArgumentException e)
        {
            // JsonObject reports a key written twice in one object this way.
            throw Fail(code, "not valid JSON: " + e.Message, file);
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
