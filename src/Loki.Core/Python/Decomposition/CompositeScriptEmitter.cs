using Loki.Core.Config;
using Loki.Core.Python.Emit;
using Loki.Core.Text;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// Writes the LOKI Script of a composite node: its <c>run</c> calls the step nodes of its library through
/// <c>loki_runtime.composite</c>, one call per step, each output read by name, and returns what the function
/// returns (a composite step: its outputs). The shape is plain on purpose: a composite → flow compiler reads it.
/// </summary>
public static class CompositeScriptEmitter
{
    /// <summary>The script body (the writer adds the LOKI header).</summary>
    /// <param name="config">The node's interface (inputs in order; outputs of a composite step).</param>
    /// <param name="node">The planned composite.</param>
    /// <param name="taken">Names the function uses: the helper variables avoid them.</param>
    public static string Emit(NodeConfig config, PlannedNode node, IReadOnlySet<string> taken)
    {
        var nodes = Free("nodes", taken);
        var found = Free("found", taken);
        var w = new IndentedWriter();
        var description = config.Description is { Length: > 0 } d ? d : $"LOKI Script {config.NodeName}.";
        w.Line(PythonDocstring.Literal(description));
        w.Line("from __future__ import annotations");
        w.Line();
        w.Line("import sys");
        w.Line("from pathlib import Path");
        w.Line();
        RuntimeBootstrap.Write(w, ["from loki_runtime import composite, script"]);
        w.Line();
        w.Line();
        w.Line("@script.entry(__file__, options=composite.OPTIONS)");
        var parameters = ScriptEmitter.Parameters(config).ToList();
        parameters.AddRange(parameters.Contains("*") ? ["backend=\"loki\""] : ["*", "backend=\"loki\""]);
        w.Line($"def run({string.Join(", ", parameters)}):");
        using (w.Indent())
        {
            w.Line(PythonDocstring.Literal(description));
            w.Line($"{nodes} = composite.nodes(__file__, backend=backend)");
            foreach (var call in node.Calls)
            {
                var args = string.Join(", ", call.Inputs.Select(i => $"{i}={i}"));
                w.Line($"{found} = {nodes}.{call.Node}({args})");
                foreach (var (output, port) in call.Outputs.Zip(call.OutputPorts))
                {
                    w.Line($"{output} = {found}[{PythonLiteral.String(port)}]");
                }
            }

            w.Line(node.Returns is { } returns
                ? "return " + returns
                : "return {" + string.Join(", ", node.OutputPorts.Zip(node.Outputs).Select(o => $"{PythonLiteral.String(o.First)}: {o.Second}")) + "}");
        }

        w.Line();
        w.Line();
        w.Line("if __name__ == \"__main__\":");
        w.Line("    raise SystemExit(run.main())");
        return w.ToString();
    }

    private static string Free(string name, IReadOnlySet<string> taken)
    {
        var candidate = name;
        while (taken.Contains(candidate))
        {
            candidate = "loki_" + candidate;
        }

        return candidate;
    }
}
