using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki verify</c>: checks the library's requirements (Manager-installable lines, imports covered, no torch pins,
/// no conflicts) and, given an index, resolves them with pip. Prints the merged requirements and what pip would install.
/// </summary>
internal static class VerifyCommand
{
    private static readonly HashSet<string> Valued = ["--library", "--index-url", "--find-links", "--python"];
    private static readonly HashSet<string> Flags = ["--no-imports"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = CommandArgs.Parse("verify", args, Valued, Flags);
        var library = Path.GetFullPath(a.Get("--library") ?? "nodes");
        if (!Directory.Exists(library))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "library folder not found", library));
        }

        var python = a.Get("--python");
        var report = RequirementsVerifier.Verify(library, checkImports: !a.Has("--no-imports"), python);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(report.Diagnostics);
        var resolved = System.Collections.Immutable.ImmutableArray<ResolvedPackage>.Empty;
        var index = a.Get("--index-url") is null && a.Get("--find-links") is null
            ? null
            : new PackageIndex(a.Get("--index-url"), a.Get("--find-links") is { } fl && Directory.Exists(fl) ? Path.GetFullPath(fl) : a.Get("--find-links"));
        if (index is not null && report.Ok)
        {
            resolved = PipResolver.Resolve(report.Merged, index, diagnostics, python);
        }

        foreach (var d in diagnostics.Items)
        {
            stderr.WriteLine(d.ToString());
        }

        stdout.WriteLine($"requirements: {report.Nodes.Length} nodes, {report.Merged.Length} merged lines");
        foreach (var m in report.Merged)
        {
            stdout.WriteLine($"  {m.Line}    <- {string.Join(", ", m.Sources.Select(s => s.Node).Distinct())}");
        }

        if (index is not null && !diagnostics.HasErrors)
        {
            stdout.WriteLine($"pip resolves against {index}: {resolved.Length} packages");
            foreach (var p in resolved)
            {
                stdout.WriteLine($"  {p.Name}=={p.Version}{(p.Requested ? string.Empty : "  (dependency)")}");
            }
        }
        else if (index is null)
        {
            stdout.WriteLine("pip resolution skipped (pass --index-url URL or --find-links DIR)");
        }

        return diagnostics.HasErrors ? CliApp.Failed : CliApp.Success;
    }
}
