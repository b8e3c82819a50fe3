"""A flow of real LOKI nodes: as a script subprocess (--backend loki) and as a flow node (expanded), same pixels."""
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from loki_runtime import flow_errors as codes
from loki_runtime.executor import LokiExecutor
from loki_runtime.flow_errors import FlowError
from loki_runtime.flow_node import make_flow_node
from loki_runtime.node_registry import Library, runtime_classes

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

FLOW_SCRIPT = '''
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:0] = [{runtime!r}]
from loki_runtime import flow

FLOW = flow.Flow(__file__, name="levels_then_blur", library={repo!r})


@FLOW.entry
def run(image: flow.Image, gamma: float = 1.4, radius: float = 3.0, *, backend: str = "loki"):
    """Brightens the midtones, then blurs."""
    g = flow.Graph()
    image_in = g.input("image", image, type="IMAGE", description="Picture to treat.")
    levels = g.node("LokiImageLevels", _title="Brighten", image=image_in, black_point=0.05, white_point=0.95, gamma=gamma)
    blurred = g.node("LokiImageBlur", _title="Soften", image=levels.out(0), radius=radius)
    g.output("image", blurred.out(0))
    return FLOW.execute(g, backend=backend)


if __name__ == "__main__":
    raise SystemExit(run.main())
'''

OUTER_SCRIPT = '''
from loki_runtime import flow

FLOW = flow.Flow(__file__, name="outer")


@FLOW.entry
def run(image: flow.Image, gamma: float = 1.4, *, backend: str = "loki"):
    g = flow.Graph()
    image_in = g.input("image", image, type="IMAGE")
    inner = g.node("LokiLevelsThenBlur", _title="Inner flow", image=image_in, gamma=gamma, radius=2.0)
    g.output("image", inner.out(0))
    return FLOW.execute(g, backend=backend)
'''


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture()
def picture(tmp_path):
    from PIL import Image

    rng = np.random.default_rng(3)
    pixels = (rng.random((24, 32, 3)) * 255).astype(np.uint8)
    path = tmp_path / "in.png"
    Image.fromarray(pixels).save(path)
    return path, pixels.astype(np.float32)[None] / 255.0


@pytest.fixture()
def flow_file(tmp_path):
    return write(tmp_path / "levels_then_blur.py",
                 FLOW_SCRIPT.format(runtime=str(REPO / "src" / "python"), repo=str(REPO)))


def load_script(folder: str):
    path = REPO / "nodes" / folder / f"{folder}.py"
    spec = importlib.util.spec_from_file_location(f"e2e_{folder}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def expected_pixels(image, gamma, radius, black=0.05):
    levels = load_script("image_levels")(image=image, black_point=black, white_point=0.95, gamma=gamma)["image"]
    return load_script("image_blur")(image=levels, radius=radius)["image"]


def read_png(path):
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB")).astype(np.float32)[None] / 255.0


def test_flow_script_runs_as_a_subprocess_on_real_images(tmp_path, flow_file, picture):
    path, pixels = picture
    out = tmp_path / "out"
    proc = subprocess.run([PYTHON, str(flow_file), "--image", str(path), "--gamma", "1.8", "--output", str(out), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    written = json.loads(proc.stdout)["image"]
    want = expected_pixels(pixels, 1.8, 3.0)
    assert np.abs(read_png(written) - want).max() <= 1.0 / 255 + 1e-6


def test_flow_script_help_lists_ports_and_backends(flow_file):
    proc = subprocess.run([PYTHON, str(flow_file), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for flag in ("--image", "--gamma", "--radius", "--backend", "--server", "--comfyui"):
        assert flag in proc.stdout


def test_flow_script_failure_is_one_coded_line(tmp_path, flow_file, picture):
    bad = write(tmp_path / "bad_flow.py", flow_file.read_text().replace('"LokiImageBlur"', '"LokiNoSuchNode"'))
    proc = subprocess.run([PYTHON, str(bad), "--image", str(picture[0]), "--output", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: " + codes.UNKNOWN_NODE_TYPE)
    assert "Traceback" not in proc.stderr


def classes_with(*flow_nodes):
    classes = runtime_classes()
    classes.update(Library([REPO]).classes)
    for cls in flow_nodes:
        classes[cls.CLASS_TYPE] = cls
    return classes


def flow_class(path, class_type):
    cls = make_flow_node(path, class_type=class_type)
    cls.CLASS_TYPE = class_type
    return cls


def test_the_same_flow_as_a_node_expands_and_gives_the_same_pixels(flow_file, picture):
    path, pixels = picture
    node = flow_class(flow_file, "LokiLevelsThenBlur")
    declared = node.INPUT_TYPES()["required"]
    assert declared["image"][0] == "IMAGE" and declared["image"][1]["rawLink"] is True
    assert declared["gamma"][0] == "FLOAT" and declared["gamma"][1]["default"] == 1.4
    assert node.RETURN_TYPES == ("IMAGE",) and node.RETURN_NAMES == ("image",)
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": str(path)}},
              "5": {"class_type": "LokiLevelsThenBlur", "inputs": {"image": ["1", 0], "gamma": 1.8, "radius": 3.0}}}
    result = LokiExecutor(classes_with(node)).run(prompt, ["5"])
    got = result.value(["5", 0]).numpy()
    assert np.abs(got - expected_pixels(pixels, 1.8, 3.0)).max() < 1e-5
    assert {"5.0.0.loki_input_1", "5.0.0.2", "5.0.0.3"} <= set(result.executed)  # the expansion ran inside the prompt (input markers get loki_input_ ids)


def test_flow_nodes_nest_and_inner_errors_name_the_inner_node(tmp_path, flow_file, picture):
    path, pixels = picture
    inner = flow_class(flow_file, "LokiLevelsThenBlur")
    outer = flow_class(write(tmp_path / "outer.py", OUTER_SCRIPT), "LokiOuter")
    classes = classes_with(inner, outer)
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": str(path)}},
              "2": {"class_type": "LokiOuter", "inputs": {"image": ["1", 0], "gamma": 2.0}}}
    result = LokiExecutor(classes).run(prompt, ["2"])
    assert np.abs(result.value(["2", 0]).numpy() - expected_pixels(pixels, 2.0, 2.0)).max() < 1e-5
    assert "2.0.0.2.0.0.3" in result.executed

    prompt["2"]["inputs"]["gamma"] = 50.0  # out of the inner node's range: refused inside, at run time
    with pytest.raises(FlowError) as info:
        LokiExecutor(classes).run(prompt, ["2"])
    assert [r.node_id for r in info.value.nodes] == ["2", "2.0.0.2", "2.0.0.2.0.0.2"]
    assert info.value.node.class_type == "LokiImageLevels" and info.value.node.title == "Brighten"


def test_edits_to_the_flow_file_reach_the_node(tmp_path, flow_file, picture):
    path, pixels = picture
    node = flow_class(flow_file, "LokiLevelsThenBlur")
    text = flow_file.read_text().replace("radius: float = 3.0", "radius: float = 1.0").replace("black_point=0.05", "black_point=0.2")
    flow_file.write_text(text)
    os.utime(flow_file, ns=(1, 10 ** 18))  # a different mtime even on coarse clocks
    assert node.INPUT_TYPES()["required"]["radius"][1]["default"] == 1.0
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": str(path)}},
              "5": {"class_type": "LokiLevelsThenBlur", "inputs": {"image": ["1", 0], "gamma": 1.8, "radius": 1.0}}}
    got = LokiExecutor(classes_with(node)).run(prompt, ["5"]).value(["5", 0]).numpy()
    assert np.abs(got - expected_pixels(pixels, 1.8, 1.0, black=0.2)).max() < 1e-5
