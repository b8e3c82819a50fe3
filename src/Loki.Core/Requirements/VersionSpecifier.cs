namespace Loki.Core.Requirements;

/// <summary>One clause of a version specifier: <c>&gt;=1.24</c>, <c>==2.*</c>, <c>~=1.4.2</c>.</summary>
/// <param name="Operator">One of <c>==</c> <c>!=</c> <c>&gt;=</c> <c>&lt;=</c> <c>&gt;</c> <c>&lt;</c> <c>~=</c> <c>===</c>.</param>
/// <param name="Version">The version text, possibly ending in <c>.*</c> for <c>==</c>/<c>!=</c>.</param>
public sealed record VersionSpecifier(string Operator, string Version)
{
    /// <summary>True for <c>==X.*</c> and <c>!=X.*</c>.</summary>
    public bool IsWildcard => Version.EndsWith(".*", StringComparison.Ordinal);

    /// <summary>The version without a trailing <c>.*</c>, parsed; null when not PEP 440.</summary>
    public PackageVersion? Parsed => PackageVersion.TryParse(IsWildcard ? Version[..^2] : Version);

    /// <summary>True when this clause allows <paramref name="version"/>.</summary>
    public bool Allows(PackageVersion version)
    {
        var v = Parsed;
        if (v is null)
        {
            return true;
        }

        if (IsWildcard)
        {
            var prefix = version.Release.Length >= v.Release.Length && version.Release.Take(v.Release.Length).SequenceEqual(v.Release);
            return Operator == "==" ? prefix : !prefix;
        }

        var c = version.CompareTo(v);
        return Operator switch
        {
            "==" or "===" => c == 0,
            "!=" => c != 0,
            ">=" => c >= 0,
            "<=" => c <= 0,
            ">" => c > 0,
            "<" => c < 0,
            "~=" => c >= 0 && CompatibleUpper(v) is { } upper && version.CompareTo(upper) < 0,
            _ => true,
        };
    }

    /// <summary>The exclusive upper bound of <c>~=</c>: <c>~=1.4.2</c> → <c>1.5</c>.</summary>
    internal static PackageVersion? CompatibleUpper(PackageVersion v)
    {
        if (v.Release.Length < 2)
        {
            return null;
        }

        var head = v.Release.Take(v.Release.Length - 1).ToArray();
        head[^1]++;
        return PackageVersion.TryParse(string.Join('.', head) + ".dev0");
    }

    /// <inheritdoc />
    public override string ToString() => Operator + Version;
}
