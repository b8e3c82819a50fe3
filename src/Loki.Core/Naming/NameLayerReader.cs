using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Naming;

/// <summary>
/// Reads the name layer <c>&lt;n&gt;_name.md</c>. Hand-kept libraries write it in several shapes, all accepted:
/// markdown sections (<c>## TOKEN</c> then the value, possibly in backticks, lists as <c>-</c>/<c>*</c> items or
/// comma-separated backticked words), headings with an inline value (<c># NAME: Scribe</c>), and
/// <c>KEY="value"</c> / <c>KEY=["a", "b"]</c> lines.
/// </summary>
public static partial class NameLayerReader
{
    private static readonly string[] OfficialNameKeys = ["OFFICIAL_NAME", "NAME", "FULL_NAME", "DISPLAY_NAME"];

    private static readonly HashSet<string> KnownKeys =
    [
        .. OfficialNameKeys, "TOKEN", "EMOJI_ICON", "EMOJI", "RECIPE", "X2Y_FORMAT", "ALIASES", "TAGS", "METAPHORS",
    ];

    /// <summary>Reads the file; an unreadable file or one without any known field gives a warning and null.</summary>
    public static NameLayer? ReadFile(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(LokiCodes.NameLayerBad, $"cannot read the name layer: {ex.Message}", path);
            return null;
        }

        return Parse(text, path, diagnostics);
    }

    /// <summary>Parses name-layer text; <paramref name="file"/> is used only in diagnostics.</summary>
    public static NameLayer? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var fields = ReadFields(text, out var title);
        var official = OfficialNameKeys.Select(k => Scalar(fields, k)).FirstOrDefault(v => v is not null);
        if (official is null && title is not null && !title.Contains("NAMING", StringComparison.OrdinalIgnoreCase))
        {
            official = title;
        }

        var layer = new NameLayer(
            official,
            Scalar(fields, "TOKEN"),
            Scalar(fields, "EMOJI_ICON") ?? Scalar(fields, "EMOJI"),
            List(fields, "RECIPE", codeOnly: true),
            List(fields, "X2Y_FORMAT", codeOnly: true),
            List(fields, "ALIASES", codeOnly: false),
            List(fields, "TAGS", codeOnly: false),
            List(fields, "METAPHORS", codeOnly: false),
            fields.Where(f => f.Key is not ("TOKEN" or "EMOJI_ICON" or "RECIPE" or "X2Y_FORMAT" or "ALIASES" or "TAGS" or "METAPHORS"))
                .ToImmutableSortedDictionary(f => f.Key, f => string.Join('\n', f.Value).Trim(), StringComparer.Ordinal));

        if (layer.OfficialName is null && layer.Token is null && layer.EmojiIcon is null && layer.Aliases.IsEmpty && layer.Tags.IsEmpty)
        {
            diagnostics.Warning(LokiCodes.NameLayerBad, "the name layer has none of the fields Official Name, TOKEN, EMOJI_ICON, ALIASES, TAGS", file, line: 1);
            return null;
        }

        return layer;
    }

    private static Dictionary<string, List<string>> ReadFields(string text, out string? title)
    {
        title = null;
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Heading().Match(line) is { Success: true } h)
            {
                var heading = h.Groups[2].Value.Trim();
                var colon = heading.IndexOf(':');
                var key = Key(colon > 0 ? heading[..colon] : heading);
                current = fields.TryGetValue(key, out var existing) ? existing : fields[key] = [];
                if (colon > 0)
                {
                    current.Add(heading[(colon + 1)..].Trim());
                }
                else if (h.Groups[1].Value.Length == 1 && title is null)
                {
                    title = StripMarkup(heading);
                }

                continue;
            }

            if (Assignment().Match(line) is { Success: true } a && current is null)
            {
                fields[a.Groups[1].Value] = [.. AssignedValues(a.Groups[2].Value.Trim())];
                continue;
            }

            // "- **Official Name**: Image Blur" or "TOKEN: 🌫️Blur": a known field with its value on the same line.
            if (InlineField().Match(line.Replace("**", string.Empty)) is { Success: true } f && KnownKeys.Contains(Key(f.Groups[1].Value)))
            {
                fields[Key(f.Groups[1].Value)] = [f.Groups[2].Value.Trim()];
                continue;
            }

            current?.Add(line);
        }

        return fields;
    }

    private static IEnumerable<string> AssignedValues(string value)
    {
        try
        {
            using var doc = JsonDocument.Parse(value);
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                return doc.RootElement.EnumerateArray().Select(e => "- " + (e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())).ToList();
            }

            if (doc.RootElement.ValueKind == JsonValueKind.String)
            {
                return [doc.RootElement.GetString()!];
            }
        }
        catch (JsonException)
        {
            // Not JSON (single quotes, bare words): fall through and keep the text.
        }

        return [value.Trim('"', '\'')];
    }

    private static string? Scalar(Dictionary<string, List<string>> fields, string key)
    {
        if (!fields.TryGetValue(key, out var lines))
        {
            return null;
        }

        foreach (var line in lines)
        {
            var t = ListItem().Replace(line, string.Empty).Trim();
            if (t.Length == 0 || IsNote(t))
            {
                continue;
            }

            var code = Code().Match(t);
            var value = code.Success ? code.Groups[1].Value.Trim() : StripMarkup(t);
            return value.Length == 0 ? null : value;
        }

        return null;
    }

    private static ImmutableArray<string> List(Dictionary<string, List<string>> fields, string key, bool codeOnly)
    {
        if (!fields.TryGetValue(key, out var lines))
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        var hasItems = lines.Any(l => ListItem().IsMatch(l));
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.Length == 0 || IsNote(t) || (hasItems && !ListItem().IsMatch(line)))
            {
                continue;
            }

            t = ListItem().Replace(t, string.Empty).Trim();
            var codes = Code().Matches(t);
            if (codes.Count > 0 && (codeOnly || !hasItems))
            {
                // `C => T+` (explanation) keeps the code; `UI`, `Visual` is a list of codes.
                items.AddRange(codeOnly ? [codes[0].Groups[1].Value.Trim()] : codes.Select(c => c.Groups[1].Value.Trim()));
            }
            else if (!hasItems && !codeOnly && t.Contains(','))
            {
                items.AddRange(t.Split(',').Select(p => StripMarkup(p)).Where(p => p.Length > 0));
            }
            else
            {
                var value = StripMarkup(codeOnly ? TrailingNote().Replace(t, string.Empty) : t);
                if (value.Length > 0)
                {
                    items.Add(value);
                }
            }
        }

        return items.ToImmutable();
    }

    private static bool IsNote(string line) => line.StartsWith("_(", StringComparison.Ordinal) || line.StartsWith("(", StringComparison.Ordinal);

    private static string Key(string heading) =>
        NonWord().Replace(heading.Trim().ToUpperInvariant(), "_").Trim('_');

    private static string StripMarkup(string text)
    {
        var t = text.Replace("**", string.Empty).Replace("`", string.Empty).Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Trim() : t;
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z0-9 _]*?)\s*:\s*(\S.*)$")]
    private static partial Regex InlineField();

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]*)\s*=\s*(.+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\s*\([^)]*\)\s*$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"[^A-Z0-9]+")]
    private static partial Regex NonWord();
}
