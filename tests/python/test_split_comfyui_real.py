"""`loki split` against the real ComfyUI 0.3.64 of ../shared/tools/comfyui: a model-free workflow split into a
library (two groups, one reused sub-flow with a parameter), the library packed into ComfyUI-LOKI, and the parent
flow (sub-flows as flow nodes expanded by ComfyUI) and the parent with native subgraphs (flattened by loki) give
the same pixels as the original workflow.

Uses h-comfy's real-ComfyUI fixture (comfyui_tool.py: a writable copy of the tool, a free loopback port, stopped by
its process id). Skipped only when the tool is absent.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import comfy_real
import comfyui_tool
from comfy_real import REPO, loki

# A model-free corpus workflow of nested subgraphs (text through PreviewAny), with the prompt the real frontend made.
NESTED = (REPO.parent / "shared" / "corpus" / "frontend-pairs" / "Comfy-Org__ComfyUI_frontend@christian-byrne-fork"
          / "browser_tests" / "assets" / "subgraphs" / "subgraph-nested-duplicate-ids.json")
pytestmark = pytest.mark.skipif(comfyui_tool.why_absent() is not None, reason=str(comfyui_tool.why_absent()))

# Two blur-and-invert chains blended and saved (test data we own); the chains differ only by their blur radius.
CHAINS = {
    "1": {"class_type": "EmptyImage", "inputs": {"width": 48, "height": 40, "batch_size": 1, "color": 16711680}},
    "2": {"class_type": "ImageBlur", "inputs": {"image": ["1", 0], "blur_radius": 3, "sigma": 1.0}},
    "3": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}},
    "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "a"}},
    "5": {"class_type": "EmptyImage", "inputs": {"width": 48, "height": 40, "batch_size": 1, "color": 4259648}},
    "6": {"class_type": "ImageBlur", "inputs": {"image": ["5", 0], "blur_radius": 5, "sigma": 1.0}},
    "7": {"class_type": "ImageInvert", "inputs": {"image": ["6", 0]}},
    "8": {"class_type": "ImageBlend", "inputs": {"image1": ["3", 0], "image2": ["7", 0], "blend_factor": 0.3,
                                                 "blend_mode": "multiply"}},
    "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "b"}},
}


def _group(ui: dict, title: str, ids: list[str]) -> dict:
    nodes = {str(n["id"]): n for n in ui["nodes"]}
    left = min(nodes[i]["pos"][0] for i in ids) - 10
    top = min(nodes[i]["pos"][1] for i in ids) - 40
    right = max(nodes[i]["pos"][0] + nodes[i]["size"][0] for i in ids) + 10
    bottom = max(nodes[i]["pos"][1] + nodes[i]["size"][1] for i in ids) + 10
    return {"title": title, "bounding": [left, top, right - left, bottom - top]}


def run(server, prompt: dict) -> dict:
    """Queues a prompt on the real server; its outputs (ComfyUI must report success)."""
    prompt_id, _ = server.queue(prompt)
    entry = server.history(prompt_id)
    assert entry["status"]["status_str"] == "success", json.dumps(entry["status"])[:3000]
    return entry["outputs"]


def pixels(server, outputs: dict, save_id: str) -> list:
    import io

    import numpy as np
    from PIL import Image

    return [np.asarray(Image.open(io.BytesIO(server.view(i)))) for i in outputs[save_id]["images"]]


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    work = tmp_path_factory.mktemp("split_real")
    (work / "chains_api.json").write_text(json.dumps(CHAINS), encoding="utf-8")
    loki("convert", work / "chains_api.json", "--to", "ui", "-o", work / "chains.json")
    ui = json.loads((work / "chains.json").read_text(encoding="utf-8"))
    for node in ui["nodes"]:  # the chains on a grid far apart: a group around some nodes holds no other node's centre
        n = int(node["id"])
        node["pos"] = [(n - 1 if n <= 4 else n - 5) * 600.0, (0 if n <= 4 else 1) * 900.0]
    ui["groups"] = [_group(ui, "Soft Blur", ["2", "3"]), _group(ui, "Soft Blur Again", ["6", "7"])]
    (work / "chains.json").write_text(json.dumps(ui), encoding="utf-8")
    nodes = work / "library" / "nodes"
    loki("split", work / "chains.json", "--into", nodes, "--by", "groups", "-o", work / "chains.subgraphs.json")
    loki("convert", nodes / "chains" / "chains_workflow.json", "--to", "api", "-o", work / "parent_api.json")
    loki("convert", work / "chains.subgraphs.json", "--to", "api", "-o", work / "subgraphs_api.json",
         "--library", work / "library")
    shutil.copy(f"{NESTED}.workflow.json", work / "nested.json")
    loki("split", work / "nested.json", "--into", nodes)
    loki("convert", nodes / "nested" / "nested_workflow.json", "--to", "api", "-o", work / "nested_parent_api.json")
    pack = comfy_real.build_pack(work, work / "library")
    return work, pack


@pytest.fixture(scope="module")
def server(split, tmp_path_factory):
    """h-comfy's real ComfyUI (comfyui_tool.py): its own copy of the tool, a free port, the split's pack installed."""
    _, pack = split
    srv = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("comfyui_split"), packs={"loki_split_pack": pack})
    srv.object_info = srv.get_json("/object_info")
    yield srv
    srv.stop()


def _with_prefix(prompt: dict, prefix: str) -> dict:
    prompt = json.loads(json.dumps(prompt))
    for node in prompt.values():
        if node["class_type"] == "SaveImage":
            node["inputs"]["filename_prefix"] = prefix + node["inputs"]["filename_prefix"]
    return prompt


def test_the_split_library_runs_in_comfyui_and_gives_the_original_pixels(split, server):
    work, _ = split
    parent = json.loads((work / "parent_api.json").read_text(encoding="utf-8"))
    assert "LokiSoftBlur" in server.object_info
    assert sorted(n["class_type"] for n in parent.values()).count("LokiSoftBlur") == 2
    assert sorted(n["inputs"]["blur_radius"] for n in parent.values() if n["class_type"] == "LokiSoftBlur") == [3, 5]

    original = run(server, _with_prefix(CHAINS, "original_"))
    expanded = run(server, _with_prefix(parent, "split_"))
    for save in ("4", "9"):
        want, got = pixels(server, original, save), pixels(server, expanded, save)
        assert len(want) == len(got) == 1
        assert want[0].shape == got[0].shape == (40, 48, 3)
        assert (want[0] == got[0]).all(), f"SaveImage {save}: the split gives other pixels"


def test_the_subgraph_parent_flattened_by_loki_gives_the_original_pixels(split, server):
    work, _ = split
    flat = json.loads((work / "subgraphs_api.json").read_text(encoding="utf-8"))
    assert sorted(n["class_type"] for n in flat.values()) == sorted(n["class_type"] for n in CHAINS.values())
    original = run(server, _with_prefix(CHAINS, "original2_"))
    flattened = run(server, _with_prefix(flat, "subgraphs_"))
    saves = sorted(k for k, n in flat.items() if n["class_type"] == "SaveImage")
    assert len(saves) == 2
    # the flattened ids keep the top-level SaveImage ids (4, 9)
    for save in ("4", "9"):
        assert (pixels(server, original, save)[0] == pixels(server, flattened, save)[0]).all()


def test_a_corpus_workflow_of_nested_subgraphs_splits_into_nested_flows_that_give_the_same_text(split, server):
    work, _ = split
    original = json.loads(Path(f"{NESTED}.prompt.json").read_text(encoding="utf-8"))
    parent = json.loads((work / "nested_parent_api.json").read_text(encoding="utf-8"))
    flows = [n["class_type"] for n in parent.values() if n["class_type"].startswith("Loki")]
    assert flows, "the nested subgraphs should become flow nodes"
    assert all(c in server.object_info for c in flows)

    def texts(outputs: dict) -> list:
        return sorted(json.dumps(o.get("text"), sort_keys=True) for o in outputs.values() if "text" in o)

    want, got = texts(run(server, original)), texts(run(server, parent))
    assert want and want == got
