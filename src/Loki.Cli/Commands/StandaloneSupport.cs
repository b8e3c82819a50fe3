using Loki.Core.Diagnostics;
using Loki.Core.Python.Environment;
using Loki.Core.Python.Standalone;

namespace Loki.Cli.Commands;

/// <summary><c>--standalone</c> of <c>convert --to script</c> and <c>wrap</c>: the runtime (and a flow's LOKI nodes) beside the script.</summary>
internal static class StandaloneSupport
{
    /// <summary>
    /// The loki_runtime to copy: the one shipped with this command line (<c>python/loki_runtime</c> beside it), else
    /// the <c>src/python/loki_runtime</c> of a repository at or above the current folder; null when neither exists.
    /// </summary>
    public static string? RuntimeSource()
    {
        if (ShippedRuntime.Parent() is { } shipped)
        {
            return Path.Combine(shipped, "loki_runtime");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "python", "loki_runtime");
            if (File.Exists(Path.Combine(candidate, "__init__.py")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Copies the runtime and <paramref name="nodeFolders"/> into <paramref name="scriptFolder"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public static void Write(string scriptFolder, IReadOnlyList<string> nodeFolders, DiagnosticBag diagnostics)
    {
        if (RuntimeSource() is not { } runtime)
        {
            diagnostics.Error(LokiCodes.StandaloneRuntimeNotFound, "--standalone: no loki_runtime to copy (none ships with this command line and no src/python/loki_runtime is above the current folder)", scriptFolder);
            return;
        }

        StandaloneCopier.Copy(Path.GetFullPath(scriptFolder), runtime, nodeFolders, diagnostics);
    }
}
