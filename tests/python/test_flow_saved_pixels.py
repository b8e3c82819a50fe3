"""Issue 9 item 7: a flow's save and preview outputs are written with exactly the pixels ComfyUI writes for them.

The same model-free workflow is queued on the real ComfyUI server (comfyui_server) and run as a LOKI Script made by
`loki convert --to script`, with `--backend comfyui` (ComfyUI's executor in-process) and, for a workflow of LOKI
nodes, `--backend loki` (the LOKI executor): the PNG files the script writes for the outputs that stand for
SaveImage / PreviewImage equal the files ComfyUI saved, pixel for pixel. Each workflow is chosen so that SaveImage's
truncation and rounding differ somewhere (checked), so the test fails with a rounding writer.
"""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import comfy_real
from comfy_real import png_u8

REPO = comfy_real.REPO

# LOKI nodes between a loader and two savers, with custom titles (they name the script's outputs).
LOKI_WORKFLOW = {
    "1": {"class_type": "LoadImage", "inputs": {"image": "example.png"}, "_meta": {"title": "Load Image"}},
    "2": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.05, "white_point": 0.9,
                                                      "gamma": 1.37}, "_meta": {"title": "Levels"}},
    "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "levels"},
          "_meta": {"title": "Levelled"}},
    "4": {"class_type": "LokiImageBlur", "inputs": {"image": ["2", 0], "radius": 1.5}, "_meta": {"title": "Blur"}},
    "5": {"class_type": "PreviewImage", "inputs": {"images": ["4", 0]}, "_meta": {"title": "Softened"}},
}
SAVER_OUTPUTS = {"3": "levelled", "5": "softened"}  # saver node -> the script output it becomes


@pytest.fixture(scope="module")
def ramp(loki_build):
    return loki_build.library / "nodes" / "image_blur" / "examples" / "ramp.png"


def _served(server, api_prompt: dict, image: Path) -> dict:
    """Queues the prompt with `image` in its LoadImage; returns {saver node id: uint8 pixels of its first image}."""
    prompt = json.loads(json.dumps(api_prompt))
    name = server.upload_png(image)
    for node in prompt.values():
        if node["class_type"] == "LoadImage":
            node["inputs"]["image"] = name
    prompt_id, messages = server.queue(prompt)
    assert messages[-1]["type"] == "execution_success", messages[-1]
    outputs = server.history(prompt_id)["outputs"]
    return {node_id: png_u8(server.view(out["images"][0])) for node_id, out in outputs.items() if "images" in out}


def _script_files(script: Path, image: Path, backend: str, out: Path, env: dict) -> dict:
    """Runs the LOKI Script from the command line; returns {output name: uint8 pixels of the file it wrote}."""
    proc = subprocess.run([sys.executable, str(script), "--image", str(image), "--backend", backend, "--json",
                           "--output", str(out)], capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {name: png_u8(Path(path).read_bytes()) for name, path in json.loads(proc.stdout).items()}


def _rounding_would_differ(pixels_u8: np.ndarray, floats: np.ndarray) -> bool:
    return bool((np.rint(np.clip(floats, 0, 1) * 255).astype(np.uint8) != pixels_u8).any())


def test_a_flow_of_loki_nodes_saves_comfyuis_pixels_on_every_backend(comfyui_server, comfyui_copy, loki_build, ramp,
                                                                    tmp_path):
    api = tmp_path / "levels_api.json"
    api.write_text(json.dumps(LOKI_WORKFLOW), encoding="utf-8")
    script = tmp_path / "levels_flow.py"
    comfy_real.loki("convert", api, "--to", "script", "-o", script, "--library", loki_build.library)
    assert 'saved_by="SaveImage"' in script.read_text(encoding="utf-8")
    served = _served(comfyui_server, LOKI_WORKFLOW, ramp)
    env = comfyui_copy.env(REPO / "src" / "python", comfyui_path=True, LOKI_LIBRARY=str(loki_build.library))
    for backend in ("loki", "comfyui"):
        written = _script_files(script, ramp, backend, tmp_path / backend, env)
        assert set(written) == set(SAVER_OUTPUTS.values()), written.keys()
        for node_id, name in SAVER_OUTPUTS.items():
            assert written[name].shape == served[node_id].shape, (backend, name)
            assert (written[name] == served[node_id]).all(), (backend, name, int(np.abs(
                written[name].astype(int) - served[node_id]).max()))
    # the check can fail: the levels' exact values round differently from how SaveImage truncates them
    import importlib.util

    spec = importlib.util.spec_from_file_location("saved_pixels_levels",
                                                  loki_build.library / "nodes" / "image_levels" / "image_levels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    exact = module.run(image=str(ramp), black_point=0.05, white_point=0.9, gamma=1.37)["image"][0]
    assert _rounding_would_differ(served["3"], exact)


def test_a_flow_of_comfyui_nodes_saves_comfyuis_pixels_in_process(comfyui_server, comfyui_copy, loki_build, ramp,
                                                                 tmp_path):
    workflow = loki_build.library / "nodes" / "soft_glow" / "soft_glow_workflow.json"
    script = tmp_path / "soft_glow_flow.py"
    comfy_real.loki("convert", workflow, "--to", "script", "-o", script, "--library", loki_build.library)
    api = tmp_path / "soft_glow_api.json"
    comfy_real.loki("convert", workflow, "--to", "api", "-o", api)
    served = _served(comfyui_server, json.loads(api.read_text(encoding="utf-8")), ramp)
    (saver,) = served
    env = comfyui_copy.env(REPO / "src" / "python", comfyui_path=True, LOKI_LIBRARY=str(loki_build.library))
    written = _script_files(script, ramp, "comfyui", tmp_path / "out", env)
    assert list(written) == ["image"]
    assert written["image"].shape == served[saver].shape and (written["image"] == served[saver]).all(), int(
        np.abs(written["image"].astype(int) - served[saver]).max())


def test_outputs_no_comfyui_node_defines_keep_the_rounding(tmp_path):
    """A LOKI Script's own outputs (no saver node) are rounded, so file -> array -> file is lossless."""
    from loki_runtime import image_io

    values = np.array([[[0.7 / 255, 1.6 / 255, 254.2 / 255]]], dtype=np.float32)  # [1,1,3]
    rounded = png_u8(Path(image_io.write_image(values, tmp_path / "r.png")).read_bytes())
    truncated = png_u8(Path(image_io.write_image(values, tmp_path / "t.png", as_comfyui=True)).read_bytes())
    assert rounded.tolist() == [[[1, 2, 254]]]
    assert truncated.tolist() == [[[0, 1, 254]]]
    mask = png_u8(Path(image_io.write_mask(values[..., 1], tmp_path / "m.png", as_comfyui=True)).read_bytes())
    assert mask.tolist() == [[[1, 1, 1]]]  # MaskPreview: the mask as RGB, truncated


def _texts(data: bytes) -> dict:
    """The tEXt chunks of a PNG."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        im.load()
        return dict(im.text)


def test_png_metadata_gives_the_prompt_comfyui_writes(comfyui_server, comfyui_copy, loki_build, ramp, tmp_path):
    """With --png-metadata the saver outputs' files carry SaveImage's `prompt` chunk: the API prompt ComfyUI receives.

    The ids agree because the converted script keeps every node's id, the saver's included (`g.output(...,
    saved_by=..., _id=...)`), and its image input's marker takes id 1, the LoadImage it stands for (a free id). The
    script's LoadImage names the file's base name, which is the name the test uploads the file under. ComfyUI saves
    the prompt with LoadImage's IS_CHANGED answer added (`is_changed`: the file's sha256); the script adds it too."""
    api = tmp_path / "levels_api.json"
    api.write_text(json.dumps(LOKI_WORKFLOW), encoding="utf-8")
    script = tmp_path / "levels_flow.py"
    comfy_real.loki("convert", api, "--to", "script", "-o", script, "--library", loki_build.library)
    prompt = json.loads(json.dumps(LOKI_WORKFLOW))
    prompt["1"]["inputs"]["image"] = comfyui_server.upload_png(ramp)
    prompt_id, messages = comfyui_server.queue(prompt)
    assert messages[-1]["type"] == "execution_success", messages[-1]
    served = {node_id: comfyui_server.view(out["images"][0])
              for node_id, out in comfyui_server.history(prompt_id)["outputs"].items()}
    env = comfyui_copy.env(REPO / "src" / "python", comfyui_path=True, LOKI_LIBRARY=str(loki_build.library))
    for flags in (["--png-metadata"], []):
        out = tmp_path / ("meta" if flags else "plain")
        proc = subprocess.run([sys.executable, str(script), "--image", str(ramp), "--backend", "loki", "--json",
                               "--output", str(out), *flags], capture_output=True, text=True, timeout=600, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        written = {name: Path(path).read_bytes() for name, path in json.loads(proc.stdout).items()}
        for node_id, name in SAVER_OUTPUTS.items():
            assert (png_u8(written[name]) == png_u8(served[node_id])).all(), name
            server_texts, script_texts = _texts(served[node_id]), _texts(written[name])
            assert set(server_texts) == {"prompt"}, server_texts.keys()  # queued without a workflow
            if flags:
                assert set(script_texts) == {"prompt"}, script_texts.keys()
                assert json.loads(script_texts["prompt"]) == json.loads(server_texts["prompt"])
                # what ComfyUI saves is the queued prompt plus LoadImage's IS_CHANGED answer (the file's sha256)
                assert json.loads(script_texts["prompt"]) == {**prompt, "1": {**prompt["1"], "is_changed": [
                    hashlib.sha256(ramp.read_bytes()).hexdigest()]}}
            else:
                assert script_texts == {}, script_texts.keys()


def test_png_metadata_chunks_and_compress_level_follow_the_saver(tmp_path):
    """PreviewImage and MaskPreview write at compress level 1, SaveImage at 4 (nodes.py); each chunk is json.dumps."""
    from loki_runtime import flow, png_metadata

    (tmp_path / "in.png").write_bytes(b"")  # a local file: ComfyUI would load it by its name
    g = flow.Graph()
    src = g.input("image", str(tmp_path / "in.png"), type="IMAGE")
    blur = g.node("LokiImageBlur", _id="7", image=src, radius=2)
    g.output("kept", blur.out(0), saved_by="SaveImage", _id="9", _title="Kept", filename_prefix="x")
    g.output("seen", blur.out(0), saved_by="PreviewImage")
    prompt = png_metadata.prompt_of(g)
    assert prompt["9"] == {"inputs": {"images": ["7", 0], "filename_prefix": "x"}, "class_type": "SaveImage",
                           "_meta": {"title": "Kept"}}
    assert prompt["10"]["class_type"] == "PreviewImage" and prompt["10"]["inputs"] == {"images": ["7", 0]}
    assert prompt["1"] == {"class_type": "LoadImage", "inputs": {"image": "in.png"}, "_meta": {"title": "Load Image"},
                           "is_changed": [hashlib.sha256(b"").hexdigest()]}
    assert png_metadata.chunks(prompt, {"nodes": []}) == {"prompt": json.dumps(prompt), "workflow": '{"nodes": []}'}
    assert [png_metadata.COMPRESS_LEVEL[s] for s in ("SaveImage", "PreviewImage", "MaskPreview")] == [4, 1, 1]
    with pytest.raises(flow.FlowError):
        g.output("odd", blur.out(0), _id="11")  # saver details without a saver
