using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.IO;

namespace Loki.Core.Workflows;

/// <summary>
/// Reads a workflow from any form it is saved in (UI JSON, API JSON, PNG, WebP). Bad input throws a
/// <see cref="LokiException"/> whose diagnostic names the file and the place (line, JSON path).
/// </summary>
public static partial class WorkflowLoader
{
    /// <summary>Reads <paramref name="path"/>, choosing the reader by extension (and by content for unknown extensions).</summary>
    public static WorkflowFile Load(string path) => Load(path, null);

    /// <summary>
    /// As <see cref="Load(string)"/>; a <c>.json</c> file is read into <paramref name="buffer"/> when one is given (a
    /// batch's thread reads file after file into the same memory). The result then refers to the buffer's bytes: be
    /// done with it before reading another file into that buffer.
    /// </summary>
    public static WorkflowFile Load(string path, FileReadBuffer? buffer) => Load(path, buffer, null);

    /// <summary>
    /// As <see cref="Load(string, FileReadBuffer?)"/>; a UI workflow's graphs are read into <paramref name="memory"/>
    /// when one is given (see <see cref="WorkflowMemory"/>: be done with the result before the next load with it).
    /// </summary>
    public static WorkflowFile Load(string path, FileReadBuffer? buffer, WorkflowMemory? memory)
    {
        // One open, fstat, read and close; a file that cannot be read so takes the checks below, which report why.
        if (System.IO.Path.GetExtension(path.AsSpan()).Equals(".json", StringComparison.OrdinalIgnoreCase)
            && (buffer is null ? FileReadBuffer.TryReadNew(path, JsonSource.MaxFileBytes) : buffer.TryRead(path, JsonSource.MaxFileBytes)) is { } read
            && !HasUtf16Or32Mark(read.Span))
        {
            return ReadDirect(read, path, memory) ?? FromRoot(JsonSource.ParseLazy(read, path, LokiCodes.WorkflowInvalidJson, out var element), element, path);
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw JsonSource.Fail(LokiCodes.FileNotFound, "file not found", path);
        }

        JsonSource.CheckSize(info.Length, path);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".png" or ".webp")
        {
            return LoadMedia(path, extension == ".png" ? WorkflowFormat.Png : WorkflowFormat.Webp);
        }

        if (extension == ".json" && ReadBytes(path) is { } bytes && !HasUtf16Or32Mark(bytes))
        {
            return ReadDirect(bytes, path, memory) ?? FromRoot(JsonSource.ParseLazy(bytes, path, LokiCodes.WorkflowInvalidJson, out var element), element, path);
        }

        var text = JsonSource.ReadText(path);
        if (extension != ".json" && !text.TrimStart().StartsWith('{'))
        {
            throw JsonSource.Fail(LokiCodes.WorkflowUnsupportedFile, "not a workflow: LOKI reads .json, .png and .webp files", path);
        }

        return Parse(text, path);
    }

    /// <summary>Reads a UI workflow or API prompt held in memory; <paramref name="file"/> names it in diagnostics.</summary>
    public static WorkflowFile Parse(string json, string file) => Parse(System.Text.Encoding.UTF8.GetBytes(json), file);

    /// <summary>Reads a UI workflow or API prompt held in memory as UTF-8; <paramref name="file"/> names it in diagnostics.</summary>
    public static WorkflowFile Parse(ReadOnlyMemory<byte> utf8, string file) => Parse(utf8, file, null);

    /// <summary>
    /// As <see cref="Parse(ReadOnlyMemory{byte}, string)"/>; a UI workflow's graphs are read into <paramref name="memory"/>
    /// when one is given (see <see cref="WorkflowMemory"/>: be done with the result before the next load with it).
    /// </summary>
    public static WorkflowFile Parse(ReadOnlyMemory<byte> utf8, string file, WorkflowMemory? memory) =>
        ReadDirect(utf8, file, memory) ?? FromRoot(JsonSource.ParseLazy(utf8, file, LokiCodes.WorkflowInvalidJson, out var element), element, file);

    /// <summary>
    /// <see cref="Parse(ReadOnlyMemory{byte}, string)"/> without the direct reader: every file through the whole-file
    /// document (the reference the direct reader's results are checked against).
    /// </summary>
    internal static WorkflowFile ParseElementPath(ReadOnlyMemory<byte> utf8, string file) =>
        FromRoot(JsonSource.ParseLazy(utf8, file, LokiCodes.WorkflowInvalidJson, out var element), element, file);

    private static WorkflowFile FromRoot(JsonNode root, JsonElement? element, string file)
    {
        if (root is not JsonObject obj)
        {
            throw JsonSource.Fail(LokiCodes.WorkflowUnknownFormat, "a workflow must be a JSON object", file, "$");
        }

        // A UI workflow is told apart on its parsed element, so its root object is not built here (it is built when
        // someone asks for WorkflowFile.Ui's keys).
        if (element is { } parsed && parsed.TryGetProperty("nodes"u8, out var nodes) && nodes.ValueKind != JsonValueKind.Null)
        {
            return FromJson(obj, file, obj, null, null, parsed);
        }

        return FromJson(obj, file, null, null, null, element);
    }

    // A UI workflow of the common shape, read from its bytes without a whole-file document (UiDirectReader), checked as
    // FromJson checks one; null for any other text, which the element path reads (and reports) as before.
    private static WorkflowFile? ReadDirect(ReadOnlyMemory<byte> utf8, string file, WorkflowMemory? memory)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span) || UiDirectReader.TryRead(utf8, file, memory) is not { } view)
        {
            return null;
        }

        // The view's problems are the file's warnings (one list: an error among them rejects the file).
        var problems = UiWorkflow.Checked(view);
        foreach (var d in problems)
        {
            if (d.IsError)
            {
                throw new LokiException(d);
            }
        }

        return new WorkflowFile(file, view.Source!, problems) { UiView = view };
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw JsonSource.Fail(LokiCodes.FileUnreadable, "cannot read the file: " + e.Message, path);
        }
    }

    // Text in UTF-16 or UTF-32 (which File.ReadAllText recognises by its mark) is not UTF-8: it takes the text path.
    private static bool HasUtf16Or32Mark(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
            || (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF));

    /// <summary>
    /// Classifies and checks an object already parsed: a UI workflow (<c>nodes</c>), an API prompt, or a wrapper
    /// holding <c>workflow</c> and/or <c>prompt</c>.
    /// </summary>
    private static WorkflowFile FromJson(JsonObject obj, string file, JsonObject? ui, JsonObject? api, WorkflowFormat? format, JsonElement? element = null)
    {
        // The element the UI workflow was built from, when the text was parsed here (the views read from it).
        var uiElement = ReferenceEquals(ui, obj) ? element : null;
        var diagnostics = new DiagnosticBag();
        if (ui is null && api is null)
        {
            if (obj["nodes"] is not null)
            {
                ui = obj;
                uiElement = element;
            }
            else if (ApiPrompt.LooksLikePrompt(obj))
            {
                api = obj;
            }
            else if (obj["workflow"] is JsonObject w && w["nodes"] is not null)
            {
                ui = w;
                uiElement = element?.GetProperty("workflow"u8);
                api = obj["prompt"] as JsonObject;
            }
            else if (obj["prompt"] is JsonObject p && ApiPrompt.LooksLikePrompt(p))
            {
                api = p;
            }
            else
            {
                throw JsonSource.Fail(LokiCodes.WorkflowUnknownFormat, "neither a UI workflow (no 'nodes' array) nor an API prompt (entries with 'class_type')", file, "$");
            }
        }

        var view = ui is null ? null : UiWorkflow.Read(ui, uiElement, file, diagnostics);

        if (api is not null)
        {
            // A prompt beside a workflow (in an image) is informative only: its problems do not reject the file.
            var promptDiagnostics = ui is null ? diagnostics : new DiagnosticBag();
            ApiPrompt.Check(api, file, promptDiagnostics);
            if (ui is not null)
            {
                foreach (var d in promptDiagnostics.Items)
                {
                    diagnostics.Add(d with { Severity = DiagnosticSeverity.Warning });
                }
            }
        }

        foreach (var d in diagnostics.Items)
        {
            if (d.IsError)
            {
                throw new LokiException(d);
            }
        }

        return new WorkflowFile(file, format ?? (ui is not null ? WorkflowFormat.UiJson : WorkflowFormat.ApiJson), ui, api, diagnostics.Items) { UiView = view };
    }
}
