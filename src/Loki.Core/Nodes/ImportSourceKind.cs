namespace Loki.Core.Nodes;

/// <summary>The kinds of source <c>loki import</c> accepts.</summary>
public enum ImportSourceKind
{
    /// <summary>No source: the node starts from the templates of <see cref="NodeScaffold"/>.</summary>
    Nothing,

    /// <summary>A Python function, <c>module.py:function</c>: wrapped as a LOKI Script.</summary>
    PythonFunction,

    /// <summary>A ComfyUI node, <c>PACK_DIR:NodeClass</c>: read statically and wrapped.</summary>
    ComfyNode,

    /// <summary>A saved workflow (UI or API JSON, or a PNG/WebP holding one): becomes the LOKI Flow.</summary>
    Workflow,
}
