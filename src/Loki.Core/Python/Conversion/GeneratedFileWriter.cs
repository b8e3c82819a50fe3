using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Regeneration;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// Writes a conversion's files into a node folder without losing anybody's work (contracts.md §6): an authored
/// file (no header) is never touched; a generated file whose body no longer matches its recorded body hash was
/// edited by a person and is left with a warning (LOKI4010); otherwise the file is (re)written atomically, only
/// when its bytes change.
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
            var text = file.Text;
            if (File.Exists(path) && !force && !MayReplace(path, file, text, diagnostics))
            {
                continue;
            }

            try
            {
                if (AtomicFile.WriteIfChanged(path, text))
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

    private static bool MayReplace(string path, GeneratedFile file, string text, DiagnosticBag diagnostics)
    {
        var existing = File.ReadAllText(path).Replace("\r\n", "\n");
        if (existing == text)
        {
            return true;
        }

        if (file.Kind == GeneratedFileKind.Copy)
        {
            diagnostics.Warning(LokiCodes.AuthoredFileKept, "a different copy of the wrapped code is already here; it is kept (use --force to replace it)", path);
            return false;
        }

        string body;
        var mark = file.Kind == GeneratedFileKind.JsonHeader
            ? GeneratedHeader.ReadJson(existing, underExtra: false, out body, out _)
            : GeneratedHeader.ReadPython(existing, out body, out _);
        if (mark is null)
        {
            diagnostics.Warning(LokiCodes.AuthoredFileKept, "the file has no LOKI header, so it is authored and kept as it is", path);
            return false;
        }

        var edited = mark.BodySha256 is { } recorded
            ? recorded != Sha256Hex.Of(body)
            : mark.SourceSha256 == file.SourceSha256;
        if (edited)
        {
            diagnostics.Warning(LokiCodes.GeneratedFileEdited, "the generated file was edited by a person; it is kept (remove its header to make it yours, or use --force)", path);
            return false;
        }

        return true;
    }
}
