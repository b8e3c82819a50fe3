namespace Loki.Core.Python.Conversion;

/// <summary>One file a conversion produces, relative to the node folder.</summary>
/// <param name="RelativePath">E.g. <c>blur.py</c>, <c>src/blur.py</c>.</param>
/// <param name="Content">The body (no LOKI header: <see cref="Text"/> adds it), or a copy's exact text.</param>
/// <param name="Kind">Whether it carries a LOKI header (and which form), or is a copy of wrapped code.</param>
/// <param name="Source">The source layer, relative to the node folder (the header's <c>source</c>).</param>
/// <param name="SourceSha256">The SHA-256 of that source.</param>
public sealed record GeneratedFile(string RelativePath, string Content, GeneratedFileKind Kind, string Source = "", string SourceSha256 = "")
{
    /// <summary>The file's full text: the body with its LOKI header (contracts §6), or the copy as is.</summary>
    public string Text => Kind switch
    {
        GeneratedFileKind.CommentHeader => Regeneration.GeneratedHeader.WrapPython(Content, Source, SourceSha256),
        GeneratedFileKind.JsonHeader => Regeneration.GeneratedHeader.WrapJson(
            (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(Content)!, underExtra: false, Source, SourceSha256),
        _ => Content,
    };
}

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
