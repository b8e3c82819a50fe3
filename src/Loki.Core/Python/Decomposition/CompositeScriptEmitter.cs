using Loki.Core.Config;
using Loki.Core.Python.Emit;
using Loki.Core.Text;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// Writes the LOKI Script of a composite node in the form <c>Loki.Core.Composition</c> compiles to a flow
/// (docs/decomposition.md): each step bound at module level with <c>compose.node("&lt;step&gt;", __file__)</c>, one
/// call per step in <c>run</c>, each output read by name, and <c>return {output: value}</c>.
/// </summary>
public static class CompositeScriptEmitter
{
    /// <summary>The script body (the writer adds the LOKI header).</summary>
    /// <param name="config">The node's interface (inputs in order; outputs in order).</param>
    /// <param name="node">The planned composite.</param>
    /// <param name="returned">The value given for each of <paramref name="config"/>'s outputs, in order.</param>
    public static string Emit(NodeConfig config, PlannedNode node, IReadOnlyList<string> returned)
    {
        var w = new IndentedWriter();
        var description = config.Description is { Length: > 0 } d ? d : $"LOKI Script {config.NodeName}.";
        w.Line(PythonDocstring.Literal(description));
        w.Line("from __future__ import annotations");
        w.Line();
        w.Line("import sys");
        w.Line("from pathlib import Path");
        w.Line();
        RuntimeBootstrap.Write(w, ["from loki_runtime import compose"]);
        w.Line();
        foreach (var call in node.Calls.DistinctBy(c => c.Node))
        {
            w.Line($"{call.Node} = compose.node({PythonLiteral.String(call.Node)}, __file__)");
        }

        w.Line();
        w.Line();
        // compose.entry: the script also runs as its flow (--backend loki), its step nodes found in its library.
        w.Line("@compose.entry(__file__)");
        w.Line($"def run({string.Join(", ", ScriptEmitter.Parameters(config))}):");
        using (w.Indent())
        {
            w.Line(PythonDocstring.Literal(description));
            var names = new ValueNames(config.Inputs.Select(p => p.Name), node.Calls.Select(c => c.Node));
            foreach (var call in node.Calls)
            {
                var args = string.Join(", ", call.InputPorts.Zip(call.Inputs).Select(i => $"{i.First}={names.Current(i.Second)}"));
                if (call.Outputs.Length == 1)
                {
                    w.Line($"{names.Bind(call.Outputs[0], call.Node)} = {call.Node}({args})[{PythonLiteral.String(call.OutputPorts[0])}]");
                    continue;
                }

                var found = names.Result(call.Node, node.Name);
                w.Line($"{found} = {call.Node}({args})");
                foreach (var (output, port) in call.Outputs.Zip(call.OutputPorts))
                {
                    w.Line($"{names.Bind(output, call.Node)} = {found}[{PythonLiteral.String(port)}]");
                }
            }

            w.Line("return {" + string.Join(", ", config.Outputs.Zip(returned).Select(o => $"{PythonLiteral.String(o.First.Name)}: {names.Current(o.Second)}")) + "}");
        }

        w.Line();
        w.Line();
        w.Line("if __name__ == \"__main__\":");
        w.Line("    raise SystemExit(run.main())");
        return w.ToString();
    }
}
