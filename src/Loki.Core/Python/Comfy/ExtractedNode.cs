using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Python.Comfy;

/// <summary>One ComfyUI node read statically from a pack.</summary>
/// <param name="ClassType">The key it is registered under (<c>ImageBlur</c>).</param>
/// <param name="ClassName">The Python class (<c>Blur</c>).</param>
/// <param name="File">The file defining the class, relative to the pack folder.</param>
/// <param name="Line">The class's line.</param>
/// <param name="Api"><c>v1</c> or <c>v3</c>.</param>
/// <param name="Function">The method ComfyUI calls (<c>FUNCTION</c>; <c>execute</c> for V3), null when unresolved.</param>
/// <param name="InputIsList">The node's <c>INPUT_IS_LIST</c>.</param>
/// <param name="ObjectInfo">The <c>/object_info</c> entry, with <see cref="UnresolvedValue"/> markers where only running code could tell.</param>
public sealed record ExtractedNode(
    string ClassType,
    string ClassName,
    string File,
    int Line,
    string Api,
    string? Function,
    bool InputIsList,
    JsonObject ObjectInfo);

/// <summary>Everything read from one pack.</summary>
/// <param name="Directory">The pack folder (or ComfyUI's root for core nodes).</param>
/// <param name="Nodes">The nodes, sorted by class type.</param>
/// <param name="Diagnostics">What could not be read (warnings with files and lines).</param>
public sealed record ExtractedPack(string Directory, ImmutableArray<ExtractedNode> Nodes, ImmutableArray<LokiDiagnostic> Diagnostics)
{
    /// <summary>The node registered as <paramref name="classType"/>, or null.</summary>
    public ExtractedNode? Find(string classType) => Nodes.FirstOrDefault(n => n.ClassType == classType);
}
