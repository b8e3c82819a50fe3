using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Requirements;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki verify</c>: checks the library's requirements (Manager-installable lines, imports covered, no torch pins,
/// no conflicts) and, given an index, resolves them with pip. Prints the merged requirements and what pip would install.
/// </summary>
internal sealed class VerifyCommand : Command
{
    private readonly Option<string> _library = new("--library") { Description = "the library folder (default: nodes)", HelpName = "DIR" };
    private readonly Option<string> _indexUrl = new("--index-url") { Description = "resolve the requirements with pip against this index", HelpName = "URL" };
    private readonly Option<string> _findLinks = new("--find-links") { Description = "resolve the requirements with pip against this folder of wheels", HelpName = "DIR" };
    private readonly Option<string> _python = new("--python") { Description = "the Python used for the import check and pip", HelpName = "PYTHON" };
    private readonly Option<bool> _noImports = new("--no-imports") { Description = "skip checking that requirements cover the imports" };

    public VerifyCommand()
        : base("verify", "check the library's requirements and, given an index, resolve them with pip")
    {
        Add(_library);
        Add(_indexUrl);
        Add(_findLinks);
        Add(_python);
        Add(_noImports);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var library = Path.GetFullPath(parse.GetValue(_library) ?? "nodes");
        if (!Directory.Exists(library))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "library folder not found", library));
        }

        var python = parse.GetValue(_python);
        var report = RequirementsVerifier.Verify(library, checkImports: !parse.GetValue(_noImports), python);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(report.Diagnostics);
        var resolved = System.Collections.Immutable.ImmutableArray<ResolvedPackage>.Empty;
        var index = parse.GetValue(_indexUrl) is null && parse.GetValue(_findLinks) is null
            ? null
            : new PackageIndex(parse.GetValue(_indexUrl), parse.GetValue(_findLinks) is { } fl && Directory.Exists(fl) ? Path.GetFullPath(fl) : parse.GetValue(_findLinks));
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
