using Loki.Core.Diagnostics;

namespace Loki.Core.Nodes;

/// <summary>
/// The importers for sources that need a converter from another area (a Python function, a ComfyUI node). Each
/// writes the node's first layers into the folder and returns the files it wrote.
/// </summary>
public static class NodeImporters
{
    /// <summary>The importer for <paramref name="kind"/>, or null when this build has none.</summary>
    public static Func<ImportSource, string, DiagnosticBag, IReadOnlyList<string>>? For(ImportSourceKind kind) => kind switch
    {
        _ => null,
    };
}
