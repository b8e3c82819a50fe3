using System.Collections.Immutable;

namespace Loki.Core.Requirements;

/// <summary>
/// Decides whether several version specifiers can hold at once, by intersecting the intervals they allow.
/// Conservative: when a clause cannot be reasoned about (<c>!=X.*</c>, non-PEP 440 text) it is taken as allowing
/// everything, so "unsatisfiable" is only reported when it is certain. pip's resolution is the final word.
/// </summary>
public static class SpecifierSet
{
    private readonly record struct Bound(PackageVersion? Version, bool Inclusive);

    /// <summary>True when some version satisfies every clause of <paramref name="specifiers"/>.</summary>
    public static bool IsSatisfiable(IEnumerable<VersionSpecifier> specifiers)
    {
        var list = specifiers.ToImmutableArray();
        var low = new Bound(null, true);
        var high = new Bound(null, true);
        var excluded = new List<PackageVersion>();
        foreach (var s in list)
        {
            var v = s.Parsed;
            if (v is null)
            {
                continue;
            }

            switch (s.Operator)
            {
                case "==" or "===" when s.IsWildcard:
                    low = Max(low, new Bound(PackageVersion.TryParse(v.Text + ".dev0"), true));
                    high = Min(high, new Bound(Bump(v), false));
                    break;
                case "==" or "===":
                    low = Max(low, new Bound(v, true));
                    high = Min(high, new Bound(v, true));
                    break;
                case "!=" when !s.IsWildcard:
                    excluded.Add(v);
                    break;
                case ">=":
                    low = Max(low, new Bound(v, true));
                    break;
                case ">":
                    low = Max(low, new Bound(v, false));
                    break;
                case "<=":
                    high = Min(high, new Bound(v, true));
                    break;
                case "<":
                    high = Min(high, new Bound(v, false));
                    break;
                case "~=":
                    low = Max(low, new Bound(v, true));
                    if (VersionSpecifier.CompatibleUpper(v) is { } upper)
                    {
                        high = Min(high, new Bound(upper, false));
                    }

                    break;
            }
        }

        if (low.Version is null || high.Version is null)
        {
            return true;
        }

        var c = low.Version.CompareTo(high.Version);
        if (c > 0 || (c == 0 && !(low.Inclusive && high.Inclusive)))
        {
            return false;
        }

        // A single remaining point that a != clause removes leaves nothing.
        return c != 0 || !excluded.Any(e => e.SameAs(low.Version));
    }

    private static PackageVersion? Bump(PackageVersion v)
    {
        var parts = v.Release.ToArray();
        parts[^1]++;
        return PackageVersion.TryParse(string.Join('.', parts) + ".dev0");
    }

    private static Bound Max(Bound a, Bound b)
    {
        if (a.Version is null)
        {
            return b;
        }

        if (b.Version is null)
        {
            return a;
        }

        var c = a.Version.CompareTo(b.Version);
        return c > 0 ? a : c < 0 ? b : new Bound(a.Version, a.Inclusive && b.Inclusive);
    }

    private static Bound Min(Bound a, Bound b)
    {
        if (a.Version is null)
        {
            return b;
        }

        if (b.Version is null)
        {
            return a;
        }

        var c = a.Version.CompareTo(b.Version);
        return c < 0 ? a : c > 0 ? b : new Bound(a.Version, a.Inclusive && b.Inclusive);
    }
}
