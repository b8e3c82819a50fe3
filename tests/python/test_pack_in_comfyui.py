"""Issue 9 item 2: the built pack inside a real ComfyUI started normally (no COMFYUI_PATH): every LOKI node of the
library runs there, its outputs equal to its LOKI Script's.

Each example of each node's config becomes one API prompt queued on the session's server (comfyui_server): file
inputs are uploaded and loaded by LoadImage / LoadImageMask, IMAGE outputs saved by SaveImage (MASK through
MaskToImage), other outputs shown by a LokiOutput marker. The same examples run through the pack's LOKI Scripts in
one subprocess (library_script_driver.py, with the real ComfyUI for the scripts that run ComfyUI code); pixels must
be equal after SaveImage's quantisation, values equal as the marker prints them.
"""
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from comfy_real import png_u8, script_outputs
from comfyui_tool import PromptRejected


def _cases(pack: Path) -> list[dict]:
    from loki_runtime.comfy_adapter import mapping_key

    cases = []
    for folder in sorted((pack / "nodes").iterdir()):
        config_file = folder / f"{folder.name}.json"
        if not (folder / "__init__.py").is_file() or not config_file.is_file():
            continue
        config = json.loads(config_file.read_text(encoding="utf-8"))
        for example in config.get("examples") or []:
            cases.append({"id": f"{folder.name}__{example.get('name', 'example')}", "folder": folder,
                          "class_type": mapping_key(folder.name), "config": config,
                          "values": dict(example.get("inputs") or {})})
    return cases


def _has_alpha(path: Path) -> bool:
    from PIL import Image

    with Image.open(path) as im:
        return "A" in im.getbands() or "transparency" in im.info


def _prompt(case: dict, server, staging: Path) -> tuple[dict, dict]:
    """The API prompt of one example, and the inputs its LOKI Script gets (file inputs as absolute paths)."""
    prompt, inputs, script_inputs = {}, {}, {}
    for name, port in (case["config"].get("inputs") or {}).items():
        if name in case["values"]:
            value = case["values"][name]
        elif "default" in port:
            value = port["default"]
        else:
            continue
        if port.get("type") in ("IMAGE", "MASK") and isinstance(value, str):
            source = (case["folder"] / value).resolve()
            staged = staging / f"{case['id']}__{name}{source.suffix}"  # one name per use: uploads overwrite
            shutil.copy(source, staged)
            uploaded = server.upload_png(staged)
            loader = f"load_{name}"
            if port["type"] == "IMAGE":
                prompt[loader] = {"class_type": "LoadImage", "inputs": {"image": uploaded}}
            else:
                channel = "alpha" if _has_alpha(source) else "red"  # the runtime's rule for mask files
                prompt[loader] = {"class_type": "LoadImageMask", "inputs": {"image": uploaded, "channel": channel}}
            inputs[name], script_inputs[name] = [loader, 0], str(source)
        else:
            inputs[name] = script_inputs[name] = value
    prompt["node"] = {"class_type": case["class_type"], "inputs": inputs}
    for slot, (name, port) in enumerate((case["config"].get("outputs") or {}).items()):
        if port["type"] == "IMAGE":
            prompt[f"save_{name}"] = {"class_type": "SaveImage",
                                      "inputs": {"images": ["node", slot], "filename_prefix": f"{case['id']}_{name}"}}
        elif port["type"] == "MASK":
            prompt[f"as_image_{name}"] = {"class_type": "MaskToImage", "inputs": {"mask": ["node", slot]}}
            prompt[f"save_{name}"] = {"class_type": "SaveImage", "inputs": {
                "images": [f"as_image_{name}", 0], "filename_prefix": f"{case['id']}_{name}"}}
        else:
            prompt[f"show_{name}"] = {"class_type": "LokiOutput", "inputs": {"name": name, "value": ["node", slot]}}
    return prompt, script_inputs


@pytest.fixture(scope="module")
def runs(comfyui_server, loki_build, comfyui_copy, tmp_path_factory):
    """Every example queued on the server, and the same examples through the pack's scripts."""
    work = tmp_path_factory.mktemp("pack_in_comfyui")
    cases = _cases(loki_build.pack)
    served, script_cases = {}, []
    for case in cases:
        prompt, script_inputs = _prompt(case, comfyui_server, work)
        try:
            prompt_id, messages = comfyui_server.queue(prompt)
        except PromptRejected as ex:
            served[case["id"]] = {"rejected": ex.answer}
            continue
        served[case["id"]] = {"messages": messages, "history": comfyui_server.history(prompt_id)}
        script_cases.append({"id": case["id"], "inputs": script_inputs,
                             "script": str(case["folder"] / f"{case['folder'].name}.py")})
    values = script_outputs(script_cases, work, comfyui_copy.env(loki_build.pack, comfyui_path=True))
    return cases, served, values, work


def test_the_server_runs_without_comfyui_path(comfyui_server):
    environ = Path(f"/proc/{comfyui_server.process.pid}/environ").read_bytes().split(b"\0")
    assert not [v for v in environ if v.startswith((b"COMFYUI_PATH=", b"PYTHONPATH=/work", b"LOKI_"))]


def test_every_library_node_runs_in_comfyui(runs):
    cases, served, _, _ = runs
    nodes = {case["folder"].name for case in cases}
    assert {"comfy_image_blend", "comfy_image_invert", "soft_glow", "image_blur"} <= nodes and len(nodes) >= 25
    failed = {}
    for case in cases:
        result = served[case["id"]]
        if "rejected" in result:
            failed[case["id"]] = result["rejected"]
        elif result["history"]["status"]["status_str"] != "success":
            failed[case["id"]] = [m for m in result["messages"] if m["type"] == "execution_error"]
    assert failed == {}


def test_every_output_equals_the_loki_scripts(runs, comfyui_server):
    cases, served, script_values, work = runs
    wrong = {}
    for case in cases:
        if "history" not in served[case["id"]]:
            wrong[case["id"]] = "ComfyUI rejected the prompt (see test_every_library_node_runs_in_comfyui)"
            continue
        outputs = served[case["id"]]["history"]["outputs"]
        want_arrays = np.load(work / f"{case['id']}.npz")
        for name, port in (case["config"].get("outputs") or {}).items():
            shown = outputs.get(f"save_{name}" if port["type"] in ("IMAGE", "MASK") else f"show_{name}")
            if shown is None:
                wrong[f"{case['id']}.{name}"] = "ComfyUI gave no output (see test_every_library_node_runs_in_comfyui)"
            elif port["type"] in ("IMAGE", "MASK"):
                images = shown["images"]
                got = [png_u8(comfyui_server.view(image)) for image in images]
                want = want_arrays[name]
                if port["type"] == "MASK":
                    got = [g[..., 0] for g in got]
                if len(got) != len(want) or any(g.shape != w.shape or (g != w).any() for g, w in zip(got, want)):
                    wrong[f"{case['id']}.{name}"] = (
                        [g.shape for g in got], [w.shape for w in want],
                        max((int(np.abs(g.astype(int) - w).max()) for g, w in zip(got, want) if g.shape == w.shape),
                            default=None))
            else:
                got = shown["text"]
                if got != [script_values[case["id"]][name]]:
                    wrong[f"{case['id']}.{name}"] = (got, script_values[case["id"]][name])
    assert wrong == {}
