using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Flows.Interface;
using Loki.Core.Text;

namespace Loki.Core.Flows.Script;

// The script's literals: parameters with their §2.1 annotations, numbers, values and docstring text.
public static partial class FlowScriptEmitter
{
    private static string Parameter(FlowInputPort p, string annotation)
    {
        if (p.Default is null)
        {
            return $"{p.Name}: {annotation}";
        }

        var literal = p.Type == PortTypes.Float ? FloatLiteral(p.Default) : Py(p.Default);
        if (p.Control is not null && p.Type == PortTypes.Int)
        {
            // The seed's own range bounds increment and randomize (a node taking 32-bit seeds must not get 2**50).
            var range = (p.Min is { } lo ? ", min=" + Number(lo, PortTypes.Int) : string.Empty) + (p.Max is { } hi ? ", max=" + Number(hi, PortTypes.Int) : string.Empty);
            return $"{p.Name}: int = flow.Seed({literal}, control={PythonLiteral.String(p.Control)}{range})";
        }

        return $"{p.Name}: {annotation} = {literal}";
    }

    /// <summary>The §2.1 annotation of a flow input.</summary>
    internal static string Annotation(FlowInputPort p)
    {
        switch (p.Type)
        {
            case PortTypes.Image: return "Image";
            case PortTypes.Mask: return "Mask";
            case PortTypes.Audio: return "Audio";
            case "LATENT": return "Latent";
            case "CONDITIONING": return "Conditioning";
            case "MODEL": return "Model";
            case PortTypes.Any: return "Any";
            case PortTypes.Boolean: return "bool";
            case PortTypes.String: return p.Multiline ? "Annotated[str, Multiline()]" : "str";
            case PortTypes.Combo:
                var options = p.Options.IsDefault ? [] : p.Options;
                var def = p.Default is JsonValue dv && dv.GetValueKind() == JsonValueKind.String ? dv.GetValue<string>() : null;
                return options.Length is > 0 and <= 32 && (def is null || options.Contains(def))
                    ? "Literal[" + string.Join(", ", options.Select(PythonLiteral.String)) + "]"
                    : "str";
            case PortTypes.Int or PortTypes.Float:
                var scalar = p.Type == PortTypes.Int ? "int" : "float";
                if (p.Control is not null || (p.Min is null && p.Max is null))
                {
                    return scalar;
                }

                var bounds = new[] { p.Min, p.Max }.Select(b => b is null ? "None" : Number(b.Value, p.Type)).ToList();
                if (p.Step is { } step)
                {
                    bounds.Add(Number(step, p.Type));
                }

                return $"Annotated[{scalar}, Range({string.Join(", ", bounds)})]";
            default:
                return $"Opaque({PythonLiteral.String(p.Type)})";
        }
    }

    // PythonLiteral reads element-backed values; values built in code (JsonValue.Create) are re-read first.
    private static string Py(JsonNode? node) => PythonLiteral.From(node is null ? null : JsonNode.Parse(node.ToJsonString()));

    private static string Number(double value, string type) =>
        type == PortTypes.Int && value == Math.Floor(value) && Math.Abs(value) < 9.2e18
            ? PythonLiteral.Int((long)value)
            : type == PortTypes.Int && value == Math.Floor(value) ? new System.Numerics.BigInteger(value).ToString(CultureInfo.InvariantCulture) : PythonLiteral.Float(value);

    private static string FloatLiteral(JsonNode node) =>
        JsonNumbers.TryGetDouble(node, out var d) ? PythonLiteral.Float(d) : Py(node);

    private static string DocLine(FlowScriptOptions options) =>
        DocText(OneLine(options.Description ?? $"LOKI Flow {options.Name}, converted from {Path.GetFileName(options.SourceFile)}."));

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    // A docstring is a literal too: keep backslashes and quote runs from ending or bending it.
    private static string DocText(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // Lone surrogates come out as U+FFFD; controls and line separators would end or break the docstring.
            sb.Append(System.Text.Rune.IsControl(rune) || System.Text.Rune.GetUnicodeCategory(rune) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? " " : rune.ToString());
        }

        var clean = sb.ToString()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return clean;
    }
}
