using Loki.Core.Packaging;
using Loki.Core.Packaging.Flows;
using Loki.Core.Tests.Requirements;
using Loki.Tests;

namespace Loki.Core.Tests.Packaging;

/// <summary>
/// A small library in a temp folder, shaped like the real one and packed with the real runtime: a LOKI Script node
/// (widgets, with a flow), a wrapped-function node (an IMAGE input and an example PNG), a node whose import fails,
/// and a node without <c>__init__.py</c>.
/// </summary>
internal sealed class SamplePack : IDisposable
{
    private const string Preamble = """
        from __future__ import annotations

        import sys
        from pathlib import Path

        if __package__ in (None, ""):
            sys.path[:0] = [str(p) for p in (Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[2] / "src" / "python")]
        from loki_runtime import script

        """;

    private const string NodeModule = """
        from loki_runtime import comfy_adapter
        from . import {0} as _script

        NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS = comfy_adapter.node_mappings(_script.run)
        """;

    private readonly SampleLibrary _lib = new();

    public SamplePack()
    {
        var doubler = _lib.Node("value_doubler", Preamble + """
            @script.entry(__file__)
            def run(value=1):
                return {"value": value * 2}


            if __name__ == "__main__":
                raise SystemExit(run.main())
            """);
        File.WriteAllText(Path.Combine(doubler, "value_doubler.json"), """
            {"node_name": "value_doubler", "description": "Doubles a number | twice.", "category": "math",
             "inputs": {"value": {"type": "INT", "default": 1}}, "outputs": {"value": {"type": "INT"}},
             "examples": [{"name": "basic", "inputs": {"value": 21}, "expect": {"value": 42}}]}
            """);
        Init(doubler, "value_doubler");
        File.WriteAllText(Path.Combine(doubler, "value_doubler.md"), "# Value Doubler\n\nDESCRIPTION: Doubles a number.\n");
        File.WriteAllText(Path.Combine(doubler, "value_doubler_workflow.json"), Flow);
        File.WriteAllText(Path.Combine(doubler, "value_doubler_test.py"), "import pytest\n");
        Directory.CreateDirectory(Path.Combine(doubler, "output"));
        File.WriteAllText(Path.Combine(doubler, "output", "value.txt"), "42");
        Directory.CreateDirectory(Path.Combine(doubler, "__pycache__"));
        File.WriteAllBytes(Path.Combine(doubler, "__pycache__", "x.cpython-311.pyc"), [1, 2, 3]);

        var invert = _lib.Node("image_invert", Preamble + """
            @script.entry(__file__)
            def run(image):
                import numpy as np

                return {"image": np.clip(1.0 - image, 0.0, 1.0)}
            """, "numpy>=1.20\n");
        File.WriteAllText(Path.Combine(invert, "image_invert.json"), """
            {"node_name": "image_invert", "description": "Inverts an image.", "category": "image",
             "loki": {"generated": true, "source": "src/invert.py", "source_sha256": "0"},
             "inputs": {"image": {"type": "IMAGE"}}, "outputs": {"image": {"type": "IMAGE"}},
             "examples": [{"name": "basic", "inputs": {"image": "examples/in.png"}, "expect": {"image": {"shape": [1, 4, 6, 3]}}}]}
            """);
        Init(invert, "image_invert");
        Directory.CreateDirectory(Path.Combine(invert, "examples"));
        File.WriteAllBytes(Path.Combine(invert, "examples", "in.png"), Loki.Core.Rendering.PngImage.EncodeRgb(6, 4, [.. Enumerable.Range(0, 6 * 4 * 3).Select(i => (byte)(i * 3))]));

        var broken = _lib.Node("broken_node", "import json\n");
        File.WriteAllText(Path.Combine(broken, "__init__.py"), "raise ImportError('this node is broken on purpose')\n");
        _lib.Node("half_done", "import json\n");
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

    /// <summary>The repository's real runtime, shipped into the pack.</summary>
    public string Runtime { get; } = RepoPaths.InRepo("src", "python", "loki_runtime");

    public PackOptions Options(PackMetadata? metadata = null) => new(Library, Runtime, metadata ?? new PackMetadata());

    public void Dispose() => _lib.Dispose();

    private static void Init(string folder, string name)
    {
        File.WriteAllText(Path.Combine(folder, name + "_node.py"), string.Format(System.Globalization.CultureInfo.InvariantCulture, NodeModule, name));
        File.WriteAllText(Path.Combine(folder, "__init__.py"), $"from .{name}_node import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS\n__all__ = [\"NODE_CLASS_MAPPINGS\", \"NODE_DISPLAY_NAME_MAPPINGS\"]\n");
    }
}
