namespace Loki.Core.Nodes;

/// <summary>
/// The layers of a LOKI node folder (<c>nodes/&lt;n&gt;/</c>), as LOKI's node specification names them. Each layer
/// is a file or folder named after the node; see <see cref="LayerCatalog"/> for the names and
/// <c>docs/node-folder.md</c> for the contract.
/// </summary>
public enum NodeLayer
{
    /// <summary><c>&lt;n&gt;.md</c>: the requirements ("mantle"), the source of truth written by a person.</summary>
    Requirements,

    /// <summary><c>STATUS.md</c>: state, limitations, TODOs, priority.</summary>
    Status,

    /// <summary><c>&lt;n&gt;_name.md</c>: official name, token, emoji icon, recipe, X2Y format, aliases, tags, metaphors.</summary>
    Name,

    /// <summary><c>&lt;n&gt;.json</c>: the interface and constants shared by every layer.</summary>
    Config,

    /// <summary><c>&lt;n&gt;.py</c>: the LOKI Script, the core logic with a command line.</summary>
    Script,

    /// <summary><c>__init__.py</c>: ComfyUI registration (<c>NODE_CLASS_MAPPINGS</c>, <c>NODE_DISPLAY_NAME_MAPPINGS</c>).</summary>
    Init,

    /// <summary><c>&lt;n&gt;_node.py</c>: the LOKI Node, a ComfyUI custom node class.</summary>
    Node,

    /// <summary><c>&lt;n&gt;_workflow.json</c>: the LOKI Flow, the same intent as a ComfyUI workflow.</summary>
    Flow,

    /// <summary><c>&lt;n&gt;_test.py</c> or <c>tests/</c>: tests of intent.</summary>
    Tests,

    /// <summary><c>&lt;n&gt;_test_workflow.json</c>: a workflow exercising the node with standard input/output nodes.</summary>
    TestWorkflow,

    /// <summary><c>requirements.txt</c>: the node's Python dependencies, merged into the pack's.</summary>
    PythonRequirements,

    /// <summary><c>src/</c>: extra resources and wrapped third-party code.</summary>
    Sources,

    /// <summary><c>glamour/</c>: icon, glamour states, card.</summary>
    Glamour,

    /// <summary><c>CONTEXT.md</c> or <c>context/</c>: the node's place among other nodes.</summary>
    Context,

    /// <summary><c>README.md</c> or <c>docs/</c>.</summary>
    Docs,

    /// <summary><c>&lt;n&gt;.js</c>: frontend code.</summary>
    JavaScript,

    /// <summary><c>localization/</c>.</summary>
    Localization,

    /// <summary><c>security/</c>: hashes, signatures.</summary>
    Security,

    /// <summary><c>output/</c>: the script's default output folder (a cache, never built from).</summary>
    Output,
}
