namespace Loki.Core.Requirements;

/// <summary>Where a requirement was declared: the node, its file and the 1-based line.</summary>
/// <param name="Node">The node's folder name.</param>
/// <param name="File">The requirements file path.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Text">The line as written, without its comment.</param>
public sealed record RequirementSource(string Node, string File, int Line, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"node '{Node}' ({System.IO.Path.GetFileName(File)} line {Line}: {Text})";
}
