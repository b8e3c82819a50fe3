namespace Loki.Core.Requirements;

/// <summary>A distribution pip would install, from its <c>--report</c>.</summary>
/// <param name="Name">The distribution name.</param>
/// <param name="Version">The version pip chose.</param>
/// <param name="Requested">True when a requirement line asked for it (false for a dependency of one).</param>
public sealed record ResolvedPackage(string Name, string Version, bool Requested);
