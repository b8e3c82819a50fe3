using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Loki.Core.Requirements;

/// <summary>
/// A PEP 440 version, compared the way pip compares: release numbers (trailing zeros ignored), then
/// dev &lt; pre (a &lt; b &lt; rc) &lt; final &lt; post. Local labels (<c>+cu121</c>) are kept but not compared.
/// </summary>
public sealed partial record PackageVersion : IComparable<PackageVersion>
{
    private PackageVersion(ImmutableArray<int> release, int preKind, int preNumber, int post, int dev, string text)
    {
        Release = release;
        PreKind = preKind;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        Text = text;
    }

    /// <summary>The release numbers (<c>1.26.4</c> → 1, 26, 4).</summary>
    public ImmutableArray<int> Release { get; }

    /// <summary>0 for none, 1 alpha, 2 beta, 3 release candidate.</summary>
    public int PreKind { get; }

    /// <summary>The pre-release number.</summary>
    public int PreNumber { get; }

    /// <summary>The post-release number, or -1.</summary>
    public int Post { get; }

    /// <summary>The dev-release number, or -1.</summary>
    public int Dev { get; }

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>True for alpha, beta, rc or dev versions.</summary>
    public bool IsPreRelease => PreKind > 0 || Dev >= 0;

    [GeneratedRegex(@"^v?(?:\d+!)?(?<rel>\d+(?:\.\d+)*)(?:[-_.]?(?<pre>a|alpha|b|beta|c|rc|pre|preview)[-_.]?(?<pren>\d*))?(?:(?:-(?<post1>\d+))|(?:[-_.]?(?:post|rev|r)[-_.]?(?<post2>\d*)))?(?:[-_.]?dev[-_.]?(?<dev>\d*))?(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses a version; returns null when it is not PEP 440.</summary>
    public static PackageVersion? TryParse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var release = m.Groups["rel"].Value.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToImmutableArray();
        var preKind = m.Groups["pre"].Success
            ? m.Groups["pre"].Value.ToLowerInvariant() switch { "a" or "alpha" => 1, "b" or "beta" => 2, _ => 3 }
            : 0;
        var preNumber = ParseOr(m.Groups["pren"], 0);
        var post = m.Groups["post1"].Success ? ParseOr(m.Groups["post1"], 0) : m.Groups["post2"].Success ? ParseOr(m.Groups["post2"], 0) : -1;
        var dev = m.Groups["dev"].Success ? ParseOr(m.Groups["dev"], 0) : -1;
        return new PackageVersion(release, preKind, preNumber, post, dev, text.Trim());
    }

    private static int ParseOr(Group g, int fallback) =>
        g.Success && g.Value.Length > 0 ? int.Parse(g.Value, CultureInfo.InvariantCulture) : fallback;

    /// <inheritdoc />
    public int CompareTo(PackageVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var n = Math.Max(Release.Length, other.Release.Length);
        for (var i = 0; i < n; i++)
        {
            var a = i < Release.Length ? Release[i] : 0;
            var b = i < other.Release.Length ? other.Release[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        var c = PhaseKey().CompareTo(other.PhaseKey());
        if (c != 0)
        {
            return c;
        }

        c = Post.CompareTo(other.Post);
        if (c != 0)
        {
            return c;
        }

        // A dev release sorts before the same version without one; -1 means "none", so invert.
        return (Dev < 0 ? int.MaxValue : Dev).CompareTo(other.Dev < 0 ? int.MaxValue : other.Dev);
    }

    // A bare dev release (1.0.dev1) precedes 1.0a1; pre-releases precede the final release.
    private (int, int) PhaseKey() => PreKind > 0 ? (PreKind, PreNumber) : Dev >= 0 && Post < 0 ? (0, 0) : (4, 0);

    /// <summary>Equal as versions (<c>1.0</c> equals <c>1.0.0</c>).</summary>
    public bool SameAs(PackageVersion other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override string ToString() => Text;
}
