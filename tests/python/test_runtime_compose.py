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


def test_a_composite_as_a_flow_node_expands_into_the_nodes_its_run_calls():
    """photo_finish's ComfyUI node is a flow node of its composite script: it expands into the three nodes run()
    calls (captured as --backend runs it), and the expansion gives the script's own pixels."""
    from loki_runtime.executor import LokiExecutor
    from loki_runtime.flow_node import make_flow_node
    from loki_runtime.node_registry import Library, runtime_classes

    script = REPO / "nodes" / "photo_finish" / "photo_finish.py"
    node = make_flow_node(script, class_type="LokiPhotoFinish")
    assert node.INPUT_TYPES()["required"]["image"][1]["rawLink"] is True
    assert node.RETURN_NAMES == ("image",)
    expansion = node().execute(image=["1", 0], caption="Hi")
    inner = sorted(n["class_type"] for n in expansion["expand"].values())
    assert inner == ["LokiImageLevels", "LokiImageSharpen", "LokiInput", "LokiInput", "LokiTextOverlay"]

    classes = {**runtime_classes(), **Library([REPO]).classes}
    node.CLASS_TYPE = "LokiPhotoFinish"
    classes["LokiPhotoFinish"] = node
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": str(RAMP)}},
              "2": {"class_type": "LokiPhotoFinish", "inputs": {"image": ["1", 0], "caption": "Hi"}}}
    got = LokiExecutor(classes).run(prompt, ["2"]).value(["2", 0]).numpy()
    want = compose_check._entry(script, "photo_finish_direct")(image=str(RAMP), caption="Hi")["image"]
    assert np.array_equal(got, want)


def test_the_captured_graph_numbers_its_nodes_as_the_grown_flow_file_does():
    """The web extension shows a flow node's progress on the nodes of its flow file: the expansion's ids must be the
    file's ids (a loader before the image marker, the markers, then one node per call)."""
    import json

    from loki_runtime import compose_flow

    folder = REPO / "nodes" / "photo_finish"
    composite = compose_check._entry(folder / "photo_finish.py", "photo_finish_ids")
    graph = compose_flow.capture(composite, {"image": ["1", 0], "caption": "x"})
    captured = {i: n["class_type"] for i, n in graph.prompt().items() if n["class_type"] != "LokiInput"}
    flow = json.loads((folder / "photo_finish_workflow.json").read_text(encoding="utf-8"))
    in_file = {str(n["id"]): n["type"] for n in flow["nodes"] if n["type"].startswith("Loki") and n["type"] not in ("LokiInput", "LokiOutput")}
    assert captured == in_file == {"4": "LokiImageLevels", "5": "LokiImageSharpen", "6": "LokiTextOverlay"}


def test_every_composite_of_the_library_takes_a_backend():
    """A library script that calls other nodes is declared with @compose.entry, so it takes --backend."""
    composites = [p for p in sorted((REPO / "nodes").glob("*/*.py")) if "compose.node(" in p.read_text(encoding="utf-8")]
    assert len(composites) >= 7
    for path in composites:
        text = path.read_text(encoding="utf-8")
        assert "@compose.entry(__file__)" in text and "@script.entry" not in text, path.name


@pytest.mark.parametrize("node, args", [
    ("mask_cutout", ["--image", "examples/ramp.png", "--background", "examples/tiles.png", "--color", "#ff8000", "--grow", "4"]),
    ("text_title_slug", ["--text", "level.six.flows", "--find", ".", "--replace", " and "]),
])
def test_a_composite_from_the_command_line_on_the_loki_backend_equals_its_in_memory_run(tmp_path, node, args):
    """`--backend loki` runs the composite as the flow of its parts on the LOKI executor; the outputs (files and
    values) are the in-memory run's. Defaults the script leaves out of a call (text_replace's regex...) reach the flow."""
    import json
    import subprocess

    from PIL import Image

    folder = REPO / "nodes" / node
    runs = {}
    for name, extra in (("memory", []), ("loki", ["--backend", "loki"])):
        done = subprocess.run([sys.executable, str(folder / f"{node}.py"), *args, "--json", "--output", str(tmp_path / name), *extra],
                              cwd=folder, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        runs[name] = json.loads(done.stdout)
    assert runs["memory"].keys() == runs["loki"].keys()
    for key, value in runs["memory"].items():
        if isinstance(value, str) and value.endswith(".png"):
            assert Path(value).parent == tmp_path / "memory" and Path(runs["loki"][key]).parent == tmp_path / "loki"
            assert np.array_equal(np.asarray(Image.open(value)), np.asarray(Image.open(runs["loki"][key]))), key
        else:
            assert runs["loki"][key] == value, key
