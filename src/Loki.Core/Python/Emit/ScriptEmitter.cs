using Loki.Core.Config;
using Loki.Core.Text;

namespace Loki.Core.Python.Emit;

/// <summary>
/// Writes a LOKI Script (<c>&lt;n&gt;.py</c>, contracts.md §2.1): a short file that declares <c>run</c> through
/// <c>loki_runtime.script.entry</c> and calls the wrapped code. Heavy imports happen inside <c>run</c>, so
/// <c>--help</c> stays fast.
/// </summary>
public static class ScriptEmitter
{
    /// <summary>Emits the script text for <paramref name="config"/> wrapping <paramref name="body"/>.</summary>
    /// <param name="config">The node's interface (also written beside it as <c>&lt;n&gt;.json</c>).</param>
    /// <param name="body">What <c>run</c> calls.</param>
    /// <returns>The body; the writer adds the LOKI header (contracts §6).</returns>
    public static string Emit(NodeConfig config, ScriptBody body)
    {
        var w = new IndentedWriter();
        w.Line(PythonDocstring.Literal(config.Description is { Length: > 0 } d ? d : $"LOKI Script {config.NodeName}."));
        w.Line("from __future__ import annotations");
        w.Line();
        w.Line("import sys");
        w.Line("from pathlib import Path");
        w.Line();
        RuntimeBootstrap.Write(w, ["from loki_runtime import script"]);
        w.Line();
        if (body is FunctionCallBody call)
        {
            var root = call.ImportRoot.Length == 0 ? "Path(__file__).resolve().parent"
                : "Path(__file__).resolve().parent" + string.Concat(call.ImportRoot.Split('/').Select(p => " / " + PythonLiteral.String(p)));
            w.Line("_CODE = " + root);
            w.Line();
        }

        w.Line();
        w.Line("@script.entry(__file__)");
        var names = config.Inputs.Select(p => p.Name).ToList();
        var explicitParams = names.All(PythonNames.IsIdentifier) && (body is FunctionCallBody || !names.Contains("inputs"));
        if (explicitParams && body is FunctionCallBody)
        {
            w.Line($"def run({string.Join(", ", Parameters(config))}):");
        }
        else
        {
            w.Line("def run(**inputs):");
        }

        using (w.Indent())
        {
            w.Line(PythonDocstring.Literal(config.Description is { Length: > 0 } doc ? doc : $"Runs {config.NodeName}."));
            switch (body)
            {
                case FunctionCallBody f:
                    EmitFunctionCall(w, config, f, explicitParams);
                    break;
                case ComfyNodeBody c:
                    w.Line("from loki_runtime import comfy_host");
                    w.Line();
                    w.Line($"node = comfy_host.load_node({PythonLiteral.String(c.ClassType)}, pack={PythonLiteral.String(c.Pack)})");
                    w.Line("return comfy_host.call_node(node, inputs, run.interface)");
                    break;
                case LokiNodeBody n:
                    w.Line("from loki_runtime import comfy_host");
                    w.Line();
                    w.Line($"node = comfy_host.load_node_folder(Path(__file__).resolve().parent, {PythonLiteral.String(n.MappingKey)})");
                    w.Line("return comfy_host.call_node(node, inputs, run.interface)");
                    break;
            }
        }

        w.Line();
        w.Line();
        w.Line("if __name__ == \"__main__\":");
        if (body is FunctionCallBody)
        {
            w.Line("    raise SystemExit(run.main())");
        }
        else
        {
            w.Line("    from loki_runtime import comfy_host");
            w.Line();
            w.Line("    raise SystemExit(run.main(comfy_host.take_comfyui_flag(sys.argv[1:])))");
        }

        return w.ToString();
    }

    internal static IEnumerable<string> Parameters(NodeConfig config)
    {
        var seenDefault = false;
        var keywordOnly = false;
        foreach (var port in config.Inputs)
        {
            var text = Parameter(port);
            var hasDefault = text.Contains('=');
            if (!hasDefault && seenDefault && !keywordOnly)
            {
                // A required input after an optional one stays valid Python as keyword-only (run is called with keywords).
                keywordOnly = true;
                yield return "*";
            }

            seenDefault |= hasDefault;
            yield return text;
        }
    }

    private static string Parameter(PortSpec port)
    {
        if (port.Default is not null)
        {
            return port.Name + "=" + PortLiterals.Value(port, port.Default);
        }

        return port.Required ? port.Name : port.Name + "=None";
    }

    private static void EmitFunctionCall(IndentedWriter w, NodeConfig config, FunctionCallBody f, bool explicitParams)
    {
        w.Line("if str(_CODE) not in sys.path:");
        w.Line("    sys.path.insert(0, str(_CODE))");
        var head = f.Function.Split('.')[0];
        w.Line($"from {f.Module} import {head}");
        w.Line();
        string Value(string name) => explicitParams ? name : $"inputs[{PythonLiteral.String(name)}]";
        var args = f.Arguments.Select(a => a.Positional ? Value(a.Name) : $"{a.Name}={Value(a.Name)}");
        var callText = $"{f.Function}({string.Join(", ", args)})";
        if (f.IsAsync)
        {
            w.Line("import asyncio");
            w.Line();
            callText = $"asyncio.run({callText})";
        }

        if (!f.PilInputs.IsDefaultOrEmpty && explicitParams)
        {
            // The function takes one PIL image per call: call it per batch index, stack the results back.
            w.Line("from loki_runtime import pil_bridge");
            w.Line();
            w.Line($"def per_image({string.Join(", ", f.PilInputs)}):");
            w.Line($"    return {callText}");
            w.Line();
            callText = $"pil_bridge.call(per_image, {{{string.Join(", ", f.PilInputs.Select(n => $"{PythonLiteral.String(n)}: {n}"))}}})";
        }

        if (config.Outputs.Length > 1)
        {
            w.Line($"result = {callText}");
            var items = config.Outputs.Select((o, i) => $"{PythonLiteral.String(o.Name)}: result[{i}]");
            w.Line($"return {{{string.Join(", ", items)}}}");
        }
        else
        {
            w.Line($"return {callText}");
        }
    }
}
