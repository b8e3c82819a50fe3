using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Python.Environment;

namespace Loki.Core.Composition;

/// <summary>
/// Composite LOKI Script → LOKI Flow, the whole way: read the script's node calls
/// (<see cref="CompositeScriptReader"/>), build the flow against the library's node configs
/// (<see cref="CompositeFlowBuilder"/>) and prove it equal to the script on the node's examples
/// (<see cref="CompositeEquivalence"/>). The build's layer generator and <c>loki decompose</c> both call this.
/// </summary>
public static class CompositeCompiler
{
    /// <summary>
    /// Compiles the script at <paramref name="scriptPath"/> whose node config is <paramref name="config"/>. Null when
    /// the script calls no library node (not a composite). A refusal comes back with a null flow and coded warnings
    /// (LOKI6101-6119) in <paramref name="diagnostics"/>; success adds LOKI6100 (info).
    /// </summary>
    /// <param name="python">The interpreter to read and run the script with.</param>
    /// <param name="scriptPath">The composite LOKI Script, inside its node folder of a library.</param>
    /// <param name="config">The node's config layer (interface and examples).</param>
    /// <param name="diagnostics">Where refusals are reported.</param>
    /// <param name="prove">False to skip the equivalence run (tests of the flow's shape only).</param>
    public static CompositeCompilation? Compile(PythonInterpreter python, string scriptPath, NodeConfig config, DiagnosticBag diagnostics, bool prove = true)
    {
        var script = CompositeScriptReader.ReadAsync(python, scriptPath).GetAwaiter().GetResult();
        if (script is null)
        {
            return null;
        }

        var flow = CompositeFlowBuilder.Build(script, config, Library(scriptPath, config), diagnostics);
        if (flow is null || (prove && !CompositeEquivalence.Prove(scriptPath, config, flow, diagnostics)))
        {
            return new CompositeCompilation(script, null);
        }

        diagnostics.Info(LokiCodes.ComposeCompiled,
            $"{config.NodeName}: compiled to a flow of {script.Calls.Length} node calls{(prove ? $", equal to the script on {config.Examples.Length} examples" : string.Empty)}",
            scriptPath);
        return new CompositeCompilation(script, flow);
    }

    /// <summary>
    /// The library a composite script's node folder lives in: the nearest root above it that holds <c>nodes/</c>, else
    /// the folder that holds the node folder itself (a library folder of another name: <c>loki decompose --into mylib</c>).
    /// </summary>
    public static string LibraryRoot(string scriptPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(scriptPath))!;
        return FlowLibrary.RootAbove(folder) ?? Path.GetDirectoryName(folder)!;
    }

    /// <summary>The configs of the library the script's node folder lives in, by node name (the node's own config wins).</summary>
    public static IReadOnlyDictionary<string, NodeConfig> Library(string scriptPath, NodeConfig config)
    {
        var library = new Dictionary<string, NodeConfig>(StringComparer.Ordinal);
        foreach (var node in FlowLibrary.Read([LibraryRoot(scriptPath)], new DiagnosticBag()))
        {
            library[node.NodeName] = node;
        }

        library[config.NodeName] = config;
        return library;
    }
}
