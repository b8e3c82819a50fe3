using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Naming;

/// <summary>
/// Reads <c>&lt;n&gt;_name.md</c> in the shapes found in LOKI libraries: <c>## Official Name</c> (or <c>## NAME</c>)
/// headings followed by the value, values in backticks, list fields as bullets or comma-separated, and
/// <c>Field: value</c> lines.
/// </summary>
public static partial class NameLayerReader
{
    /// <summary>Reads the name layer at <paramref name="path"/>; null (with a diagnostic) when it cannot be read.</summary>
    public static NameLayer? ReadFile(string path, DiagnosticBag diagnostics)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(LokiCodes.NameLayerBad, $"cannot read name layer: {ex.Message}", path);
            return null;
        }
    }

    /// <summary>Parses name-layer Markdown.</summary>
    public static NameLayer Parse(string markdown)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            var heading = HeadingRegex().Match(line);
            if (heading.Success)
            {
                var key = Key(heading.Groups["name"].Value);
                current = key is null ? null : sections.TryGetValue(key, out var existing) ? existing : sections[key] = [];
                continue;
            }

            var inline = InlineRegex().Match(line);
            if (inline.Success && Key(inline.Groups["name"].Value) is { } inlineKey && !sections.ContainsKey(inlineKey))
            {
                sections[inlineKey] = [inline.Groups["value"].Value];
                continue;
            }

            if (current is not null && line.Length > 0)
            {
                current.Add(line);
            }
        }

        return new NameLayer(
            Single(sections, "official_name"),
            Single(sections, "token"),
            Single(sections, "emoji_icon"),
            Single(sections, "recipe"),
            Single(sections, "x2y_format"),
            List(sections, "aliases"),
            List(sections, "tags"),
            List(sections, "metaphors"));
    }

    private static string? Key(string heading)
    {
        var k = heading.Trim().Trim('*', '_', '`').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return k switch
        {
            "official_name" or "name" or "official" => "official_name",
            "token" => "token",
            "emoji_icon" or "emoji" or "icon" => "emoji_icon",
            "recipe" => "recipe",
            "x2y_format" or "x2y" => "x2y_format",
            "aliases" => "aliases",
            "tags" => "tags",
            "metaphors" => "metaphors",
            _ => null,
        };
    }

    private static string? Single(Dictionary<string, List<string>> sections, string key)
    {
        if (!sections.TryGetValue(key, out var lines))
        {
            return null;
        }

        foreach (var line in lines)
        {
            var value = Clean(line);
            if (value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    private static ImmutableArray<string> List(Dictionary<string, List<string>> sections, string key)
    {
        if (!sections.TryGetValue(key, out var lines))
        {
            return [];
        }

        var items = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("_(", StringComparison.Ordinal) || line.StartsWith("(", StringComparison.Ordinal))
            {
                continue;  // an aside, not a value
            }

            var bullet = BulletRegex().Match(line);
            var text = bullet.Success ? bullet.Groups["value"].Value : line;
            var parts = !bullet.Success && text.Contains(',') ? text.Split(',') : [text];
            items.AddRange(parts.Select(Clean).Where(p => p.Length > 0));
        }

        return [.. items];
    }

    private static string Clean(string value)
    {
        var v = value.Trim();
        // A value followed by a parenthesised explanation: keep the value (`_2D+` (Takes no input...)).
        var code = CodeRegex().Match(v);
        if (code.Success && code.Index == 0)
        {
            return code.Groups["code"].Value.Trim();
        }

        return v.Trim('`', '*').Trim();
    }

    [GeneratedRegex(@"^#{1,6}\s*(?<name>.+?)\s*#*$")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"^[-*]?\s*\**(?<name>Official Name|Name|TOKEN|EMOJI_ICON|RECIPE|X2Y_FORMAT)\**\s*:\s*(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineRegex();

    [GeneratedRegex(@"^(?:[-*+]|\d+\.)\s+(?<value>.+)$")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeRegex();
}
