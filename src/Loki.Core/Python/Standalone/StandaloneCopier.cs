using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Packaging;

namespace Loki.Core.Python.Standalone;

/// <summary>
/// Puts what a <c>--standalone</c> LOKI Script needs beside it: <c>loki_runtime/</c> and, for a flow, the
/// <c>nodes/&lt;n&gt;/</c> folders of the LOKI nodes it uses. The script's own search (<see cref="Emit.RuntimeBootstrap"/>)
/// and the runtime's library search then find them first, so the folder can be zipped and run elsewhere.
/// </summary>
public static class StandaloneCopier
{
    /// <summary>
    /// The file that marks a folder as a copy LOKI made. A copy with it is brought up to date (stale files removed);
    /// a folder without it is someone's own and is never touched.
    /// </summary>
    public const string MarkerName = "LOKI_COPY.txt";

    /// <summary>
    /// Copies <paramref name="runtime"/> to <c>&lt;scriptFolder&gt;/loki_runtime</c> and each of
    /// <paramref name="nodeFolders"/> to <c>&lt;scriptFolder&gt;/nodes/&lt;name&gt;</c>, the files a pack would ship
    /// (<see cref="PackFileFilter"/>). Nothing is written when any target is a folder LOKI did not make (LOKI2102).
    /// </summary>
    /// <returns>The number of files written or removed; -1 when refused.</returns>
    public static int Copy(string scriptFolder, string runtime, IReadOnlyList<string> nodeFolders, DiagnosticBag diagnostics)
    {
        var copies = Targets(scriptFolder, runtime, nodeFolders);
        return Refuses(scriptFolder, nodeFolders, diagnostics) ? -1 : copies.Sum(c => Mirror(c.Source, c.Target));
    }

    /// <summary>
    /// True, with a LOKI2102 error for each, when a folder the copy would write is someone's own; callers check this
    /// before writing the script, so a refused run leaves nothing behind.
    /// </summary>
    public static bool Refuses(string scriptFolder, IReadOnlyList<string> nodeFolders, DiagnosticBag diagnostics)
    {
        var foreign = Targets(scriptFolder, string.Empty, nodeFolders).Where(c => IsForeign(c.Target)).ToList();
        foreach (var (_, target) in foreign)
        {
            diagnostics.Error(LokiCodes.StandaloneForeignFolder, $"this folder is not a copy LOKI made (no {MarkerName}); move it away to write a standalone copy here", target);
        }

        return foreign.Count > 0;
    }

    private static List<(string Source, string Target)> Targets(string scriptFolder, string runtime, IReadOnlyList<string> nodeFolders) =>
        [(runtime, Path.Combine(scriptFolder, "loki_runtime")),
         .. nodeFolders.Select(n => (n, Path.Combine(scriptFolder, "nodes", Path.GetFileName(Path.TrimEndingDirectorySeparator(n)))))];

    private static bool IsForeign(string target) =>
        Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, MarkerName));

    private static int Mirror(string source, string target)
    {
        var wanted = PackFileFilter.EnumerateShipped(source).ToDictionary(rel => rel, rel => File.ReadAllBytes(Path.Combine(source, rel)), StringComparer.Ordinal);
        wanted[MarkerName] = AtomicFile.Utf8.GetBytes(
            $"Copied by LOKI Build (--standalone) from {Path.GetFileName(Path.TrimEndingDirectorySeparator(source))}: the next --standalone run replaces this folder.\n"
            + "Delete this file to make the folder yours; LOKI will then leave it alone.\n");
        var changes = 0;
        if (Directory.Exists(target))
        {
            foreach (var stale in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                         .Where(f => !wanted.ContainsKey(Path.GetRelativePath(target, f).Replace('\\', '/'))).ToList())
            {
                File.Delete(stale);
                changes++;
            }
        }

        foreach (var (rel, bytes) in wanted.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            changes += AtomicFile.WriteIfChanged(Path.Combine(target, rel), bytes) ? 1 : 0;
        }

        return changes;
    }
}
