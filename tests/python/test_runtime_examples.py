"""Config examples run through the script with file inputs relative to the node folder, and their expectations."""
import numpy as np
import pytest

from conftest import run_python, write_rgba_png
from loki_runtime import examples
from loki_runtime.errors import LokiError

CONFIG = {
    "node_name": "image_stats",
    "inputs": {"image": {"type": "IMAGE"}, "scale": {"type": "FLOAT", "default": 1.0}},
    "outputs": {"image": {"type": "IMAGE"}, "width": {"type": "INT"}, "mean": {"type": "FLOAT"}},
    "examples": [
        {"name": "good", "inputs": {"image": "examples/in.png", "scale": 0.5},
         "expect": {"image": {"shape": [1, 4, 6, 3], "dtype": "float32", "max": 0.5}, "width": 6, "mean": 0.5}},
        {"name": "wrong", "inputs": {"image": ["examples/in.png", "examples/in.png"]},
         "expect": {"image": {"shape": [1, 4, 6, 3]}, "width": 7, "missing": 1}},
    ],
}

BODY = '''
@script.entry(__file__)
def run(image, scale=1.0):
    out = image * scale
    return {"image": out, "width": image.shape[2], "mean": float(out.mean())}
'''


@pytest.fixture
def stats_node(make_node):
    folder = make_node("image_stats", BODY, CONFIG, node=False)
    (folder / "examples").mkdir()
    write_rgba_png(folder / "examples" / "in.png", np.full((4, 6, 3), 255, dtype=np.uint8))
    return folder


def load(folder):
    import importlib.util

    spec = importlib.util.spec_from_file_location("image_stats_under_test", folder / "image_stats.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def test_a_passing_example_has_no_problems(stats_node, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # file inputs are relative to the node folder, not the working directory
    outputs, problems = examples.run_example(load(stats_node), "good")
    assert problems == []
    assert outputs["width"] == 6


def test_a_failing_example_lists_every_mismatch(stats_node):
    _, problems = examples.run_example(load(stats_node), 1)
    assert problems == ["image: expected shape [1, 4, 6, 3], got [2, 4, 6, 3]", "width: expected 7, got 6",
                        "missing: no such output"]


def test_an_unknown_example_is_named(stats_node):
    with pytest.raises(LokiError, match='no example "nope" \\(examples: good, wrong\\)'):
        examples.run_example(load(stats_node), "nope")


def test_examples_run_the_same_from_another_process(stats_node):
    probe = (f"import sys; sys.path.insert(0, {str(stats_node)!r}); from image_stats import run; "
             "from loki_runtime import examples; print(examples.run_example(run, 'good')[1])")
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
