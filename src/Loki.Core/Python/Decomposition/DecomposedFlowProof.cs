using System.Text.Json.Nodes;
using Loki.Core.Composition;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Python.Environment;
using Loki.Core.Text;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// The function's composite compiled to its flow in a library (staged or on disk), exactly as the build will compile
/// it, and that flow read back as the flow script every flow becomes: <c>decompose_check --flow</c> runs it on the
/// LOKI executor on the same generated inputs as the original, so the flow is proven on them too (values no config
/// example can hold, such as arrays, included). The verdict reaches the build through <see cref="ProvenFlows"/>.
/// </summary>
internal static class DecomposedFlowProof
{
    /// <summary>A compiled flow ready to run.</summary>
    /// <param name="ScriptPath">The composite script it was compiled from.</param>
    /// <param name="Flow">The flow, canonical JSON (what the build writes as <c>&lt;n&gt;_workflow.json</c>).</param>
    /// <param name="FlowScript">Its flow script, in <c>scratch</c>.</param>
    /// <param name="Names">The names its interface gives the script's ports (<see cref="FlowInterfaceNames"/>).</param>
    /// <param name="LibraryRoot">The folder above <c>nodes/</c>: the flow's nodes are looked up there (<c>LOKI_LIBRARY</c>).</param>
    public sealed record Prepared(string ScriptPath, string Flow, string FlowScript, JsonObject Names, string LibraryRoot);

    /// <summary>The root composite of <paramref name="plan"/> in <paramref name="library"/>, compiled; null when it does not compile to a flow (the build then says why).</summary>
    public static Prepared? Prepare(PythonInterpreter python, string library, DecompositionPlan plan, string scratch)
    {
        var folder = Path.Combine(Path.GetFullPath(library), plan.Root.Name);
        var scriptPath = Path.Combine(folder, plan.Root.Name + ".py");
        var root = CompositeCompiler.LibraryRoot(scriptPath);
        var bag = new DiagnosticBag();
        if (NodeConfigReader.ReadFile(Path.Combine(folder, plan.Root.Name + ".json"), bag, plan.Root.Name) is not { } config)
        {
            return null;
        }

        config = config with { NodeName = plan.Root.Name };
        if (CompositeCompiler.Compile(python, scriptPath, config, bag, prove: false)?.Flow is not { } flow)
        {
            return null;
        }

        var own = Directory.CreateDirectory(Path.Combine(scratch, plan.Root.Name)).FullName;
        var flowPath = Path.Combine(own, plan.Root.Name + "_workflow.json");
        var text = CanonicalJson.Write(flow);
        AtomicFile.WriteIfChanged(flowPath, text);
        if (CompositeEquivalence.FlowScript(flowPath, config, root, scriptPath, bag) is not { } read)
        {
            return null;
        }

        // Named unlike the node so the runtime does not take a config beside it for the flow's interface.
        var flowScript = Path.Combine(own, plan.Root.Name + "_compiled_flow.py");
        AtomicFile.WriteIfChanged(flowScript, read.Script);
        return new Prepared(scriptPath, text, flowScript, read.Names, root);
    }
}
