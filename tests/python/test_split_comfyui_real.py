"""`loki split` against the real ComfyUI 0.3.64 of ../shared/tools/comfyui: a model-free workflow split into a
library (two groups, one reused sub-flow with a parameter), the library packed into ComfyUI-LOKI, and the parent
flow (sub-flows as flow nodes expanded by ComfyUI) and the parent with native subgraphs (flattened by loki) give
the same pixels as the original workflow.

Uses a writable copy of the shared ComfyUI (started with its start-server.sh on a free loopback port, stopped by
its process id). Skipped only when ../shared/tools/comfyui is absent.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import comfy_real
from comfy_real import REPO, free_port, loki

SHARED_COMFYUI = REPO.parent / "shared" / "tools" / "comfyui"
pytestmark = pytest.mark.skipif(not (SHARED_COMFYUI / "start-server.sh").is_file(),
                                reason="../shared/tools/comfyui is absent")

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


class Server:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(root / "server.log", "wb")
        self.process = subprocess.Popen([str(root / "start-server.sh"), str(self.port)], stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (root / "server.log").read_text(errors="replace")[-3000:]
            try:
                self.object_info = self.get("/object_info")
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("ComfyUI did not start")

    def get(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=30) as r:
            return json.loads(r.read())

    def run(self, prompt: dict) -> dict:
        request = urllib.request.Request(self.url + "/prompt", data=json.dumps({"prompt": prompt}).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                prompt_id = json.loads(r.read())["prompt_id"]
        except urllib.error.HTTPError as e:
            raise AssertionError(f"ComfyUI refused the prompt: {e.read().decode(errors='replace')}") from e
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            history = self.get(f"/history/{prompt_id}")
            if prompt_id in history and history[prompt_id].get("status", {}).get("completed") is not None:
                entry = history[prompt_id]
                assert entry["status"]["status_str"] == "success", json.dumps(entry["status"])[:3000]
                return entry["outputs"]
            time.sleep(0.3)
        raise AssertionError("the prompt did not finish")

    def pixels(self, outputs: dict, save_id: str):
        import numpy as np
        from PIL import Image

        images = outputs[save_id]["images"]
        return [np.asarray(Image.open(self.root / "ComfyUI" / "output" / i["subfolder"] / i["filename"]))
                for i in images]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        self.log.close()


@pytest.fixture(scope="module")
def split(tmp_path_factory):
    work = tmp_path_factory.mktemp("split_real")
    (work / "chains_api.json").write_text(json.dumps(CHAINS), encoding="utf-8")
    loki("convert", work / "chains_api.json", "--to", "ui", "-o", work / "chains.json")
    ui = json.loads((work / "chains.json").read_text(encoding="utf-8"))
    ui["groups"] = [_group(ui, "Soft Blur", ["2", "3"]), _group(ui, "Soft Blur Again", ["6", "7"])]
    (work / "chains.json").write_text(json.dumps(ui), encoding="utf-8")
    nodes = work / "library" / "nodes"
    loki("split", work / "chains.json", "--into", nodes, "--by", "groups", "-o", work / "chains.subgraphs.json")
    loki("convert", nodes / "chains" / "chains_workflow.json", "--to", "api", "-o", work / "parent_api.json")
    loki("convert", work / "chains.subgraphs.json", "--to", "api", "-o", work / "subgraphs_api.json",
         "--library", work / "library")
    pack = comfy_real.build_pack(work, work / "library")
    return work, pack


@pytest.fixture(scope="module")
def server(split, tmp_path_factory):
    _, pack = split
    root = tmp_path_factory.mktemp("comfyui") / "comfyui"
    shutil.copytree(SHARED_COMFYUI, root, symlinks=True)
    shutil.copytree(pack, root / "ComfyUI" / "custom_nodes" / "loki_split_pack")
    srv = Server(root)
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

    original = server.run(_with_prefix(CHAINS, "original_"))
    expanded = server.run(_with_prefix(parent, "split_"))
    for save in ("4", "9"):
        want, got = server.pixels(original, save), server.pixels(expanded, save)
        assert len(want) == len(got) == 1
        assert want[0].shape == got[0].shape == (40, 48, 3)
        assert (want[0] == got[0]).all(), f"SaveImage {save}: the split gives other pixels"


def test_the_subgraph_parent_flattened_by_loki_gives_the_original_pixels(split, server):
    work, _ = split
    flat = json.loads((work / "subgraphs_api.json").read_text(encoding="utf-8"))
    assert sorted(n["class_type"] for n in flat.values()) == sorted(n["class_type"] for n in CHAINS.values())
    original = server.run(_with_prefix(CHAINS, "original2_"))
    flattened = server.run(_with_prefix(flat, "subgraphs_"))
    saves = sorted(k for k, n in flat.items() if n["class_type"] == "SaveImage")
    assert len(saves) == 2
    # the flattened ids keep the top-level SaveImage ids (4, 9)
    for save in ("4", "9"):
        assert (server.pixels(original, save)[0] == server.pixels(flattened, save)[0]).all()
