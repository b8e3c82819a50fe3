"""The static evaluator behind `loki schemas extract` / `loki import-node` (src/Loki.Core/Resources/python)."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HELPERS = REPO / "src" / "Loki.Core" / "Resources" / "python"
sys.path.insert(0, str(HELPERS))

from lokiast import comfy_nodes, docstrings  # noqa: E402


def extract(tmp_path, source, **files):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "__init__.py").write_text(textwrap.dedent(source))
    for name, text in files.items():
        (pack / f"{name}.py").write_text(textwrap.dedent(text))
    return comfy_nodes.extract_pack(str(pack))


def inputs(result, node):
    return result["nodes"][node]["object_info"]["input"]


def test_comprehensions_fstrings_and_enums(tmp_path):
    result = extract(tmp_path, """
        from enum import Enum

        class Mode(Enum):
            FAST = 1
            SLOW = 2

        SIZES = [2 ** i for i in range(3, 6)]
        PREFIX = "px"

        class N:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"size": ([f"{PREFIX}{s}" for s in SIZES],),
                                     "mode": ([m.name for m in Mode], {"default": Mode.SLOW.name})}}
            RETURN_TYPES = ()
            FUNCTION = "f"

        NODE_CLASS_MAPPINGS = {"N": N}
        """)
    spec = inputs(result, "N")["required"]
    assert spec["size"] == [["px8", "px16", "px32"]]
    assert spec["mode"] == [["FAST", "SLOW"], {"default": "SLOW"}]


def test_unknown_conditions_spoil_what_they_touch_instead_of_guessing(tmp_path):
    result = extract(tmp_path, """
        import os
        OPTIONS = ["a"]
        if os.environ.get("X"):
            OPTIONS.append("b")

        class N:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"o": (OPTIONS,)}}
            RETURN_TYPES = ("INT",)
            FUNCTION = "f"

        NODE_CLASS_MAPPINGS = {"N": N}
        """)
    assert inputs(result, "N")["required"]["o"] == [{"__loki_unresolved__": "OPTIONS"}]


def test_recursion_and_loops_are_bounded(tmp_path):
    result = extract(tmp_path, """
        def forever(n):
            return forever(n + 1)

        class N:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"x": ("INT", {"default": forever(0)})}}
            RETURN_TYPES = ("INT",)
            FUNCTION = "f"

        NODE_CLASS_MAPPINGS = {"N": N}
        """)
    assert inputs(result, "N")["required"]["x"] == ["INT", {"default": {"__loki_unresolved__": "forever(0)"}}]


def test_super_and_schema_mutation_in_v3(tmp_path):
    result = extract(tmp_path, """
        from comfy_api.latest import ComfyExtension, io

        class Base(io.ComfyNode):
            @classmethod
            def define_schema(cls):
                return io.Schema(node_id="Base", inputs=[io.Int.Input("n", default=3)], outputs=[io.Int.Output()])

        class Child(Base):
            @classmethod
            def define_schema(cls):
                schema = super().define_schema()
                schema.node_id = "Child"
                schema.display_name = "Child node"
                return schema

        class Ext(ComfyExtension):
            async def get_node_list(self):
                return [Base, Child]

        async def comfy_entrypoint():
            return Ext()
        """)
    assert sorted(result["nodes"]) == ["Base", "Child"]
    child = result["nodes"]["Child"]["object_info"]
    assert child["display_name"] == "Child node"
    assert child["input"]["required"]["n"] == ["INT", {"default": 3}]


def test_cli_prints_json_and_fails_with_exit_2_on_bad_input(tmp_path):
    script = HELPERS / "loki_pyast.py"
    bad = tmp_path / "bad.py"
    bad.write_text("def f(:\n")
    run = subprocess.run([sys.executable, str(script), "signature", str(bad), "f"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "error" in json.loads(run.stdout)


@pytest.mark.parametrize("doc, expected", [
    ("Sum.\n\nArgs:\n    a (int): First.\n    b: Second\n        continued.\n", {"a": "First.", "b": "Second continued."}),
    ("Sum.\n\nParameters\n----------\na : int\n    First.\n", {"a": "First."}),
    ("Sum.\n\n:param a: First.\n:type a: int\n", {"a": "First."}),
])
def test_docstring_styles(doc, expected):
    parsed = docstrings.parse(doc)
    assert parsed["summary"] == "Sum."
    assert {k: v["description"] for k, v in parsed["params"].items()} == expected


def test_mappings_assembled_in_a_loop_are_read_from_each_module(tmp_path):
    result = extract(tmp_path, """
        import importlib, os
        NODE_CLASS_MAPPINGS = {}
        NODE_DISPLAY_NAME_MAPPINGS = {}
        for f in sorted(os.listdir(os.path.dirname(__file__))):
            if f.endswith(".py") and f != "__init__.py":
                m = importlib.import_module("." + f[:-3], __name__)
                NODE_CLASS_MAPPINGS.update(m.NODE_CLASS_MAPPINGS)
        """, first="""
        class A:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"x": ("INT",)}}
            RETURN_TYPES = ("INT",)
            FUNCTION = "f"
        NODE_CLASS_MAPPINGS = {"NodeA": A}
        NODE_DISPLAY_NAME_MAPPINGS = {"NodeA": "Node A"}
        """, second="""
        class B:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {}}
            RETURN_TYPES = ()
            FUNCTION = "f"
        NODE_CLASS_MAPPINGS = {"NodeB": B}
        """)
    assert sorted(result["nodes"]) == ["NodeA", "NodeB"]
    assert result["nodes"]["NodeA"]["object_info"]["display_name"] == "Node A"
    assert any("assembled at run time" in e["message"] for e in result["errors"])


def test_plain_functions_reached_through_a_class_are_not_bound(tmp_path):
    # comfyui_controlnet_aux declares inputs with `class INPUT(Enum): def IMAGE(): return ("IMAGE",)`.
    result = extract(tmp_path, """
        from .utils import INPUT

        class N:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"image": INPUT.IMAGE(), "size": INPUT.INT(default=64, max=1024)}}
            RETURN_TYPES = ("IMAGE",)
            FUNCTION = "f"

        NODE_CLASS_MAPPINGS = {"N": N}
        """, utils="""
        from enum import Enum

        class INPUT(Enum):
            def IMAGE():
                return ("IMAGE",)
            def INT(default=0, min=0, max=8192, step=1):
                return ("INT", dict(default=default, min=min, max=max, step=step))
        """)
    assert inputs(result, "N")["required"] == {"image": ["IMAGE"], "size": ["INT", {"default": 64, "min": 0, "max": 1024, "step": 1}]}
