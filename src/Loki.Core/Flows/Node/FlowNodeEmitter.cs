using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Interface;
using Loki.Core.Flows.Schemas;
using Loki.Core.Flows.Script;
using Loki.Core.Naming;
using Loki.Core.Text;

namespace Loki.Core.Flows.Node;

/// <summary>
/// Writes a flow as a LOKI Node folder (contracts §2.3): the flow script <c>&lt;n&gt;.py</c> the node expands,
/// <c>&lt;n&gt;_node.py</c> whose class the runtime's flow-node factory makes from that script when ComfyUI loads it
/// (and re-reads when it changes, so an edit reaches every use), <c>__init__.py</c>, and the interface in
/// <c>&lt;n&gt;.json</c>.
/// </summary>
public static class FlowNodeEmitter
{
    /// <summary>The category flow nodes are listed under, below <c>LOKI 🦊/</c>.</summary>
    public const string Category = "flows";

    /// <summary>The bodies of the node folder's files (headers are added on writing).</summary>
    /// <param name="document">The analysed flow.</param>
    /// <param name="schemas">The node classes the flow uses.</param>
    /// <param name="nodeName">The node name (lowercase snake_case).</param>
    /// <param name="sourceRelative">The flow file, relative to the node folder.</param>
    /// <param name="description">One sentence, or null.</param>
    /// <param name="names">The node folder's name layer, or null: its emojis and Official Name make the display name.</param>
    public static FlowNodeFiles Emit(FlowDocument document, FlowSchemaCatalog schemas, string nodeName, string sourceRelative, string? description = null, NameLayer? names = null)
    {
        var classType = NodeNames.ToMappingKey(nodeName);
        var display = DisplayName(nodeName, names);
        var script = FlowScriptEmitter.Emit(document.Plan, schemas, new FlowScriptOptions(nodeName, sourceRelative, Description: description));

        var node = new IndentedWriter();
        node.Line($"\"\"\"{display}: the LOKI Flow {nodeName} as one node; it expands {nodeName}.py into the running graph.\"\"\"");
        node.Line("from pathlib import Path");
        node.Line();
        node.Line("from loki_runtime import flow_node");
        node.Line();
        node.Line($"FlowClass = flow_node.make_flow_node(Path(__file__).with_name({PythonLiteral.String(nodeName + ".py")}), class_type={PythonLiteral.String(classType)},");
        node.Line($"                                     display_name={PythonLiteral.String(display)}, category={PythonLiteral.String("LOKI 🦊/" + Category)})");
        node.Line();
        node.Line($"NODE_CLASS_MAPPINGS = {{{PythonLiteral.String(classType)}: FlowClass}}");
        node.Line($"NODE_DISPLAY_NAME_MAPPINGS = {{{PythonLiteral.String(classType)}: {PythonLiteral.String(display)}}}");

        var init = new IndentedWriter();
        init.Line($"from .{nodeName}_node import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS");
        init.Line();
        init.Line("__all__ = [\"NODE_CLASS_MAPPINGS\", \"NODE_DISPLAY_NAME_MAPPINGS\"]");

        // The default backend tells a smoke run or a user whether the flow needs ComfyUI to run.
        var config = NodeConfigWriter.ToJson(Config(document, nodeName, sourceRelative, description));
        config["flow"]!["backend"] = FlowBackends.Default(document.Plan, schemas);
        return new FlowNodeFiles(nodeName, script, node.ToString(), init.ToString(), config);
    }

    /// <summary>
    /// <c>"&lt;emojis&gt; &lt;Official Name&gt; (LOKI)"</c> from the name layer, as for every LOKI Node; the fox stands in for
    /// missing emojis and the title-cased node name for a missing Official Name.
    /// </summary>
    public static string DisplayName(string nodeName, NameLayer? names) =>
        $"{names?.DisplayEmojis ?? "🦊"} {names?.OfficialName ?? NodeNames.ToTitle(nodeName)} (LOKI)";

    /// <summary>The description a flow node's config gets when it is given none.</summary>
    public static string DefaultDescription(string sourceRelative) => $"The LOKI Flow {Path.GetFileName(sourceRelative)} as one node.";

    /// <summary>The config layer of the flow node: the flow's interface as ports, each with its bindings.</summary>
    public static NodeConfig Config(FlowDocument document, string nodeName, string sourceRelative, string? description)
    {
        var inputs = document.Interface.Inputs.Select(FlowInterfaceJson.ToPortSpec).ToImmutableArray();
        var outputs = document.Interface.Outputs.Select(FlowInterfaceJson.ToPortSpec).ToImmutableArray();
        return new NodeConfig
        {
            NodeName = nodeName,
            Description = description ?? DefaultDescription(sourceRelative),
            Category = Category,
            Inputs = inputs,
            Outputs = outputs,
            Extra = new JsonObject
            {
                ["flow"] = new JsonObject
                {
                    ["file"] = sourceRelative,
                    ["script"] = nodeName + ".py",
                    ["source"] = FlowInterfaceJson.SourceName(document.Interface.Source),
                },
            },
        };
    }
}

/// <summary>The files of a flow node folder, without their headers.</summary>
/// <param name="NodeName">The node name.</param>
/// <param name="Script">Body of <c>&lt;n&gt;.py</c> (the flow script the node expands).</param>
/// <param name="Node">Body of <c>&lt;n&gt;_node.py</c>.</param>
/// <param name="Init">Body of <c>__init__.py</c>.</param>
/// <param name="Config">The <c>&lt;n&gt;.json</c> document.</param>
public sealed record FlowNodeFiles(string NodeName, string Script, string Node, string Init, JsonObject Config)
{
    /// <summary>Writes the folder; files a person wrote or edited are kept (LOKI3041). Returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string directory, string sourceRelative, string sourceSha256, DiagnosticBag diagnostics)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Py(string name, string body)
        {
            var path = Path.Combine(directory, name);
            if (GeneratedFileWriter.WritePython(path, body, sourceRelative, sourceSha256, diagnostics))
            {
                written.Add(path);
            }
        }

        Py(NodeName + ".py", Script);
        Py(NodeName + "_node.py", Node);
        Py("__init__.py", Init);
        var config = Path.Combine(directory, NodeName + ".json");
        if (GeneratedFileWriter.WriteJson(config, Config, underExtra: false, sourceRelative, sourceSha256, diagnostics))
        {
            written.Add(config);
        }

        return written;
    }
}
