using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Loki.Core.Composition;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// Runs the original function and the decomposition's composite script (<c>--backend loki</c>) on the same
/// generated inputs (<c>python -m loki_runtime.decompose_check</c>) and reads the verdict.
/// </summary>
public static class EquivalenceChecker
{
    /// <summary>Checks folders not written yet: they are staged in a scratch library first.</summary>
    /// <param name="python">A Python that imports the original's packages.</param>
    /// <param name="runtimeParent">The folder holding <c>loki_runtime/</c>.</param>
    /// <param name="plan">The decomposition.</param>
    /// <param name="folders">Its planned folders.</param>
    /// <param name="options">Trials and seed.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<EquivalenceReport> CheckPlannedAsync(
        PythonInterpreter python, string runtimeParent, DecompositionPlan plan, IReadOnlyList<PlannedFolder> folders, DecomposeOptions options,
        CancellationToken cancellationToken = default)
    {
        var library = Path.Combine(Path.GetTempPath(), "loki-build", "decompose-check-" + Guid.NewGuid().ToString("N")[..12], "nodes");
        try
        {
            foreach (var folder in folders)
            {
                foreach (var file in folder.Files)
                {
                    var path = Path.Combine(library, folder.Name, file.RelativePath);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    await File.WriteAllTextAsync(path, file.Text, cancellationToken).ConfigureAwait(false);
                }
            }

            return await CheckAsync(python, runtimeParent, plan, library, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(library)!, recursive: true);
        }
    }

    /// <summary>Checks the decomposition as it is in <paramref name="library"/> (e.g. after someone edited a step).</summary>
    public static async Task<EquivalenceReport> CheckAsync(
        PythonInterpreter python, string runtimeParent, DecompositionPlan plan, string library, DecomposeOptions options,
        CancellationToken cancellationToken = default)
    {
        var composite = Path.Combine(Path.GetFullPath(library), plan.Root.Name, plan.Root.Name + ".py");
        List<string> args = ["-m", "loki_runtime.decompose_check", "--file", plan.File, "--function", plan.QualifiedName,
            "--module", plan.Module, "--composite", composite, "--trials", options.Trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (plan.Installed)
        {
            args.Add("--installed");
        }

        // The composite's flow, compiled as the build will compile it, runs on the same inputs (LOKI executor).
        var scratch = Path.Combine(Path.GetTempPath(), "loki-build", "decompose-flow-" + Guid.NewGuid().ToString("N")[..12]);
        var flow = DecomposedFlowProof.Prepare(python, library, plan, scratch);
        if (flow is not null)
        {
            args.AddRange(["--flow", flow.FlowScript, "--names", flow.Names.ToJsonString()]);
        }

        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(python.Path).WithArguments(args)
                .WithWorkingDirectory(Path.GetTempPath())
                .WithEnvironmentVariables(e => e.Set("PYTHONPATH", runtimeParent).Set("LOKI_LIBRARY", flow?.LibraryRoot)
                    .Set("PYTHONIOENCODING", "utf-8").Set("PYTHONDONTWRITEBYTECODE", "1"))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var last = result.StandardOutput.Trim().Split('\n').LastOrDefault() ?? string.Empty;
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(last) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // reported below
        }

        if (json is null || json["error"] is not null)
        {
            var why = json?["error"]?.ToString() ?? (result.StandardError.Trim().Split('\n').LastOrDefault() ?? $"exit code {result.ExitCode}");
            throw new LokiException(new LokiDiagnostic(LokiCodes.DecomposeCheckFailed, DiagnosticSeverity.Error,
                $"the equivalence check could not run with {PythonLocator.Describe(python)}: {why}", plan.File));
        }

        var difference = json["difference"] is JsonObject d
            ? $"inputs {d["inputs"]}: the original gave {d["original"]}, the decomposition {d["decomposed"]}"
            : null;
        var examples = (json["examples"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()).ToImmutableArray();
        var steps = (json["step_examples"] as JsonObject ?? []).ToImmutableDictionary(
            p => p.Key, p => (p.Value as JsonArray ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()).ToImmutableArray(), StringComparer.Ordinal);
        var trials = Int(json, "trials");
        var verdict = flow is not null && json["flow"] is JsonObject f
            ? new ProvenFlows.Verdict(flow.Flow, f["equal"]?.GetValue<bool>() == true, f["difference"] is JsonObject fd
                ? $"generated inputs {fd["inputs"]}: the original gave {fd["original"]}, the flow {fd["flow"]}"
                : $"{trials} generated inputs")
            : null;
        return new EquivalenceReport(json["equal"]?.GetValue<bool>() == true, trials, Int(json, "returned"), Int(json, "raised"), difference, examples, steps)
        {
            Flow = verdict is null ? null : KeyValuePair.Create(flow!.ScriptPath, verdict),
        };
    }

    private static int Int(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;
}
