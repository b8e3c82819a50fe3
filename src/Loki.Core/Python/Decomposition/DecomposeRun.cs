using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// <c>loki decompose FILE.py:FUNCTION --into nodes/</c> end to end: cut (refusals coded), plan every node folder,
/// prove the composite equal to the original on generated inputs, then write all folders or none.
/// </summary>
public static class DecomposeRun
{
    /// <summary>Decomposes and writes. Refusals and a failed proof are errors in <paramref name="diagnostics"/>, and nothing is written.</summary>
    /// <param name="file">The module file.</param>
    /// <param name="function">The function (<c>f</c> or <c>Class.static_method</c>).</param>
    /// <param name="library">The library folder (<c>nodes/</c>).</param>
    /// <param name="options">Cut and check settings.</param>
    /// <param name="runtimeParent">The folder holding <c>loki_runtime/</c> for the check; null skips the check.</param>
    /// <param name="force">Overwrite edited generated files.</param>
    /// <param name="grow">Let the build grow the written folders (nodes, and the composites' flows).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the Python calls.</param>
    public static async Task<DecomposeOutcome?> RunAsync(
        string file, string function, string library, DecomposeOptions options, string? runtimeParent, bool force, bool grow,
        DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        if (!Validate(options, diagnostics))
        {
            return null;
        }

        var reader = await PythonLocator.FindAsync([], cancellationToken).ConfigureAwait(false);
        var plan = await DecompositionReader.ReadAsync(reader, file, function, options, cancellationToken).ConfigureAwait(false);
        var fullLibrary = Path.GetFullPath(library);
        var folders = await FunctionDecomposer.PlanAsync(reader, plan, fullLibrary, diagnostics, cancellationToken).ConfigureAwait(false);
        var refusals = DecompositionWriter.Refusals(fullLibrary, folders);
        diagnostics.AddRange(refusals);
        if (refusals.Count > 0)
        {
            return new DecomposeOutcome(plan, folders, null, []);
        }

        EquivalenceReport? report = null;
        if (runtimeParent is not null)
        {
            var runner = await RunnerAsync(reader, plan, cancellationToken).ConfigureAwait(false);
            report = await EquivalenceChecker.CheckPlannedAsync(runner, runtimeParent, plan, folders, options, cancellationToken).ConfigureAwait(false);
            if (!Accept(plan, report, diagnostics))
            {
                return new DecomposeOutcome(plan, folders, report, []);
            }

            folders = DecompositionGrowth.WithExamples(folders, plan, report);
        }

        var written = DecompositionWriter.Write(fullLibrary, folders, diagnostics, force).ToList();
        if (grow && !diagnostics.HasErrors)
        {
            written.AddRange(DecompositionGrowth.Grow(fullLibrary, plan, report, diagnostics));
        }

        return new DecomposeOutcome(plan, folders, report, written);
    }

    /// <summary>Checks a decomposition already in <paramref name="library"/> against the original; writes nothing.</summary>
    public static async Task<EquivalenceReport?> CheckAsync(
        string file, string function, string library, DecomposeOptions options, string runtimeParent, DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default)
    {
        if (!Validate(options, diagnostics))
        {
            return null;
        }

        var reader = await PythonLocator.FindAsync([], cancellationToken).ConfigureAwait(false);
        var plan = await DecompositionReader.ReadAsync(reader, file, function, options, cancellationToken).ConfigureAwait(false);
        var runner = await RunnerAsync(reader, plan, cancellationToken).ConfigureAwait(false);
        var report = await EquivalenceChecker.CheckAsync(runner, runtimeParent, plan, library, options, cancellationToken).ConfigureAwait(false);
        if (Accept(plan, report, diagnostics) && report.Flow is { Value.Equal: false } flow)
        {
            diagnostics.Error(LokiCodes.DecomposeNotEquivalent, $"{plan.QualifiedName}: the composite's flow differs from the original on the LOKI executor, on {flow.Value.How}", plan.File);
        }

        return report;
    }

    private static bool Validate(DecomposeOptions options, DiagnosticBag diagnostics)
    {
        if (options.MinLines < 1 || options.Depth < 1 || options.Trials < 1)
        {
            diagnostics.Error(LokiCodes.DecomposeBadOptions, $"--min-lines, --depth and --trials must be at least 1 (got {options.MinLines?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto"}, {options.Depth}, {options.Trials})");
            return false;
        }

        return true;
    }

    private static bool Accept(DecompositionPlan plan, EquivalenceReport report, DiagnosticBag diagnostics)
    {
        if (report.Difference is { } difference)
        {
            diagnostics.Error(LokiCodes.DecomposeNotEquivalent, $"{plan.QualifiedName}: the decomposition differs from the original on generated {difference}; nothing was written", plan.File);
            return false;
        }

        if (!report.Equal)
        {
            diagnostics.Error(LokiCodes.DecomposeUnproven,
                $"{plan.QualifiedName}: only {report.Returned} of {report.Trials} generated inputs ran the original to a normal return, too few to prove the decomposition equal; nothing was written",
                plan.File);
            return false;
        }

        return true;
    }

    /// <summary>A Python that imports what the original needs: its installed package, else its third-party imports.</summary>
    private static async Task<PythonInterpreter> RunnerAsync(PythonInterpreter reader, DecompositionPlan plan, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> modules;
        if (plan.Installed)
        {
            modules = [plan.Module.Split('.')[0]];
        }
        else
        {
            var scan = await StaticPythonReader.ScanImportsAsync(reader, plan.File, cancellationToken).ConfigureAwait(false);
            modules = scan.ThirdParty.Where(t => !t.Optional).Select(t => t.Module).ToList();
        }

        return await PythonLocator.FindAsync(modules, cancellationToken).ConfigureAwait(false);
    }
}
