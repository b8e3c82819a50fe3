namespace Loki.Core.Python.Conversion;

/// <summary>One file a conversion produces, relative to the node folder.</summary>
/// <param name="RelativePath">E.g. <c>blur.py</c>, <c>src/blur.py</c>.</param>
/// <param name="Content">The full text.</param>
/// <param name="Kind">Whether it carries a LOKI header (and which form), or is a copy of wrapped code.</param>
/// <param name="SourceSha256">The SHA-256 of the source the file was generated from (for the edited-file check).</param>
public sealed record GeneratedFile(string RelativePath, string Content, GeneratedFileKind Kind, string SourceSha256 = "");

/// <summary>How a <see cref="GeneratedFile"/> is recognised as LOKI's.</summary>
public enum GeneratedFileKind
{
    /// <summary>First line is the Python/comment header (<c>.py</c>, <c>requirements.txt</c>).</summary>
    CommentHeader,

    /// <summary>A JSON config with a top-level <c>"loki"</c> block.</summary>
    JsonHeader,

    /// <summary>A verbatim copy of wrapped code (under <c>src/</c>): written when absent, never replaced when different.</summary>
    Copy,
}
