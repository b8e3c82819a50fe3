namespace Loki.Core.Workflows.Batch;

/// <summary>One file a batch reads, and where its result goes relative to the output folder.</summary>
/// <param name="Path">The file, as found (a given path, or the folder or glob base joined with the match).</param>
/// <param name="Relative">The file's path below what named it (its folder or glob base; a file named directly: its name), with '/'.</param>
public sealed record WorkflowInput(string Path, string Relative);
