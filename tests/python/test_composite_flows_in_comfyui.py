"""Issue 13: the flows the build grew from the library's composite LOKI Scripts run, node by node, in a real ComfyUI
started normally (the session's comfyui_server with the built pack), with the outputs of the composite script.

For each example of each composite node: its `<n>_workflow.json` (the grown flow: markers, one LOKI node per call,
savers) is converted to the API prompt the frontend would queue (`loki convert --to api`), the example's values are
set where a user sets them (the image loaders' file, the input markers' default widget), and the prompt is queued
as is. The composite script runs the same example in a subprocess (library_script_driver.py); images must be equal
after SaveImage's quantisation (masks through MaskPreview), other values equal as the LokiOutput marker shows them.
"""
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from comfy_real import loki, png_u8, script_outputs


def _composites(library: Path) -> list[Path]:
    return [f for f in sorted((library / "nodes").iterdir())
            if (f / f"{f.name}.py").is_file() and "compose.node(" in (f / f"{f.name}.py").read_text(encoding="utf-8")]


def _marker_text(value) -> str:
    """A value as the LokiInput marker's `default` widget holds it (text, parsed back by the marker's type)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def _prompt(api: dict, folder: Path, example: dict, server, staging: Path, case_id: str) -> tuple[dict, dict]:
    """The flow's prompt with the example's values set, and the inputs the script gets."""
    prompt = json.loads(json.dumps(api))
    config = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
    values = example.get("inputs") or {}
    script_inputs = {}
    for node in prompt.values():
        if node["class_type"] != "LokiInput":
            continue
        name = node["inputs"]["name"]
        port = config["inputs"][name]
        if name not in values:
            continue
        value = values[name]
        if port["type"] in ("IMAGE", "MASK"):
            source = (folder / value).resolve()
            staged = staging / f"{case_id}__{name}{source.suffix}"
            shutil.copy(source, staged)
            loader = prompt[node["inputs"]["value"][0]]
            loader["inputs"]["image"] = server.upload_png(staged)
            script_inputs[name] = str(source)
        else:
            node["inputs"]["default"] = _marker_text(value)
            script_inputs[name] = value
    return prompt, script_inputs


@pytest.fixture(scope="module")
def runs(comfyui_server, loki_build, comfyui_copy, tmp_path_factory):
    work = tmp_path_factory.mktemp("composite_flows")
    cases, script_cases = [], []
    for folder in _composites(loki_build.library):
        api_file = work / f"{folder.name}.api.json"
        loki("convert", folder / f"{folder.name}_workflow.json", "--to", "api", "-o", api_file, "--library", loki_build.library)
        api = json.loads(api_file.read_text(encoding="utf-8"))
        config = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
        for example in config["examples"]:
            case_id = f"{folder.name}__{example['name']}"
            prompt, script_inputs = _prompt(api, folder, example, comfyui_server, work, case_id)
            prompt_id, messages = comfyui_server.queue(prompt)
            cases.append({"id": case_id, "folder": folder, "config": config, "prompt": prompt, "messages": messages,
                          "history": comfyui_server.history(prompt_id)})
            script_cases.append({"id": case_id, "inputs": script_inputs, "script": str(folder / f"{folder.name}.py")})
    return cases, script_outputs(script_cases, work, comfyui_copy.env(loki_build.pack, comfyui_path=True)), work


def test_six_composites_with_their_grown_flows(loki_build):
    composites = _composites(loki_build.library)
    assert len(composites) >= 6
    for folder in composites:
        flow = json.loads((folder / f"{folder.name}_workflow.json").read_text(encoding="utf-8"))
        assert flow["extra"]["loki"]["source"] == f"{folder.name}.py"
        library_nodes = [n for n in flow["nodes"] if n["type"].startswith("Loki") and n["type"] not in ("LokiInput", "LokiOutput")]
        assert len(library_nodes) >= 2, folder.name  # a flow of the called nodes, not the one-node flow


def test_every_composite_flow_runs_node_by_node_in_comfyui(runs):
    cases, _, _ = runs
    failed = {c["id"]: [m for m in c["messages"] if m["type"] == "execution_error"]
              for c in cases if c["history"]["status"]["status_str"] != "success"}
    assert failed == {}
    for case in cases:  # every called node ran as its own ComfyUI node
        ran = {m["data"]["node"] for m in case["messages"] if m["type"] == "executing" and m["data"].get("node")}
        called = {i for i, n in case["prompt"].items() if n["class_type"].startswith("Loki") and n["class_type"] != "LokiInput"}
        assert called <= ran, (case["id"], called - ran)


def test_every_output_equals_the_composite_scripts(runs, comfyui_server):
    cases, script_values, work = runs
    wrong = {}
    for case in cases:
        outputs = case["history"]["outputs"]
        prompt = case["prompt"]
        want_arrays = np.load(work / f"{case['id']}.npz")
        for name, port in case["config"]["outputs"].items():
            marker = next(i for i, n in prompt.items() if n["class_type"] == "LokiOutput" and n["inputs"]["name"] == name)
            source = prompt[marker]["inputs"]["value"]
            if port["type"] in ("IMAGE", "MASK"):
                saver = next(i for i, n in prompt.items() if n["class_type"] in ("SaveImage", "MaskPreview")
                             and source in (n["inputs"].get("images"), n["inputs"].get("mask")))
                got = [png_u8(comfyui_server.view(image)) for image in outputs[saver]["images"]]
                if port["type"] == "MASK":
                    got = [g[..., 0] for g in got]
                want = want_arrays[name]
                if len(got) != len(want) or any(g.shape != w.shape or (g != w).any() for g, w in zip(got, want)):
                    wrong[f"{case['id']}.{name}"] = ([g.shape for g in got], [w.shape for w in want])
            elif outputs[marker]["text"] != [script_values[case["id"]][name]]:
                wrong[f"{case['id']}.{name}"] = (outputs[marker]["text"], script_values[case["id"]][name])
    assert wrong == {}
