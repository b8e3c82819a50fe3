"""The smoke runner: script vs node agreement, expectations, CUDA runs reported as skipped without CUDA."""
import json
import sys

import numpy as np
import pytest
import torch

from conftest import REPO, run_python, write_rgba_png

INVERT = '''
from loki_runtime.types import Image


@script.entry(__file__)
def run(image, amount=1.0):
    return {"image": (1.0 - image) * amount, "mean": float(image.mean())}
'''

INVERT_CONFIG = {
    "node_name": "{name}", "description": "Inverts an image.", "category": "test",
    "inputs": {"image": {"type": "IMAGE"}, "amount": {"type": "FLOAT", "default": 1.0, "min": 0.0, "max": 1.0}},
    "outputs": {"image": {"type": "IMAGE"}, "mean": {"type": "FLOAT"}},
    "examples": [{"name": "basic", "inputs": {"image": "examples/in.png", "amount": 1.0},
                  "expect": {"image": {"shape": [1, 8, 8, 3]}}}],
}


def _node(make_node, name, **changes):
    config = json.loads(json.dumps(INVERT_CONFIG).replace("{name}", name))
    config.update(changes)
    folder = make_node(name, INVERT, config)
    (folder / "examples").mkdir()
    pixels = (np.arange(8 * 8 * 3).reshape(8, 8, 3) * 5 % 256).astype(np.uint8)
    write_rgba_png(folder / "examples" / "in.png", pixels)
    return folder


def _smoke(library, *args, env=None):
    report = library.parent / "report.json"
    done = run_python(["-m", "loki_runtime.smoke", "--library", library, "--report", report, *args],
                      env={"PYTHONPATH": str(REPO / "src" / "python"), **(env or {})})
    data = json.loads(report.read_text()) if report.exists() else None
    return done, data


def _runs(data, node):
    return [r for r in data["runs"] if r["node"] == node]


def test_a_faithful_node_passes_and_the_table_sums_up(pack_root, make_node):
    _node(make_node, "inverter")
    done, data = _smoke(pack_root / "nodes")
    assert done.returncode == 0, done.stdout + done.stderr
    [run] = _runs(data, "inverter")
    assert run["status"] == "passed" and run["device"] == "cpu" and run["kind"] == "script"
    assert run["script_seconds"] > 0 and run["node_seconds"] is not None
    assert "smoke: 1 nodes, 1 runs: 1 passed, 0 failed, 0 skipped" in done.stdout
    assert data["summary"] == {"passed": 1, "failed": 0, "skipped": 0}


def test_a_node_that_disagrees_with_its_script_fails(pack_root, make_node):
    folder = _node(make_node, "liar")
    node_py = folder / "liar_node.py"
    node_py.write_text(node_py.read_text().replace(
        "return comfy_adapter.call(_script.run, inputs)",
        "image, mean = comfy_adapter.call(_script.run, inputs)\n        return (image * 0.5, mean)"))
    done, data = _smoke(pack_root / "nodes")
    assert done.returncode == 1
    [run] = _runs(data, "liar")
    assert run["status"] == "failed" and "disagree on 'image'" in run["reason"]


def test_an_unmet_expectation_fails(pack_root, make_node):
    _node(make_node, "wrong_shape", examples=[{"name": "b", "inputs": {"image": "examples/in.png"},
                                               "expect": {"image": {"shape": [1, 9, 9, 3]}}}])
    done, data = _smoke(pack_root / "nodes")
    assert done.returncode == 1
    assert "shape [1, 8, 8, 3] != expected [1, 9, 9, 3]" in _runs(data, "wrong_shape")[0]["reason"]


def test_a_failing_script_fails_and_the_others_still_run(pack_root, make_node):
    _node(make_node, "a_ok")
    _node(make_node, "b_bad", examples=[{"name": "b", "inputs": {"image": "examples/missing.png"}}])
    done, data = _smoke(pack_root / "nodes")
    assert done.returncode == 1
    assert _runs(data, "a_ok")[0]["status"] == "passed"
    assert _runs(data, "b_bad")[0]["status"] == "failed" and _runs(data, "b_bad")[0]["reason"].startswith("script")


def test_a_cuda_node_runs_on_cuda_or_is_reported_skipped(pack_root, make_node):
    _node(make_node, "gpu_node", device="cuda")
    done, data = _smoke(pack_root / "nodes")
    runs = {r["device"]: r for r in _runs(data, "gpu_node")}
    assert runs["cpu"]["status"] == "passed"
    if torch.cuda.is_available():
        assert runs["cuda"]["status"] == "passed"
        assert runs["cuda"]["details"][0]["output_devices"] == ["cuda:0"]
    else:
        assert runs["cuda"]["status"] == "skipped" and "CUDA not available" in runs["cuda"]["reason"]
        assert data["summary"]["skipped"] == 1
        strict, _ = _smoke(pack_root / "nodes", "--device", "cuda", "--require-cuda")
        assert strict.returncode == 3


def test_only_cuda_nodes_run_in_cuda_mode(pack_root, make_node):
    _node(make_node, "cpu_node")
    _node(make_node, "gpu_node", device="cuda")
    done, data = _smoke(pack_root / "nodes", "--device", "cuda")
    assert {r["node"] for r in data["runs"]} == {"gpu_node"}
    assert all(r["device"] == "cuda" for r in data["runs"])


def test_a_comfyui_wrapper_is_skipped_without_comfyui(pack_root, make_node):
    _node(make_node, "wraps_core", comfy={"class": "ImageInvert", "pack": "comfyui"})
    done, data = _smoke(pack_root / "nodes", env={"COMFYUI_PATH": ""})
    [run] = _runs(data, "wraps_core")
    assert run["status"] == "skipped" and "COMFYUI_PATH" in run["reason"] and run["kind"] == "comfy"
    assert done.returncode == 0


def test_png_fallback_decoder_matches_pillow(tmp_path):
    from loki_runtime import smoke_values

    pixels = (np.random.default_rng(3).random((7, 5, 4)) * 255).astype(np.uint8)
    path = write_rgba_png(tmp_path / "x.png", pixels)
    assert np.array_equal(smoke_values._read_png(str(path)), pixels)


def test_nodes_spread_over_dask_workers_give_the_same_report_in_folder_order(pack_root, make_node):
    _node(make_node, "c_ok")
    _node(make_node, "a_bad", examples=[{"name": "b", "inputs": {"image": "examples/missing.png"}}])
    _node(make_node, "b_ok")
    alone, one_by_one = _smoke(pack_root / "nodes")
    spread, dispatched = _smoke(pack_root / "nodes", "--workers", "2")
    assert spread.returncode == alone.returncode == 1, spread.stderr[-2000:]
    assert dispatched is not None, spread.stderr[-3000:]
    strip = lambda data: [(r["node"], r["example"], r["device"], r["status"], r["reason"]) for r in data["runs"]]  # noqa: E731
    assert strip(dispatched) == strip(one_by_one)
    assert [r["node"] for r in dispatched["runs"]] == ["a_bad", "b_ok", "c_ok"]
