using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loki.Core.Config;
using Loki.Core.Naming;
using Loki.Core.Text;

namespace Loki.Core.Python.Emit;

/// <summary>
/// Writes a LOKI Node (<c>&lt;n&gt;_node.py</c>, contracts.md §2.2): a ComfyUI V1 node class that calls the node's
/// LOKI Script through <c>loki_runtime.comfy_adapter</c>, and the folder's <c>__init__.py</c>.
/// </summary>
public static partial class NodeEmitter
{
    /// <summary>ComfyUI widget options passed from a port's extra fields into <c>INPUT_TYPES</c> (comfyui-reference §4.3).</summary>
    private static readonly string[] PassedOptions =
    [
        "round", "display", "placeholder", "dynamicPrompts", "label_on", "label_off", "forceInput", "lazy",
        "control_after_generate", "image_upload", "image_folder", "video_upload", "audio_upload", "rawLink", "socketless",
    ];

    /// <summary>The class name of the node's LOKI Node (<c>ImageLevels</c>).</summary>
    public static string ClassName(NodeConfig config) => NodeNames.ToPascal(config.NodeName);

    /// <summary>
    /// The display name: <c>"&lt;emojis&gt; &lt;Official Name&gt; (LOKI)"</c> from the name layer; without one, the
    /// config's <c>node_display_name</c> or the title-cased node name.
    /// </summary>
    public static string DisplayName(NodeConfig config, NameLayer? names)
    {
        if (names?.OfficialName is null && config.Extra["node_display_name"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0)
        {
            names = (names ?? NameLayer.Empty) with { OfficialName = s.EndsWith("(LOKI)", StringComparison.Ordinal) ? s[..^6].TrimEnd() : s };
        }

        return (names ?? NameLayer.Empty).DisplayName(config.NodeName);
    }

    /// <summary>The body of <c>&lt;n&gt;_node.py</c> (the writer adds the LOKI header).</summary>
    public static string EmitNode(NodeConfig config)
    {
        var w = new IndentedWriter();
        w.Line(PythonDocstring.Literal($"LOKI Node {config.NodeName}: the ComfyUI face of {config.NodeName}.py."));
        var dynamicCombos = config.Inputs.Any(p => FilenameList(p) is not null);
        if (dynamicCombos)
        {
            w.Line("from __future__ import annotations");
            w.Line();
        }

        w.Line("from loki_runtime import comfy_adapter");
        w.Line();
        w.Line($"from . import {config.NodeName} as _script");
        w.Line();
        if (dynamicCombos)
        {
            w.Line();
            w.Line("def _filename_list(folder):");
            w.Line("    import folder_paths  # ComfyUI's model folders, known only inside ComfyUI");
            w.Line();
            w.Line("    return folder_paths.get_filename_list(folder)");
            w.Line();
        }

        w.Line();
        w.Line($"class {ClassName(config)}:");
        using (w.Indent())
        {
            var description = config.Description ?? string.Empty;
            if (description.Length > 0)
            {
                w.Line(PythonDocstring.Literal(description));
                w.Line();
            }

            var category = "LOKI 🦊" + (config.Category is { Length: > 0 } c ? "/" + c : string.Empty);
            w.Line($"CATEGORY = {PythonLiteral.String(category)}");
            w.Line($"DESCRIPTION = {PythonLiteral.String(description)}");
            w.Line("FUNCTION = \"execute\"");
            if (config.OutputNode)
            {
                w.Line("OUTPUT_NODE = True");
            }

            w.Line($"RETURN_TYPES = {Tuple(config.Outputs.Select(o => PythonLiteral.String(o.Type)))}");
            w.Line($"RETURN_NAMES = {Tuple(config.Outputs.Select(o => PythonLiteral.String(o.Name)))}");
            w.Line();
            w.Line("@classmethod");
            w.Line("def INPUT_TYPES(cls):");
            using (w.Indent())
            {
                w.Line("return {");
                using (w.Indent())
                {
                    Section(w, "required", config.Inputs.Where(p => p.Required).ToList());
                    Section(w, "optional", config.Inputs.Where(p => !p.Required).ToList());
                }

                w.Line("}");
            }

            w.Line();
            w.Line("def execute(self, **inputs):");
            w.Line("    return comfy_adapter.call(_script.run, inputs)");
        }

        return w.ToString();
    }

    /// <summary>The text of the node folder's <c>__init__.py</c>.</summary>
    public static string EmitInit(NodeConfig config, NameLayer? names)
    {
        var key = PythonLiteral.String(NodeNames.ToMappingKey(config.NodeName));
        var w = new IndentedWriter();
        w.Line(PythonDocstring.Literal($"Registers the LOKI Node {config.NodeName} with ComfyUI."));
        w.Line($"from .{config.NodeName}_node import {ClassName(config)}");
        w.Line();
        w.Line($"NODE_CLASS_MAPPINGS = {{{key}: {ClassName(config)}}}");
        w.Line($"NODE_DISPLAY_NAME_MAPPINGS = {{{key}: {PythonLiteral.String(DisplayName(config, names))}}}");
        w.Line();
        w.Line("__all__ = [\"NODE_CLASS_MAPPINGS\", \"NODE_DISPLAY_NAME_MAPPINGS\"]");
        return w.ToString();
    }

    private static void Section(IndentedWriter w, string name, List<PortSpec> ports)
    {
        if (ports.Count == 0 && name == "optional")
        {
            return;
        }

        if (ports.Count == 0)
        {
            w.Line($"{PythonLiteral.String(name)}: {{}},");
            return;
        }

        w.Line($"{PythonLiteral.String(name)}: {{");
        using (w.Indent())
        {
            foreach (var port in ports)
            {
                w.Line($"{PythonLiteral.String(port.Name)}: ({InputType(port)}, {Options(port)}),");
            }
        }

        w.Line("},");
    }

    private static string InputType(PortSpec port)
    {
        if (port.Type == PortTypes.Combo)
        {
            if (FilenameList(port) is { } folder)
            {
                return $"_filename_list({PythonLiteral.String(folder)})";
            }

            // A combo whose options are known only at run time and not from a model folder: a free text widget.
            return port.OptionsOrEmpty.IsEmpty && port.Extra?["options_unresolved"] is not null
                ? PythonLiteral.String(PortTypes.String)
                : "[" + string.Join(", ", port.OptionsOrEmpty.Select(PythonLiteral.String)) + "]";
        }

        return PythonLiteral.String(port.Type);
    }

    private static string Options(PortSpec port)
    {
        var items = new List<string>();
        void Add(string key, string literal) => items.Add(PythonLiteral.String(key) + ": " + literal);
        if (port.Default is not null && !(port.Type == PortTypes.Combo && FilenameList(port) is not null))
        {
            Add("default", PortLiterals.Value(port, port.Default));
        }

        if (port.Min is { } min)
        {
            Add("min", PortLiterals.Number(port, min));
        }

        if (port.Max is { } max)
        {
            Add("max", PortLiterals.Number(port, max));
        }

        if (port.Step is { } step)
        {
            Add("step", PortLiterals.Number(port, step));
        }

        if (port.Type == PortTypes.String)
        {
            Add("multiline", PythonLiteral.Bool(port.Multiline));
        }

        if (port.Extra is not null)
        {
            foreach (var key in PassedOptions)
            {
                if (port.Extra[key] is { } value)
                {
                    Add(key, PythonLiteral.From(value));
                }
            }
        }

        if (port.Description is { Length: > 0 } d)
        {
            Add("tooltip", PythonLiteral.String(d));
        }

        return "{" + string.Join(", ", items) + "}";
    }

    /// <summary>The model folder of a combo filled by <c>folder_paths.get_filename_list('x')</c> at run time, else null.</summary>
    internal static string? FilenameList(PortSpec port)
    {
        if (port.Extra?["options_unresolved"] is JsonValue v && v.TryGetValue<string>(out var source))
        {
            var m = FilenameListRegex().Match(source);
            return m.Success ? m.Groups["folder"].Value : null;
        }

        return null;
    }

    private static string Tuple(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "()",
            1 => "(" + list[0] + ",)",
            _ => "(" + string.Join(", ", list) + ")",
        };
    }

    [GeneratedRegex(@"^folder_paths\.get_filename_list\((['""])(?<folder>[A-Za-z0-9_]+)\1\)$")]
    private static partial Regex FilenameListRegex();
}
