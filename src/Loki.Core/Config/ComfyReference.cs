namespace Loki.Core.Config;

/// <summary>A ComfyUI node that a LOKI node wraps by reference (it needs ComfyUI to run).</summary>
/// <param name="ClassType">The node's class type as registered in <c>NODE_CLASS_MAPPINGS</c> (e.g. <c>ImageBlur</c>).</param>
/// <param name="Pack">The pack it comes from: <c>comfyui</c> for core nodes, else the pack's folder or repository name.</param>
public sealed record ComfyReference(string ClassType, string Pack = "comfyui");
