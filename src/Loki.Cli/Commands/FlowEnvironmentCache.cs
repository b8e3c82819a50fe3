using System.Collections.Concurrent;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Cli.Commands;

/// <summary>
/// The flow environments of one <c>loki convert</c> run, one per LOKI library: a batch of many files in one library
/// reads that library and merges it into the schemas once, not once per file. Lives for one run only, so a library
/// edited between runs is read again.
/// </summary>
internal sealed class FlowEnvironmentCache
{
    private readonly ConcurrentDictionary<string, Lazy<(FlowEnvironment Environment, IReadOnlyList<LokiDiagnostic> Diagnostics)>> _byLibraries = new(StringComparer.Ordinal);

    // The library each folder lies in (or none): a batch asks once per folder, not once per file and parent folder.
    private readonly ConcurrentDictionary<string, string?> _rootByFolder = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="FlowLibrary.RootAbove"/> of <paramref name="flowPath"/>, each folder looked at once per run (a batch of
    /// 249 files in one tree asked the file system about every parent folder of every file).
    /// </summary>
    public string? RootAbove(string flowPath) => RootOf(Path.GetDirectoryName(Path.GetFullPath(flowPath))!);

    /// <summary>The environment for the library roots <paramref name="roots"/>; the diagnostics reading them gave are added to <paramref name="diagnostics"/> every time.</summary>
    public FlowEnvironment Get(IReadOnlyList<string> roots, SchemaSet schemas, DiagnosticBag diagnostics)
    {
        var entry = _byLibraries.GetOrAdd(string.Join('\0', roots), _ => new(() =>
        {
            var read = new DiagnosticBag();
            return (new FlowEnvironment(schemas, FlowLibrary.Read(roots, read)), read.Items);
        })).Value;
        diagnostics.AddRange(entry.Diagnostics);
        return entry.Environment;
    }

    private string? RootOf(string folder)
    {
        if (_rootByFolder.TryGetValue(folder, out var root))
        {
            return root;
        }

        root = Directory.Exists(Path.Combine(folder, "nodes")) ? folder : Path.GetDirectoryName(folder) is { } parent ? RootOf(parent) : null;
        _rootByFolder.TryAdd(folder, root);
        return root;
    }
}
