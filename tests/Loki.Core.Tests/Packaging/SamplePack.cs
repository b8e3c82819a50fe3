using Loki.Core.Packaging;
using Loki.Core.Tests.Requirements;

namespace Loki.Core.Tests.Packaging;

/// <summary>
/// A small library and runtime in a temp folder, shaped like the real ones: a working node with a flow, a node whose
/// import fails, a node without <c>__init__.py</c>, and a runtime module that exports marker nodes.
/// </summary>
internal sealed class SamplePack : IDisposable
{
    private readonly SampleLibrary _lib = new();

    public SamplePack()
    {
        var doubler = _lib.Node("value_doubler", "import numpy\n\n\ndef run(value=1):\n    return {\"value\": value * 2}\n", "numpy>=1.20\n");
        File.WriteAllText(Path.Combine(doubler, "value_doubler.json"), """
            {"node_name": "value_doubler", "description": "Doubles a number | twice.", "category": "math",
             "inputs": {"value": {"type": "INT", "default": 1}}, "outputs": {"value": {"type": "INT"}},
             "examples": [{"name": "basic", "inputs": {"value": 21}, "expect": {"value": 42}}]}
            """);
        File.WriteAllText(Path.Combine(doubler, "value_doubler_node.py"), """
            from loki_runtime import markers  # proves loki_runtime resolves whatever the pack folder is called
            from . import value_doubler as _script


            class ValueDoubler:
                CATEGORY = "LOKI 🦊/math"
                FUNCTION = "execute"
                RETURN_TYPES = ("INT",)
                RETURN_NAMES = ("value",)

                @classmethod
                def INPUT_TYPES(cls):
                    return {"required": {"value": ("INT", {"default": 1})}}

                def execute(self, value):
                    return (_script.run(value)["value"],)


            NODE_CLASS_MAPPINGS = {"LokiValueDoubler": ValueDoubler}
            NODE_DISPLAY_NAME_MAPPINGS = {"LokiValueDoubler": "✖️ Value Doubler (LOKI)"}
            """);
        File.WriteAllText(Path.Combine(doubler, "__init__.py"), "from .value_doubler_node import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS\n__all__ = [\"NODE_CLASS_MAPPINGS\", \"NODE_DISPLAY_NAME_MAPPINGS\"]\n");
        File.WriteAllText(Path.Combine(doubler, "value_doubler.md"), "# Value Doubler\n\nDESCRIPTION: Doubles a number.\n");
        File.WriteAllText(Path.Combine(doubler, "value_doubler_workflow.json"), Flow);
        File.WriteAllText(Path.Combine(doubler, "value_doubler_test.py"), "import pytest\n");
        Directory.CreateDirectory(Path.Combine(doubler, "output"));
        File.WriteAllText(Path.Combine(doubler, "output", "value.txt"), "42");
        Directory.CreateDirectory(Path.Combine(doubler, "__pycache__"));
        File.WriteAllBytes(Path.Combine(doubler, "__pycache__", "x.cpython-311.pyc"), [1, 2, 3]);

        var broken = _lib.Node("broken_node", "import json\n");
        File.WriteAllText(Path.Combine(broken, "__init__.py"), "raise ImportError('this node is broken on purpose')\n");
        _lib.Node("half_done", "import json\n");

        Runtime = Path.Combine(_lib.Root, "src", "python", "loki_runtime");
        Directory.CreateDirectory(Runtime);
        File.WriteAllText(Path.Combine(Runtime, "__init__.py"), "__version__ = \"0.0.1\"\n");
        File.WriteAllText(Path.Combine(Runtime, "markers.py"), """
            class LokiInput:
                CATEGORY = "LOKI 🦊/flow"
                FUNCTION = "execute"
                RETURN_TYPES = ("*",)

                @classmethod
                def INPUT_TYPES(cls):
                    return {"required": {"name": ("STRING", {"default": "input"})}}

                def execute(self, name):
                    return (name,)


            NODE_CLASS_MAPPINGS = {"LokiInput": LokiInput}
            NODE_DISPLAY_NAME_MAPPINGS = {"LokiInput": "📥 LOKI Input"}
            """);
    }

    /// <summary>A UI workflow (schema 0.4): LokiInput → LokiValueDoubler → LokiOutput.</summary>
    public const string Flow = """
        {"last_node_id": 3, "last_link_id": 2,
         "nodes": [
          {"id": 1, "type": "LokiInput", "pos": [0, 0], "size": [200, 80], "outputs": [{"name": "value", "type": "INT", "links": [1]}], "widgets_values": ["amount", "INT", 1]},
          {"id": 2, "type": "LokiValueDoubler", "pos": [300, 0], "size": [220, 60], "inputs": [{"name": "value", "type": "INT", "link": 1}], "outputs": [{"name": "value", "type": "INT", "links": [2]}], "color": "#223322", "bgcolor": "#335533"},
          {"id": 3, "type": "LokiOutput", "pos": [600, 0], "size": [200, 60], "inputs": [{"name": "value", "type": "*", "link": 2}], "widgets_values": ["doubled"]}],
         "links": [[1, 1, 0, 2, 0, "INT"], [2, 2, 0, 3, 0, "INT"]],
         "groups": [], "config": {}, "extra": {"ds": {"scale": 1, "offset": [0, 0]}}, "version": 0.4}
        """;

    public string Root => _lib.Root;

    public string Library => _lib.Library;

    public string Runtime { get; }

    public PackOptions Options(PackMetadata? metadata = null) => new(Library, Runtime, metadata ?? new PackMetadata());

    public void Dispose() => _lib.Dispose();
}
