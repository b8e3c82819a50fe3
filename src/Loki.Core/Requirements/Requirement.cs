using System.Collections.Immutable;

namespace Loki.Core.Requirements;

/// <summary>One parsed line of a node's <c>requirements.txt</c>.</summary>
/// <param name="Name">The distribution name as written (<c>Pillow</c>).</param>
/// <param name="Extras">Extras in brackets, as written.</param>
/// <param name="Specifiers">Version clauses, in order.</param>
/// <param name="Marker">The environment marker after <c>;</c>, trimmed; null when none.</param>
/// <param name="Source">Where it came from: the node and the file line.</param>
public sealed record Requirement(
    string Name,
    ImmutableArray<string> Extras,
    ImmutableArray<VersionSpecifier> Specifiers,
    string? Marker,
    RequirementSource Source)
{
    /// <summary>The PEP 503 normalised name (<c>pillow</c>, <c>opencv-python</c>).</summary>
    public string Key => NormalizeName(Name);

    /// <summary>True when any clause constrains the version.</summary>
    public bool IsPinned => !Specifiers.IsDefaultOrEmpty;

    /// <summary>The canonical line: normalised spacing, clauses in written order.</summary>
    public string ToLine()
    {
        var extras = Extras.IsDefaultOrEmpty ? string.Empty : "[" + string.Join(",", Extras) + "]";
        var spec = Specifiers.IsDefaultOrEmpty ? string.Empty : string.Join(",", Specifiers);
        var marker = Marker is null ? string.Empty : "; " + Marker;
        return Name + extras + spec + marker;
    }

    /// <summary>PEP 503 normalisation: lower case, runs of <c>-_.</c> become one <c>-</c>.</summary>
    public static string NormalizeName(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length);
        var dash = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                dash = true;
                continue;
            }

            if (dash && chars.Length > 0)
            {
                chars.Append('-');
            }

            dash = false;
            chars.Append(char.ToLowerInvariant(c));
        }

        return chars.ToString();
    }
}
