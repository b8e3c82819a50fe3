using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// Reads the definitions of one <c>/object_info</c> dump, in the order of its keys, with a warning for each entry that
/// is not a definition. Lazily by default: the dump is indexed (<see cref="DumpIndex"/>) and a definition is parsed
/// only when its class is asked for; text the index does not take is parsed whole, which also reports its errors.
/// </summary>
internal static class DumpReader
{
    /// <summary>UTF-8 that refuses what it cannot encode or decode exactly.</summary>
    internal static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The definitions of the dump file <paramref name="file"/>, its index taken from <paramref name="cache"/> when it
    /// holds the file as it is now, else worked out (and stored there).
    /// </summary>
    public static DumpLayer ReadFile(string file, SchemaOrigin origin, bool lazy, DumpIndexCache? cache, List<LokiDiagnostic> diagnostics)
    {
        if (!lazy)
        {
            return DumpLayer.Of(Parsed(JsonSource.ReadText(file), origin, diagnostics));
        }

        DumpFileIdentity? before = null;
        if (cache?.Open(file, origin, out before) is { } cached)
        {
            foreach (var skip in cached.Table.Skips)
            {
                diagnostics.Add(Skipped(skip.ClassType, skip.Problem!, origin));
            }

            return DumpLayer.Of(cached);
        }

        var bytes = ReadBytes(file);
        if (DumpIndex.TryBuild(bytes) is not { } index)
        {
            return DumpLayer.Of(Parsed(JsonSource.ReadText(file), origin, diagnostics));
        }

        if (before is { } identity)
        {
            cache!.Store(file, identity, bytes.Length, index);
        }

        foreach (var entry in index.Entries)
        {
            if (entry.Problem is not null)
            {
                diagnostics.Add(Skipped(entry.ClassType, entry.Problem, origin));
            }
        }

        return DumpLayer.Of(index, origin);
    }

    /// <summary>The definitions of a dump held as UTF-8 bytes.</summary>
    public static List<(string ClassType, DumpDefinition Definition)> Read(ReadOnlyMemory<byte> utf8, Func<string> text, SchemaOrigin origin, List<LokiDiagnostic> diagnostics) =>
        DumpIndex.TryBuild(utf8) is { } index ? Definitions(index, origin, diagnostics) : Parsed(text(), origin, diagnostics);

    private static List<(string ClassType, DumpDefinition Definition)> Definitions(DumpIndex index, SchemaOrigin origin, List<LokiDiagnostic> diagnostics)
    {
        var result = new List<(string, DumpDefinition)>(index.Entries.Count);
        foreach (var entry in index.Entries)
        {
            if (entry.Problem is not null)
            {
                diagnostics.Add(Skipped(entry.ClassType, entry.Problem, origin));
                continue;
            }

            result.Add((entry.ClassType, new DumpDefinition(index, entry, origin)));
        }

        return result;
    }

    /// <summary>
    /// The UTF-8 of dump text held in memory, or null when the text must be parsed as text: a lone surrogate (no UTF-8
    /// for it) or a leading U+FEFF (which the text parser rejects and the byte reader would skip as a mark).
    /// </summary>
    public static byte[]? Utf8Of(string json)
    {
        if (json.StartsWith('\uFEFF'))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetBytes(json);
        }
        catch (System.Text.EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The definitions of a dump parsed whole (the eager way).</summary>
    public static List<(string ClassType, DumpDefinition Definition)> Parsed(string json, SchemaOrigin origin, List<LokiDiagnostic> diagnostics)
    {
        if (JsonSource.Parse(json, origin.Source, LokiCodes.SchemaInvalid) is not JsonObject obj)
        {
            throw JsonSource.Fail(LokiCodes.SchemaInvalid, "an /object_info dump must be a JSON object of node definitions", origin.Source, "$");
        }

        var result = new List<(string, DumpDefinition)>(obj.Count);
        foreach (var (classType, def) in obj)
        {
            var schema = NodeSchemaParser.TryParse(classType, def, out var problem);
            if (schema is null)
            {
                diagnostics.Add(Skipped(classType, problem!, origin));
                continue;
            }

            result.Add((classType, new DumpDefinition(schema with { Origin = origin })));
        }

        return result;
    }

    private static LokiDiagnostic Skipped(string classType, string problem, SchemaOrigin origin) =>
        new(LokiCodes.SchemaBadNode, DiagnosticSeverity.Warning, $"skipped '{classType}': {problem}", origin.Source, JsonPathText.Key("$", classType));

    // The checks and errors of JsonSource.ReadText, for bytes: read into an array the collector does not clear first
    // (a dump's first run reads megabytes, each page touched once by the read itself).
    private static ReadOnlyMemory<byte> ReadBytes(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw JsonSource.Fail(LokiCodes.FileNotFound, "file not found", path);
        }

        JsonSource.CheckSize(info.Length, path);
        try
        {
            using var handle = File.OpenHandle(path);
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)RandomAccess.GetLength(handle)));
            var done = 0;
            for (int read; done < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(done), done)) > 0;)
            {
                done += read;
            }

            // A file cut short meanwhile is read as it now is (and its index is not stored: its size changed).
            return bytes.AsMemory(0, done);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw JsonSource.Fail(LokiCodes.FileUnreadable, "cannot read the file: " + e.Message, path);
        }
    }
}
