using System.Text;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Derives <c>__init__.py</c> from the LOKI Node <c>&lt;n&gt;_node.py</c>: re-exports the node file's mappings when it
/// defines them (contracts §2.2), otherwise registers its node class under <c>Loki&lt;PascalCase&gt;</c> with the
/// display name from the name layer.
/// </summary>
public sealed partial class InitFromNodeGenerator : ILayerGenerator
{
    /// <inheritdoc/>
    public string Name => "node→init";

    /// <inheritdoc/>
    public NodeLayer Source => NodeLayer.Node;

    /// <inheritdoc/>
    public NodeLayer Target => NodeLayer.Init;

    /// <inheritdoc/>
    public string? Generate(LayerGenerationContext context)
    {
        var module = Path.GetFileNameWithoutExtension(context.Folder.FileOf(NodeLayer.Node));
        var sb = new StringBuilder();
        sb.Append("\"\"\"ComfyUI registration of the LOKI node ").Append(context.NodeName).Append(".\"\"\"\n");
        if (Mappings().IsMatch(context.SourceText))
        {
            sb.Append("from .").Append(module).Append(" import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS\n");
        }
        else
        {
            var classes = NodeClasses(context.SourceText);
            if (classes.Count == 0)
            {
                context.Diagnostics.Error(LokiCodes.GenerationFailed, "the node file defines no class with INPUT_TYPES and no NODE_CLASS_MAPPINGS", context.SourcePath);
                return null;
            }

            sb.Append("from .").Append(module).Append(" import ").Append(string.Join(", ", classes)).Append("\n\n");
            sb.Append("NODE_CLASS_MAPPINGS = {\n");
            foreach (var (cls, i) in classes.Select((c, i) => (c, i)))
            {
                sb.Append("    ").Append(PythonLiteral.String(Key(context.NodeName, cls, i))).Append(": ").Append(cls).Append(",\n");
            }

            sb.Append("}\nNODE_DISPLAY_NAME_MAPPINGS = {\n");
            foreach (var (cls, i) in classes.Select((c, i) => (c, i)))
            {
                var display = i == 0 ? context.DisplayName : $"{cls} (LOKI)";
                sb.Append("    ").Append(PythonLiteral.String(Key(context.NodeName, cls, i))).Append(": ").Append(PythonLiteral.String(display)).Append(",\n");
            }

            sb.Append("}\n");
        }

        sb.Append("\n__all__ = [\"NODE_CLASS_MAPPINGS\", \"NODE_DISPLAY_NAME_MAPPINGS\"]\n");
        return sb.ToString();
    }

    private static string Key(string nodeName, string cls, int index) => index == 0 ? NodeNames.ToMappingKey(nodeName) : "Loki" + cls;

    private static List<string> NodeClasses(string source)
    {
        // A top-level class whose body (up to the next top-level statement) defines INPUT_TYPES.
        var result = new List<string>();
        var matches = TopLevelClass().Matches(source);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index;
            var next = TopLevelStatement().Match(source, start + matches[i].Length);
            var body = next.Success ? source[start..next.Index] : source[start..];
            if (body.Contains("INPUT_TYPES", StringComparison.Ordinal))
            {
                result.Add(matches[i].Groups[1].Value);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^NODE_CLASS_MAPPINGS\s*[:=]", RegexOptions.Multiline)]
    private static partial Regex Mappings();

    [GeneratedRegex(@"^class\s+([A-Za-z_][A-Za-z0-9_]*)[^\n]*:[ \t]*(#[^\n]*)?$", RegexOptions.Multiline)]
    private static partial Regex TopLevelClass();

    [GeneratedRegex(@"^[^\s#\n]", RegexOptions.Multiline)]
    private static partial Regex TopLevelStatement();
}
