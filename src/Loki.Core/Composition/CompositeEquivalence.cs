using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Node;
using Loki.Core.IO;
using Loki.Core.Python.Environment;
using Loki.Core.Schemas;
using Loki.Core.Text;

namespace Loki.Core.Composition;

/// <summary>
/// Proves a compiled flow equal to its composite script: the flow is read back as any flow is (UI → API with the
/// library's nodes → the flow script of <c>loki convert --to script</c>), then <c>loki_runtime.compose_check</c> runs
/// every example of the node's config through the script and through that flow script on the LOKI executor and
/// compares every output exactly. Anything short of equal on every example is a coded refusal.
/// </summary>
public static class CompositeEquivalence
{
    /// <summary>What the runtime needs to read and write the examples' images (the nodes' own needs show as failures).</summary>
    private static readonly string[] RuntimeModules = ["numpy", "PIL"];

    /// <summary>
    /// True when <paramref name="flow"/> (a UI workflow without header) gives the outputs of the script at
    /// <paramref name="scriptPath"/> on each of <paramref name="config"/>'s examples; else false with a coded warning.
    /// Runs with the first Python that has numpy and Pillow (<see cref="PythonLocator"/>).
    /// </summary>
    public static bool Prove(string scriptPath, NodeConfig config, JsonObject flow, DiagnosticBag diagnostics)
    {
        PythonInterpreter python;
        try
        {
            python = PythonLocator.FindAsync(RuntimeModules).GetAwaiter().GetResult();
        }
        catch (LokiException ex)
        {
            Refuse(diagnostics, LokiCodes.ComposeCheckFailed, $"no Python to run the examples with: {ex.Diagnostic.Message}", scriptPath);
            return false;
        }

        // loki decompose has run this very flow on its generated inputs: a difference there refuses it, equality
        // stands in for examples the config cannot hold (arrays), and the examples it has are run as well.
        if (ProvenFlows.Find(scriptPath, flow) is { } verdict)
        {
            if (!verdict.Equal)
            {
                Refuse(diagnostics, LokiCodes.ComposeNotEqual, $"the flow differs from the original function on {verdict.How}", scriptPath);
                return false;
            }

            if (config.Examples.IsDefaultOrEmpty)
            {
                return true;
            }
        }

        if (config.Examples.IsDefaultOrEmpty)
        {
            Refuse(diagnostics, LokiCodes.ComposeNoExamples, $"{config.NodeName}.json has no examples to prove the flow equal to the script on", scriptPath);
            return false;
        }

        var root = CompositeCompiler.LibraryRoot(scriptPath);
        // A library outside any repository (loki decompose --into ~/nodes) runs with the runtime the program ships.
        var runtime = new[] { Path.Combine(root, "src", "python"), root }.FirstOrDefault(p => Directory.Exists(Path.Combine(p, "loki_runtime"))) ?? ShippedRuntime.Parent();
        if (runtime is null)
        {
            Refuse(diagnostics, LokiCodes.ComposeCheckFailed, "no loki_runtime in the library around the script, nor shipped with this program, to run the flow with", scriptPath);
            return false;
        }

        var scratch = Path.Combine(Path.GetTempPath(), "loki-compose-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(scratch, config.NodeName)).FullName;
            var flowPath = Path.Combine(folder, config.NodeName + "_workflow.json");
            AtomicFile.WriteIfChanged(flowPath, CanonicalJson.Write(flow));
            var read = FlowScript(flowPath, config, root, scriptPath, diagnostics);
            if (read is not { } found)
            {
                return false;
            }

            // Named unlike the node so the runtime does not read the node's config beside it as the flow's interface.
            var flowScript = Path.Combine(folder, config.NodeName + "_compiled_flow.py");
            AtomicFile.WriteIfChanged(flowScript, found.Script);
            return Compare(python, scriptPath, flowScript, found.Names, root, runtime, diagnostics);
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>
    /// The flow at <paramref name="flowPath"/> read back as every flow is (UI → API with the library at
    /// <paramref name="root"/>), as the flow script <c>loki convert --to script</c> writes, with the names its interface
    /// gives the script's ports (<see cref="FlowInterfaceNames"/>); null with LOKI6118 when it does not read back.
    /// </summary>
    internal static (string Script, JsonObject Names)? FlowScript(string flowPath, NodeConfig config, string root, string scriptPath, DiagnosticBag diagnostics)
    {
        var bag = new DiagnosticBag();
        var environment = new FlowEnvironment(SchemaSet.Catalogue, FlowLibrary.Read([root], new DiagnosticBag()));
        var document = FlowLoader.Load(flowPath, environment, bag);
        if (document is null || bag.HasErrors)
        {
            var first = bag.Items.FirstOrDefault(d => d.IsError);
            Refuse(diagnostics, LokiCodes.ComposeFlowInvalid, $"the compiled flow does not read back as a flow: {first?.Code} {first?.Message}", scriptPath);
            return null;
        }

        return (FlowNodeEmitter.Emit(document, environment.Catalog, config.NodeName, Path.GetFileName(flowPath), config.Description).Script,
            FlowInterfaceNames.Of(document));
    }

    private static bool Compare(PythonInterpreter python, string scriptPath, string flowScript, JsonObject names, string root, string runtime, DiagnosticBag diagnostics)
    {
        // The flow's interface names its ports in snake case (N → n): it is called and read through that map.
        var result = Cli.Wrap(python.Path)
            .WithArguments(["-s", "-m", "loki_runtime.compose_check", "--script", Path.GetFullPath(scriptPath), "--flow", flowScript,
                "--names", names.ToJsonString()])
            .WithWorkingDirectory(root)
            .WithEnvironmentVariables(e => e.Set("PYTHONPATH", runtime).Set("LOKI_LIBRARY", root)
                .Set("PYTHONIOENCODING", "utf-8").Set("PYTHONDONTWRITEBYTECODE", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        var line = result.StandardOutput.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        JsonObject? json = null;
        try
        {
            json = line is null ? null : JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            // Reported below with the last line of stderr.
        }

        if (json is null || json["error"] is JsonValue)
        {
            var why = json?["error"]?.ToString() ?? result.StandardError.Trim().Split('\n').LastOrDefault() ?? $"exit code {result.ExitCode}";
            Refuse(diagnostics, LokiCodes.ComposeCheckFailed, $"the script or its flow failed on an example: {why}", scriptPath);
            return false;
        }

        if (json["equal"]?.GetValue<bool>() == true)
        {
            return true;
        }

        var failed = json["examples"]!.AsArray().FirstOrDefault(e => e!["equal"]?.GetValue<bool>() != true);
        Refuse(diagnostics, LokiCodes.ComposeNotEqual, $"the flow differs from the script on example '{failed?["name"]}': {failed?["difference"]}", scriptPath);
        return false;
    }

    private static void Refuse(DiagnosticBag diagnostics, string code, string message, string file) =>
        diagnostics.Warning(code, "not compiled to a flow: " + message, file, line: 1);
}
