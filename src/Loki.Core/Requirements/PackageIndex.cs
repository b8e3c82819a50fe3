namespace Loki.Core.Requirements;

/// <summary>Where pip looks for packages: an index URL (PEP 503 simple API) or a local folder of wheels.</summary>
/// <param name="IndexUrl">A <c>--index-url</c>; null when <paramref name="FindLinks"/> is used alone.</param>
/// <param name="FindLinks">A <c>--find-links</c> folder or URL; with no index URL pip runs <c>--no-index</c>.</param>
public sealed record PackageIndex(string? IndexUrl = null, string? FindLinks = null)
{
    /// <summary>The pip arguments selecting this index.</summary>
    public IEnumerable<string> PipArguments()
    {
        if (IndexUrl is not null)
        {
            yield return "--index-url";
            yield return IndexUrl;
        }
        else
        {
            yield return "--no-index";
        }

        if (FindLinks is not null)
        {
            yield return "--find-links";
            yield return FindLinks;
        }
    }

    /// <inheritdoc />
    public override string ToString() => IndexUrl ?? FindLinks ?? "(no index)";
}
