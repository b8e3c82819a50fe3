namespace Loki.Core.Library;

/// <summary>What a library build does to each node.</summary>
public enum LibraryBuildMode
{
    /// <summary>Derive missing layers and refresh generated ones (the default).</summary>
    Regenerate,

    /// <summary>Write nothing; report every generated layer that is missing or out of date as an error (CI check).</summary>
    Verify,
}
