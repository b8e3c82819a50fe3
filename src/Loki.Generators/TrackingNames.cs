namespace Loki.Generators;

/// <summary>Names of the pipeline steps, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    /// <summary>The MSBuild options.</summary>
    public const string Options = nameof(Options);

    /// <summary>Config files projected to (path, text).</summary>
    public const string ConfigFiles = nameof(ConfigFiles);

    /// <summary>Parse results.</summary>
    public const string Parsed = nameof(Parsed);

    /// <summary>Models with their options, ready to emit.</summary>
    public const string Models = nameof(Models);

    /// <summary>Whether the compilation references CliWrap.</summary>
    public const string HasCliWrap = nameof(HasCliWrap);
}
