using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// The frontend's <c>%Node.widget%</c> filling of save nodes' <c>filename_prefix</c> (<c>applyTextReplacements</c>,
/// v1.27.10): the node is found by its "Node name for S&amp;R" property, else by title; the widget value has
/// path-unsafe characters replaced by <c>_</c>. <c>%date:…%</c> is left for the user (it depends on the clock).
/// </summary>
internal static partial class FilenameTemplate
{
    /// <summary>The save nodes whose <c>filename_prefix</c> the frontend fills in.</summary>
    public static readonly HashSet<string> SaveNodes = new(StringComparer.Ordinal)
    {
        "SaveImage", "SaveAnimatedWEBP", "SaveWEBM", "SaveAudio", "SaveGLB", "SaveAnimatedPNG", "CLIPSave", "VAESave",
        "ModelSave", "LoraSave", "SaveLatent",
    };

    /// <summary>Fills the patterns of <paramref name="value"/> from the nodes of <paramref name="nodes"/>.</summary>
    public static string Apply(string value, TemplateNodes nodes, DateTime? date = null) =>
        !value.Contains('%') ? value : Pattern().Replace(value, match =>
        {
            var text = match.Groups[1].Value;
            var split = text.Split('.');
            if (split.Length != 2)
            {
                return date is { } when && split[0].StartsWith("date:", StringComparison.Ordinal) ? FormatDate(split[0][5..], when) : match.Value;
            }

            var node = nodes.Find(split[0]);
            if (node is null || !node.TryGetWidget(split[1], out var widget))
            {
                return match.Value;
            }

            return Unsafe().Replace(JsText(widget), "_");
        });

    /// <summary>The frontend's <c>formatDate</c>: <c>yyyy</c>, <c>yy</c>, and <c>d M h m s</c>, doubled for two digits.</summary>
    public static string FormatDate(string format, DateTime date) =>
        DatePart().Replace(format, m => m.Value switch
        {
            "yy" => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            "yyyy" => date.Year.ToString(CultureInfo.InvariantCulture),
            _ when m.Value[0] != 'y' => (m.Value[0] switch
            {
                'd' => date.Day,
                'M' => date.Month,
                'h' => date.Hour,
                'm' => date.Minute,
                _ => date.Second,
            }).ToString(CultureInfo.InvariantCulture).PadLeft(m.Value.Length, '0'),
            _ => m.Value,
        });

    /// <summary>The text JavaScript's <c>(value ?? '') + ''</c> gives.</summary>
    public static string JsText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonRead.Number(v)!.Value.ToString("R", CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonArray a => string.Join(",", a.Select(JsText)),
        _ => "[object Object]",
    };

    [GeneratedRegex("dd?|MM?|hh?|mm?|ss?|yyy?y?")]
    private static partial Regex DatePart();

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Pattern();

    [GeneratedRegex("[/?<>\\\\:*|\"\\x00-\\x1F\\x7F]")]
    private static partial Regex Unsafe();
}
