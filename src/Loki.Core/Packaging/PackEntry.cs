namespace Loki.Core.Packaging;

/// <summary>One file of the pack: its path inside the pack (forward slashes) and its bytes.</summary>
/// <param name="Path">Relative path with <c>/</c> separators, e.g. <c>nodes/image_blur/image_blur.py</c>.</param>
/// <param name="Content">The exact bytes.</param>
public sealed record PackEntry(string Path, byte[] Content);
