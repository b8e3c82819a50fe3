using System.Globalization;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Flows.Interface;
using Loki.Core.Flows.Schemas;
using Loki.Core.Text;

namespace Loki.Core.Flows.Script;

/// <summary>
/// Writes a flow as a LOKI Script (contracts §2.3.3): a function with the flow's signature that builds the graph,
/// one line per node, and hands it to the chosen backend.
/// </summary>
public static partial class FlowScriptEmitter
{
    /// <summary>The port type markers and annotation helpers of <c>loki_runtime.types</c> (contracts §2.1).</summary>
    // The saver node an output replaces (SaveImage, PreviewImage, MaskPreview): the script writes that output's file
    // with the saver's pixels (8-bit truncation), as the runtime's flow.SAVERS lists (docs/script-contract.md).
    private static readonly string[] Savers = ["SaveImage", "PreviewImage", "MaskPreview"];

    // The saver's id, title and constant inputs (filename_prefix) come along: with --png-metadata the script writes the
    // prompt ComfyUI would receive, saver node included (runtime png_metadata).
    private static string SavedBy(FlowPlan plan, FlowOutputPort output)
    {
        if (output.ReplacesNode is not { } id || plan.Graph.Node(id) is not { } saver || !Savers.Contains(saver.ClassType, StringComparer.Ordinal))
        {
            return string.Empty;
        }

        var args = new List<string> { "saved_by=" + PythonLiteral.String(saver.ClassType), "_id=" + PythonLiteral.String(saver.Id) };
        if (!string.IsNullOrWhiteSpace(saver.Title) && saver.Title != saver.ClassType)
        {
            args.Add("_title=" + PythonLiteral.String(saver.Title));
        }

        args.AddRange(saver.Inputs.Where(i => i.Constant is not null && PythonNames.IsIdentifier(i.Name) && i.Name is not ("_id" or "_title" or "saved_by" or "name" or "link"))
            .Select(i => $"{i.Name}={Py(i.Constant)}"));
        return ", " + string.Join(", ", args);
    }

    private static readonly string[] RuntimeTypeNames = ["Any", "Audio", "Conditioning", "Image", "Latent", "Mask", "Model", "Multiline", "Opaque", "Range"];

    private static readonly string[] ScriptNames = ["g", "flow", "FLOW", "run", "backend", "sys", "Path", "_missing", "Annotated", "Literal", .. RuntimeTypeNames];

    /// <summary>
    /// The script body; the §6 header is added when the file is written (<see cref="Node.GeneratedFileWriter"/>).
    /// The plan should have passed <see cref="FlowValidator"/>.
    /// </summary>
    public static string Emit(FlowPlan plan, FlowSchemaCatalog schemas, FlowScriptOptions options)
    {
        var backend = options.Backend ?? FlowBackends.Default(plan, schemas);
        var inputs = plan.Interface.Inputs.Where(p => p.Required).Concat(plan.Interface.Inputs.Where(p => !p.Required)).ToList();
        var sockets = SocketInputs(plan, inputs);
        var vars = NodeVariables.Assign(plan, schemas, ScriptNames.Concat(inputs.Select(p => p.Name)).Concat(sockets.Values));

        var annotations = inputs.Select(Annotation).ToList();
        var typing = new[] { "Annotated", "Literal" }.Where(t => annotations.Any(a => a.Contains(t + "[", StringComparison.Ordinal))).ToList();
        var runtimeTypes = RuntimeTypeNames.Where(t => annotations.Any(a => System.Text.RegularExpressions.Regex.IsMatch(a, $@"(^|[\[ ,]){t}\b"))).ToList();

        var w = new IndentedWriter();
        w.Line("\"\"\"" + DocLine(options) + "\"\"\"");
        w.Line("import sys");
        w.Line("from pathlib import Path");
        if (typing.Count > 0)
        {
            w.Line("from typing import " + string.Join(", ", typing));
        }

        w.Line();
        var imports = new List<string> { "from loki_runtime import flow  # noqa: E402" };
        if (runtimeTypes.Count > 0)
        {
            imports.Add($"from loki_runtime.types import {string.Join(", ", runtimeTypes)}  # noqa: E402");
        }

        Python.Emit.RuntimeBootstrap.Write(w, imports);

        w.Line();
        w.Line($"FLOW = flow.Flow(__file__, name={PythonLiteral.String(options.Name)})");
        w.Line();
        w.Line();
        w.Line("@FLOW.entry");
        var parameters = inputs.Select((p, i) => Parameter(p, annotations[i])).Append("*").Append($"backend: str = {PythonLiteral.String(backend)}");
        w.Line($"def run({string.Join(", ", parameters)}):");
        using (w.Indent())
        {
            // The runtime reads port descriptions from the function's Google-style Args section.
            var described = inputs.Where(p => p.Description is not null).ToList();
            w.Line("\"\"\"" + DocLine(options) + (described.Count == 0 ? "\"\"\"" : string.Empty));
            if (described.Count > 0)
            {
                w.Line().Line("Args:");
                using (w.Indent())
                {
                    foreach (var p in described)
                    {
                        w.Line(DocText($"{p.Name}: {OneLine(p.Description!)}"));
                    }
                }

                w.Line("\"\"\"");
            }

            w.Line("g = flow.Graph()");
            var socketPorts = inputs.Where(p => sockets.ContainsKey(p.Name)).ToList();
            var markerIds = MarkerIds(plan, socketPorts);
            foreach (var p in socketPorts)
            {
                var description = p.Description is null ? string.Empty : ", description=" + PythonLiteral.String(p.Description);
                w.Line(markerIds is null
                    ? $"{sockets[p.Name]} = g.input({PythonLiteral.String(p.Name)}, {p.Name}, type={PythonLiteral.String(p.Type)}{description})"
                    : $"{sockets[p.Name]} = g.node(\"LokiInput\", _id={PythonLiteral.String(markerIds[p.Name])}, _title={PythonLiteral.String(p.Name)}, name={PythonLiteral.String(p.Name)}, type={PythonLiteral.String(p.Type)}, default=\"\", min=\"\", max=\"\", description={PythonLiteral.String(p.Description ?? string.Empty)}, value={p.Name}).out(0)");
            }

            foreach (var node in plan.Order)
            {
                w.Line(NodeLine(plan, schemas, vars, sockets, node));
            }

            foreach (var output in plan.Interface.Outputs)
            {
                w.Line($"g.output({PythonLiteral.String(output.Name)}, {Value(plan.Resolve(output.Source), vars, sockets)}{SavedBy(plan, output)})");
            }

            w.Line("return FLOW.execute(g, backend=backend)");
        }

        w.Line();
        w.Line();
        w.Line("if __name__ == \"__main__\":");
        w.Line("    raise SystemExit(run.main())");
        return w.ToString();
    }

    /// <summary>
    /// The flow inputs whose value is a socket type (IMAGE, LATENT, …) and that feed node inputs: they enter the graph
    /// through <c>g.input</c> (a <c>LokiInput</c> marker), so a flow node can wire a link into them.
    /// </summary>
    private static Dictionary<string, string> SocketInputs(FlowPlan plan, List<FlowInputPort> inputs)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in plan.Order)
        {
            foreach (var (name, source) in plan.InputsOf(node))
            {
                if (source.ParameterName is { } p && !(FileLoaders.FileInput(node) == name))
                {
                    used.Add(p);
                }
            }
        }

        used.UnionWith(plan.Interface.Outputs.Select(o => plan.Resolve(o.Source).ParameterName).OfType<string>());
        var names = new UniqueNames(inputs.Select(p => p.Name));
        return inputs.Where(p => !PortTypes.IsWidgetType(p.Type) && used.Contains(p.Name))
            .ToDictionary(p => p.Name, p => names.Take(p.Name + "_in"), StringComparer.Ordinal);
    }

    /// <summary>
    /// Null when <c>g.input</c> can number its markers itself: it takes ids 1, 2, … before any node is added, so that is
    /// safe only when no needed node of the workflow has one of those ids. Otherwise each marker gets an id of its own:
    /// the id of the marker or loader it stands for, or one past the workflow's highest.
    /// </summary>
    private static Dictionary<string, string>? MarkerIds(FlowPlan plan, List<FlowInputPort> ports)
    {
        var live = plan.Order.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        if (!Enumerable.Range(1, ports.Count).Any(i => live.Contains(i.ToString(CultureInfo.InvariantCulture))))
        {
            return null;
        }

        var taken = new HashSet<string>(live, StringComparer.Ordinal);
        var next = plan.Graph.Nodes.Select(n => long.TryParse(n.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max() + 1;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            var id = port.Bindings.Select(b => b.NodeId).FirstOrDefault(b => b is not null && !taken.Contains(b) && b.All(char.IsAsciiDigit));
            while (id is null || taken.Contains(id))
            {
                id = (next++).ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(id);
            ids[port.Name] = id;
        }

        return ids;
    }

    private static string NodeLine(FlowPlan plan, FlowSchemaCatalog schemas, Dictionary<string, string> vars, Dictionary<string, string> sockets, FlowNode node)
    {
        var args = new List<string> { PythonLiteral.String(node.ClassType), "_id=" + PythonLiteral.String(node.Id) };
        var schema = schemas.Find(node.ClassType);
        if (!string.IsNullOrWhiteSpace(node.Title) && node.Title != node.ClassType && node.Title != schema?.DisplayName)
        {
            args.Add("_title=" + PythonLiteral.String(node.Title));
        }

        var odd = new List<string>();
        foreach (var (name, source) in plan.InputsOf(node))
        {
            var value = source.Constant is not null && schema?.Input(name)?.Type == PortTypes.Float ? FloatLiteral(source.Constant)
                : Value(source, vars, FileLoaders.FileInput(node) == name ? [] : sockets);
            if (PythonNames.IsIdentifier(name) && name is not ("_id" or "_title" or "class_type"))
            {
                args.Add($"{name}={value}");
            }
            else
            {
                odd.Add($"{PythonLiteral.String(name)}: {value}");
            }
        }

        if (odd.Count > 0)
        {
            args.Add("**{" + string.Join(", ", odd) + "}");
        }

        return $"{vars[node.Id]} = g.node({string.Join(", ", args)})";
    }

    private static string Value(FlowValueSource source, Dictionary<string, string> vars, IReadOnlyDictionary<string, string> sockets) => source switch
    {
        { ParameterName: { } p } => sockets.TryGetValue(p, out var socket) ? socket : p,
        { Link: { } l } => vars.TryGetValue(l.NodeId, out var v) ? $"{v}.out({l.Slot.ToString(CultureInfo.InvariantCulture)})" : "None",
        { Constant: JsonObject { Count: 1 } o } when o["__value__"] is JsonArray list => $"flow.value({Py(list)})",
        _ => Py(source.Constant),
    };
}
