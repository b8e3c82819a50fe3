namespace Loki.Core.Packaging;

/// <summary>What <see cref="PackBuilder"/> builds the pack from.</summary>
/// <param name="Library">The node library folder (<c>nodes/</c>).</param>
/// <param name="Runtime">The <c>loki_runtime</c> package folder to ship.</param>
/// <param name="Metadata">The pack identity.</param>
/// <param name="MetadataFile">Where <paramref name="Metadata"/> came from, for diagnostics (null for defaults).</param>
public sealed record PackOptions(string Library, string Runtime, PackMetadata Metadata, string? MetadataFile = null)
{
    /// <summary>An optional folder of frontend code copied to <c>web/</c>.</summary>
    public string? WebDirectory { get; init; }

    /// <summary>An optional <c>locales/</c> folder copied as is.</summary>
    public string? LocalesDirectory { get; init; }

    /// <summary>Check the nodes' imports against their requirements (runs the Python import scanner).</summary>
    public bool CheckImports { get; init; } = true;

    /// <summary>
    /// The runtime modules the pack imports and whose <c>NODE_CLASS_MAPPINGS</c> it registers (the flow markers; the
    /// web extension's route, which has none). Other runtime
    /// modules with mappings, such as the executor's stand-ins for core nodes, must never reach ComfyUI.
    /// </summary>
    public IReadOnlyList<string> RuntimeNodeModules { get; init; } = ["markers", "web_routes"];

    /// <summary>The Python interpreter for the import scan.</summary>
    public string? Python { get; init; }
}
