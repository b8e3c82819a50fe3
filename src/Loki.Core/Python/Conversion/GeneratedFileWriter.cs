using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Python.Emit;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// Writes a conversion's files into a node folder without losing anybody's work (contracts.md §6): an authored
/// file (no header) is never touched; a generated file whose recorded source is unchanged but whose body differs
/// was edited by a person and is left with a warning; otherwise the file is (re)written atomically, only when its
/// bytes change.
/// </summary>
public static class GeneratedFileWriter
{
    /// <summary>Writes <paramref name="files"/> under <paramref name="folder"/>; returns the paths actually written.</summary>
    public static IReadOnlyList<string> Write(string folder, IEnumerable<GeneratedFile> files, DiagnosticBag diagnostics, bool force = false)
    {
        var written = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.RelativePath);
            if (File.Exists(path) && !force && !MayReplace(path, file, diagnostics))
            {
                continue;
            }

            try
            {
                if (AtomicFile.WriteIfChanged(path, file.Content))
                {
                    written.Add(path);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(LokiCodes.WriteFailed, $"cannot write: {ex.Message}", path);
            }
        }

        return written;
    }

    private static bool MayReplace(string path, GeneratedFile file, DiagnosticBag diagnostics)
    {
        var existing = File.ReadAllText(path).Replace("\r\n", "\n");
        if (existing == file.Content)
        {
            return true;
        }

        if (file.Kind == GeneratedFileKind.Copy)
        {
            diagnostics.Warning(LokiCodes.AuthoredFileKept, "a different copy of the wrapped code is already here; it is kept (use --force to replace it)", path);
            return false;
        }

        var header = file.Kind == GeneratedFileKind.JsonHeader ? GeneratedHeader.ReadJson(existing) : GeneratedHeader.ReadPython(existing);
        if (header is null)
        {
            diagnostics.Warning(LokiCodes.AuthoredFileKept, "the file has no LOKI header, so it is authored and kept as it is", path);
            return false;
        }

        if (header.Value.Sha256 == file.SourceSha256)
        {
            diagnostics.Warning(LokiCodes.GeneratedFileEdited, "the generated file was edited since it was generated from the same source; it is kept (remove the header to make it yours, or use --force)", path);
            return false;
        }

        return true;
    }
}
