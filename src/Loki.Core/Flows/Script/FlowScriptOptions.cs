namespace Loki.Core.Flows.Script;

/// <summary>How to write a flow script.</summary>
/// <param name="Name">The flow's name (<c>upscale_and_blur</c>), a Python identifier.</param>
/// <param name="SourceFile">The flow file's name, for the docstring.</param>
/// <param name="Backend">The default backend: <c>loki</c>, <c>comfyui</c> or <c>server</c>; null picks <c>loki</c> when every node allows it.</param>
/// <param name="Description">One sentence for the docstring, or null.</param>
public sealed record FlowScriptOptions(string Name, string SourceFile, string? Backend = null, string? Description = null);
