"""Composite LOKI Scripts (issue 13): the runtime's `compose` (calling library nodes in memory), the static reading
of a composite's run() (`lokiast/composite.py`) and the equivalence comparison (`compose_check.compare`)."""
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src" / "Loki.Core" / "Resources" / "python"))

from lokiast import composite  # noqa: E402
from loki_runtime import compose, compose_check  # noqa: E402

RAMP = REPO / "nodes" / "image_levels" / "examples" / "ramp.png"


def test_a_bound_node_runs_the_sibling_script_in_memory():
    levels = compose.node("image_levels", REPO / "nodes" / "image_finish" / "image_finish.py")
    assert levels.folder() == REPO / "nodes" / "image_levels"
    out = levels(image=str(RAMP), gamma=2.0)["image"]
    direct = levels.script(image=str(RAMP), gamma=2.0)["image"]
    assert out.dtype == np.float32 and np.array_equal(out, direct)


def test_a_missing_node_is_coded(tmp_path):
    missing = compose.node("no_such_node", REPO / "nodes" / "image_finish" / "image_finish.py")
    with pytest.raises(compose.NodeNotFound) as raised:
        missing(image=str(RAMP))
    assert raised.value.code == "LOKI6110" and "no_such_node" in str(raised.value)


def read(tmp_path, body, header="levels = compose.node(\"image_levels\", __file__)\nblur = compose.node(\"image_blur\", __file__)\n"):
    path = tmp_path / "c.py"
    path.write_text("from loki_runtime import compose, script\n" + header + "\n@script.entry(__file__)\n" + textwrap.dedent(body))
    return composite.read(str(path))


def test_nested_calls_come_first_and_values_are_named(tmp_path):
    result = read(tmp_path, """\
        def run(image, radius=2.0):
            soft = blur(image=levels(image=image, gamma=1.5)["image"], radius=radius)
            return {"image": soft["image"]}
        """)
    assert [c["node"] for c in result["calls"]] == ["image_levels", "image_blur"]
    assert result["calls"][1]["name"] == "soft" and "name" not in result["calls"][0]
    assert result["calls"][1]["arguments"]["image"] == {"kind": "output", "call": 0, "output": "image"}
    assert result["calls"][1]["arguments"]["radius"] == {"kind": "parameter", "name": "radius"}
    assert result["outputs"] == {"image": {"kind": "output", "call": 1, "output": "image"}}


def test_returning_a_whole_call_and_negative_constants(tmp_path):
    result = read(tmp_path, """\
        def run(image):
            return levels(image=image, black_point=-0.0, gamma=+1.5)
        """)
    assert result["outputs"] == {"*": {"kind": "result", "call": 0}}
    assert result["calls"][0]["arguments"]["gamma"] == {"kind": "constant", "value": 1.5}


def test_a_script_without_bindings_is_not_composite(tmp_path):
    assert read(tmp_path, "def run(image):\n    return {'image': image}\n", header="") == {"composite": False}


@pytest.mark.parametrize("header, body, code", [
    ("levels = compose.node(NAME, __file__)\n", "def run(image):\n    return levels(image=image)\n", "LOKI6106"),
    (None, "def run(image):\n    x = levels(image=image)['image']\n    return {'image': x + 1}\n", "LOKI6101"),
    (None, "def run(image):\n    while True:\n        pass\n", "LOKI6101"),
    (None, "def run(image):\n    return {'image': levels(**{'image': image})['image']}\n", "LOKI6102"),
    (None, "def run(image, **more):\n    return levels(image=image)\n", "LOKI6105"),
])
def test_refusals_carry_code_and_line(tmp_path, header, body, code):
    result = read(tmp_path, body, **({"header": header} if header else {}))
    assert result["composite"] is True and result["refused"]["code"] == code and result["refused"]["line"] >= 2


def test_the_comparison_names_the_first_difference():
    a = np.zeros((1, 2, 2, 3), np.float32)
    assert compose_check.compare({"image": a, "n": 3}, {"image": a.copy(), "n": 3}) is None
    b = a.copy()
    b[0, 1, 1, 2] = 1e-7  # exact: even the smallest change counts
    assert compose_check.compare({"image": a}, {"image": b}) == "image: 1 values differ, by up to 1e-07"
    assert "shape" in compose_check.compare({"image": a}, {"image": a[:, :1]})
    assert compose_check.compare({"n": 3}, {"n": 4}) == "n: 3 vs 4"
    assert "outputs differ" in compose_check.compare({"n": 3}, {"m": 3})
