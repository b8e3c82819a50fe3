namespace Loki.Generators;

/// <summary>The MSBuild names the generator reads (declared visible in the Loki.Build package's props).</summary>
public static class LokiMSBuildProperties
{
    /// <summary><c>build_property.LokiGeneratedNamespace</c>: namespace of the generated API (default <c>Loki.Nodes</c>).</summary>
    public const string Namespace = "build_property.LokiGeneratedNamespace";

    /// <summary><c>build_property.LokiPython</c>: default Python interpreter baked into the generated runner.</summary>
    public const string Python = "build_property.LokiPython";

    /// <summary><c>build_metadata.AdditionalFiles.LokiKind</c>: <c>NodeConfig</c> marks a node's config layer.</summary>
    public const string Kind = "build_metadata.AdditionalFiles.LokiKind";
}
