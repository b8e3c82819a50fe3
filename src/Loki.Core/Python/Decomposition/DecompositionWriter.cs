using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Regeneration;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// Writes a decomposition's folders, all or nothing: first every target folder is checked to be free or this
/// decomposition's own (its config carries the LOKI header of the same source), then the files are written
/// through <see cref="GeneratedFileWriter"/> (atomic, edited files kept).
/// </summary>
public static class DecompositionWriter
{
    /// <summary>Folders that belong to someone else (LOKI6139 each); empty when all may be written.</summary>
    public static IReadOnlyList<LokiDiagnostic> Refusals(string library, IReadOnlyList<PlannedFolder> folders)
    {
        var refusals = new List<LokiDiagnostic>();
        foreach (var folder in folders)
        {
            var path = Path.Combine(library, folder.Name);
            if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any())
            {
                continue;
            }

            var config = Path.Combine(path, folder.Name + ".json");
            var planned = folder.Files.First(f => f.RelativePath == folder.Name + ".json");
            var mark = File.Exists(config) ? GeneratedHeader.ReadJson(File.ReadAllText(config), underExtra: false, out _, out _) : null;
            if (mark is null || mark.Source != planned.Source)
            {
                refusals.Add(new LokiDiagnostic(LokiCodes.DecomposeFolderTaken, DiagnosticSeverity.Error,
                    $"node folder {folder.Name} holds a node this decomposition did not write ({(mark is null ? "no LOKI header" : "generated from " + mark.Source)}); nothing was written",
                    path));
            }
        }

        return refusals;
    }

    /// <summary>Writes every folder; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string library, IReadOnlyList<PlannedFolder> folders, DiagnosticBag diagnostics, bool force)
    {
        var written = new List<string>();
        foreach (var folder in folders)
        {
            written.AddRange(GeneratedFileWriter.Write(Path.Combine(library, folder.Name), folder.Files, diagnostics, force));
        }

        return written;
    }
}
