using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Requirements;

/// <summary>
/// Reads a node's <c>requirements.txt</c> with the rules of the strictest consumer, ComfyUI-Manager, which runs
/// one <c>pip install &lt;line&gt;</c> per line and whose unified resolver rejects options, paths and URLs. So:
/// one PEP 508 requirement per line (name, extras, version clauses, marker), comments and blank lines allowed;
/// options (<c>-r</c>, <c>-e</c>, <c>--index-url</c>, ...), continuations, local paths, URLs and VCS links are rejected.
/// </summary>
public static partial class RequirementParser
{
    private static readonly string[] MarkerVariables =
    [
        "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
        "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
        "implementation_version", "extra",
    ];

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<spec>[^;]*?)\s*(?:;(?<marker>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^\s*(?<op>===|==|!=|<=|>=|~=|<|>)\s*(?<v>[A-Za-z0-9.*+!_-]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtraPattern();

    /// <summary>Reads the file at <paramref name="path"/>; a missing file is an empty list.</summary>
    public static ImmutableArray<Requirement> ReadFile(string node, string path, DiagnosticBag diagnostics)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(LokiCodes.FileUnreadable, $"cannot read requirements of node '{node}': {ex.Message}", path);
            return [];
        }

        return Parse(node, path, text, diagnostics);
    }

    /// <summary>Parses requirement text. <paramref name="path"/> is used in diagnostics and sources.</summary>
    public static ImmutableArray<Requirement> Parse(string node, string path, string text, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<Requirement>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i].TrimEnd('\r')).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var source = new RequirementSource(node, path, i + 1, line);
            if (ParseLine(line, source, diagnostics) is { } req)
            {
                var twin = result.FirstOrDefault(r => r.Key == req.Key && r.Marker == req.Marker);
                if (twin is not null)
                {
                    diagnostics.Error(LokiCodes.RequirementDuplicate,
                        $"node '{node}' lists '{req.Name}' twice (lines {twin.Source.Line} and {i + 1}); keep one line", path, line: i + 1);
                    continue;
                }

                result.Add(req);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Parses one non-empty, comment-free line; reports and returns null when ComfyUI-Manager could not install it.</summary>
    public static Requirement? ParseLine(string line, RequirementSource source, DiagnosticBag diagnostics)
    {
        var at = $"node '{source.Node}', line {source.Line}: '{line}'";
        if (line.EndsWith('\\'))
        {
            diagnostics.Error(LokiCodes.RequirementUnsupportedOption,
                $"{at}: line continuations are not supported (ComfyUI-Manager installs each line on its own)", source.File, line: source.Line);
            return null;
        }

        if (line.StartsWith('-'))
        {
            var option = line.Split(' ', '=')[0];
            diagnostics.Error(LokiCodes.RequirementUnsupportedOption,
                $"{at}: the pip option '{option}' cannot be installed by ComfyUI-Manager; list package names only", source.File, line: source.Line);
            return null;
        }

        if (Regex.IsMatch(line, @"\s--?[A-Za-z]"))
        {
            diagnostics.Error(LokiCodes.RequirementUnsupportedOption,
                $"{at}: per-line pip options (--index-url, --hash, ...) are not supported in a LOKI node's requirements", source.File, line: source.Line);
            return null;
        }

        if (LooksLikeLocation(line))
        {
            diagnostics.Error(LokiCodes.RequirementNotAPackage,
                $"{at}: a path, URL or VCS link is not installable from the registry or by ComfyUI-Manager; publish the package and name it", source.File, line: source.Line);
            return null;
        }

        var m = LinePattern().Match(line);
        if (!m.Success)
        {
            return SyntaxError(at, "not a PEP 508 requirement (name[extras] clauses ; marker)", source, diagnostics);
        }

        var extras = ImmutableArray<string>.Empty;
        if (m.Groups["extras"].Success)
        {
            extras = [.. m.Groups["extras"].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0)];
            if (extras.Any(e => !ExtraPattern().IsMatch(e)))
            {
                return SyntaxError(at, "bad extras in brackets", source, diagnostics);
            }
        }

        var spec = m.Groups["spec"].Value.Trim();
        if (spec.StartsWith('(') && spec.EndsWith(')'))
        {
            spec = spec[1..^1];
        }

        var clauses = ImmutableArray.CreateBuilder<VersionSpecifier>();
        if (spec.Length > 0)
        {
            foreach (var part in spec.Split(','))
            {
                var c = ClausePattern().Match(part);
                if (!c.Success)
                {
                    return SyntaxError(at, $"'{part.Trim()}' is not a version clause (==, !=, >=, <=, >, <, ~=, ===)", source, diagnostics);
                }

                var clause = new VersionSpecifier(c.Groups["op"].Value, c.Groups["v"].Value);
                if (clause.IsWildcard && clause.Operator is not ("==" or "!="))
                {
                    return SyntaxError(at, $"'.*' is only allowed with == and != ('{part.Trim()}')", source, diagnostics);
                }

                if (clause.Operator != "===" && clause.Parsed is null)
                {
                    return SyntaxError(at, $"'{clause.Version}' is not a PEP 440 version", source, diagnostics);
                }

                if (clause.Operator == "~=" && clause.Parsed is { Release.Length: < 2 })
                {
                    return SyntaxError(at, "'~=' needs at least two release numbers (~=1.4)", source, diagnostics);
                }

                clauses.Add(clause);
            }
        }

        string? marker = null;
        if (m.Groups["marker"].Success)
        {
            marker = m.Groups["marker"].Value.Trim();
            if (!IsPlausibleMarker(marker))
            {
                return SyntaxError(at, $"'{marker}' is not an environment marker (python_version, sys_platform, ...)", source, diagnostics);
            }
        }

        return new Requirement(m.Groups["name"].Value, extras, clauses.ToImmutable(), marker, source);
    }

    private static Requirement? SyntaxError(string at, string why, RequirementSource source, DiagnosticBag diagnostics)
    {
        diagnostics.Error(LokiCodes.RequirementSyntax, $"{at}: {why}", source.File, line: source.Line);
        return null;
    }

    private static bool LooksLikeLocation(string line) =>
        line.StartsWith('.') || line.StartsWith('/') || line.StartsWith('~') || line.Contains("://", StringComparison.Ordinal)
        || line.StartsWith("git+", StringComparison.OrdinalIgnoreCase) || line.StartsWith("hg+", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("svn+", StringComparison.OrdinalIgnoreCase) || line.StartsWith("bzr+", StringComparison.OrdinalIgnoreCase)
        || Regex.IsMatch(line, @"^[^;]*@") || Regex.IsMatch(line, @"\.(whl|zip|tar\.gz|tgz|tar\.bz2)\s*(;|$)", RegexOptions.IgnoreCase)
        || line.Contains('\\') || Regex.IsMatch(line, @"^[A-Za-z]:[\\/]");

    private static bool IsPlausibleMarker(string marker)
    {
        if (marker.Length == 0 || marker.Count(c => c == '"') % 2 != 0 || marker.Count(c => c == '\'') % 2 != 0
            || marker.Count(c => c == '(') != marker.Count(c => c == ')'))
        {
            return false;
        }

        return MarkerVariables.Any(v => marker.Contains(v, StringComparison.Ordinal));
    }

    // pip: a '#' starts a comment at the line start or after whitespace.
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }
}
