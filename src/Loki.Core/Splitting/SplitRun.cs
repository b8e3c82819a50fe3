using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Text;

namespace Loki.Core.Splitting;

/// <summary>
/// <c>loki split</c> as one operation: split the workflow, fit it into the library under <c>--into</c>, make the UI
/// forms, check them (the flows as written, read back through UI → API, inlined into the parent must give the
/// original prompt), and only then write the folders and, when asked, the parent with native subgraphs.
/// </summary>
public static class SplitRun
{
    /// <summary>Runs the split of <paramref name="workflow"/> into <paramref name="into"/>.</summary>
    public static SplitRunOutcome Execute(string workflow, string into, SplitOptions options, bool check, string? subgraphsOut, bool grow)
    {
        var diagnostics = new DiagnosticBag();
        var split = WorkflowSplitter.Split(workflow, options);
        diagnostics.AddRange(split.Diagnostics);
        if (!split.Succeeded)
        {
            return new SplitRunOutcome(null, [], diagnostics.Items);
        }

        var (fitted, reused) = LibraryReuse.Fit(split, into, options.Schemas, diagnostics);
        var forms = SplitForms.Build(fitted, options.Schemas, diagnostics);
        if (forms is null)
        {
            return new SplitRunOutcome(fitted, [], diagnostics.Items);
        }

        if (check && fitted.HasSubflows)
        {
            var back = forms.ReadBack(diagnostics);
            var failure = back is { } b
                ? SplitChecker.Check(fitted, b.Parent, b.Flows)
                : new LokiDiagnostic(LokiCodes.SplitCheckFailed, DiagnosticSeverity.Error, "a written flow does not convert back to an API prompt", workflow);
            if (failure is not null)
            {
                diagnostics.Add(failure);
                return new SplitRunOutcome(fitted, [], diagnostics.Items);
            }
        }

        Directory.CreateDirectory(into);
        var written = SplitLibraryWriter.Write(fitted, forms, reused, into, grow, diagnostics).ToList();
        if (subgraphsOut is not null)
        {
            var document = SubgraphWorkflowBuilder.Build(fitted, forms, diagnostics);
            if (document is not null)
            {
                AtomicFile.WriteIfChanged(subgraphsOut, CanonicalJson.Write(document));
                written.Add(subgraphsOut);
            }
        }

        return new SplitRunOutcome(fitted, written, diagnostics.Items);
    }
}
