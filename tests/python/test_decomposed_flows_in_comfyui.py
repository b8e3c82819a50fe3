"""Issue 13: the flows `loki decompose` grows run, step node by step node, in a real ComfyUI started normally, with
the outputs of the original Python function and of the parent composite script.

The functions: `numpy.base_repr` and `scipy.signal.buttap` (read from the installed packages, as
DecomposeRealPackagesTests does; buttap returns a tuple of arrays) and `caption_card` (fixtures/compose/captions.py,
hand-written, three paragraphs).
Each is decomposed by the `loki` command line into one library outside the repository (the build grows and proves
every composite's flow); the library is packed (`loki pack`) and installed into a copy of ../shared/tools/comfyui
beside a test-owned capture node (fixtures/value_capture). Every composite of the library (the functions and the
steps cut again) has its grown `<n>_workflow.json` converted to the API prompt the frontend would queue; each of its
examples (the JSON inputs decompose generated) plus the cases below sets the input markers' values and is queued
as is, with a capture node on every output (the exact value, where LokiOutput only shows a summary).
"""
from __future__ import annotations

import base64
import importlib
import importlib.util
import inspect
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

import comfy_real
import comfyui_tool

HERE = Path(__file__).resolve().parent
CAPTURE_PACK = HERE / "fixtures" / "value_capture"
CAPTIONS = HERE / "fixtures" / "compose" / "captions.py"

# function name -> the original callable (its source file is what `loki decompose` reads)
FUNCTIONS = {
    "base_repr": (lambda: importlib.import_module("numpy").base_repr),
    "buttap": (lambda: importlib.import_module("scipy.signal").buttap),
    "caption_card": (lambda: _load(CAPTIONS, "captions_original").caption_card),
}

# Inputs beyond the generated examples, for the functions themselves: edge cases a reader would try first.
CASES = {
    "base_repr": [{"number": 255, "base": 16, "padding": 0}, {"number": -42, "base": 3, "padding": 2}],
    "buttap": [{"N": 1}, {"N": 4}],
    "caption_card": [{"title": "  the   quick brown fox ", "width": 30, "fill": "="},
                     {"title": "a title far too long for the card", "width": 12, "fill": "#"}],
}

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent()), reason=str(comfyui_tool.why_absent()))


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _marker_text(value) -> str:
    """A value as the LokiInput marker's `default` widget holds it (text, parsed back by the marker's type)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


def _same(a, b) -> bool:
    """Exact equality, arrays by shape, dtype and values, containers element by element."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _composites(library: Path) -> list[Path]:
    """Every node folder whose grown flow holds two or more library nodes: the functions and the steps cut again."""
    found = []
    for folder in sorted((library / "nodes").iterdir()):
        flow = folder / f"{folder.name}_workflow.json"
        if flow.is_file():
            nodes = json.loads(flow.read_text(encoding="utf-8"))["nodes"]
            if sum(n["type"].startswith("Loki") and n["type"] not in ("LokiInput", "LokiOutput") for n in nodes) >= 2:
                found.append(folder)
    return found


@pytest.fixture(scope="module")
def decomposed(tmp_path_factory):
    """The library `loki decompose` wrote for the three functions, and its pack."""
    work = tmp_path_factory.mktemp("decomposed")
    library = work / "library"
    for function, original in FUNCTIONS.items():
        source = inspect.getsourcefile(inspect.unwrap(original()))
        comfy_real.loki("decompose", f"{source}:{function}", "--into", library / "nodes")
    return library, comfy_real.build_pack(work, library)


@pytest.fixture(scope="module")
def server(decomposed, tmp_path_factory):
    _, pack = decomposed
    server = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("decomposed_comfyui"),
                                      packs={comfy_real.PACK_FOLDER: pack, "loki_value_capture": CAPTURE_PACK})
    yield server
    server.stop()


# What feeds a wildcard ("*") input marker in ComfyUI: the core primitive node of the value's kind, as a user would wire
# one (a marker's default text is read by its declared type, and "*" declares none).
PRIMITIVES = {bool: "PrimitiveBoolean", int: "PrimitiveInt", float: "PrimitiveFloat", str: "PrimitiveStringMultiline"}


def _prompt(api: dict, config: dict, inputs: dict) -> dict:
    """The flow's prompt with the inputs set on the input markers and a capture node on every output marker."""
    prompt = json.loads(json.dumps(api))
    for node_id, node in list(prompt.items()):
        name = node["inputs"].get("name")
        if node["class_type"] != "LokiInput" or name not in inputs:
            continue
        if config["inputs"][name]["type"] == "*":
            value = inputs[name]
            assert type(value) in PRIMITIVES, f"{name}: no core node gives a {type(value).__name__}"
            prompt[f"{node_id}_value"] = {"class_type": PRIMITIVES[type(value)], "inputs": {"value": value}}
            node["inputs"]["value"] = [f"{node_id}_value", 0]
        else:
            node["inputs"]["default"] = _marker_text(inputs[name])
    markers = [n for n in prompt.values() if n["class_type"] == "LokiOutput"]
    for k, marker in enumerate(markers):
        prompt[f"capture{k}"] = {"class_type": "LokiTestCapture",
                                 "inputs": {"value": marker["inputs"]["value"], "name": marker["inputs"]["name"]}}
    return prompt


@pytest.fixture(scope="module")
def runs(decomposed, server):
    """Each composite's flow queued on each of its examples (and the cases of its function)."""
    library, _ = decomposed
    work = library.parent
    results = []
    for folder in _composites(library):
        api_file = work / f"{folder.name}.api.json"
        comfy_real.loki("convert", folder / f"{folder.name}_workflow.json", "--to", "api", "-o", api_file,
                        "--library", library)
        api = json.loads(api_file.read_text(encoding="utf-8"))
        config = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
        cases = [e["inputs"] for e in config.get("examples", [])] + CASES.get(folder.name, [])
        for index, inputs in enumerate(cases):
            prompt = _prompt(api, config, inputs)
            prompt_id, messages = server.queue(prompt)
            history = server.history(prompt_id)
            outputs = {}
            for node_id, shown in history["outputs"].items():
                if "pickle" in shown:
                    outputs[shown["name"][0]] = pickle.loads(base64.b64decode(shown["pickle"][0]))
            results.append({"id": f"{folder.name}[{index}]", "folder": folder, "config": config, "inputs": inputs,
                            "prompt": prompt, "messages": messages, "history": history, "outputs": outputs})
    return results


def test_every_function_and_step_composite_has_a_grown_flow(decomposed):
    library, _ = decomposed
    composites = {f.name for f in _composites(library)}
    # the three functions, and the step of base_repr that is cut again (its digit loop and its padding)
    assert {"base_repr", "base_repr_result", "buttap", "caption_card"} <= composites, composites


def test_the_step_nodes_load_as_loki_nodes_of_the_pack(decomposed, server):
    library, _ = decomposed
    info = server.get_json("/object_info")
    for folder in sorted((library / "nodes").iterdir()):
        config = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
        class_name = "Loki" + "".join(part.capitalize() for part in folder.name.split("_"))
        assert class_name in info, (class_name, sorted(k for k in info if k.startswith("Loki")))
        node = info[class_name]
        assert node["python_module"] == f"custom_nodes.{comfy_real.PACK_FOLDER}", node["python_module"]
        declared = {**node["input"].get("required", {}), **node["input"].get("optional", {})}
        assert set(config["inputs"]) <= set(declared), (class_name, sorted(declared))
        assert node["output_name"] == list(config["outputs"]), (class_name, node["output_name"])


def test_every_composite_flow_runs_node_by_node_in_comfyui(runs):
    assert len(runs) >= 15
    failed = {r["id"]: [m["data"].get("exception_message") for m in r["messages"] if m["type"] == "execution_error"]
              for r in runs if r["history"]["status"]["status_str"] != "success"}
    assert failed == {}
    for run in runs:  # every step node ran as its own ComfyUI node (or ComfyUI reused its output on the same inputs)
        ran = {m["data"]["node"] for m in run["messages"] if m["type"] == "executing" and m["data"].get("node")}
        ran |= {n for m in run["messages"] if m["type"] == "execution_cached" for n in m["data"].get("nodes", [])}
        steps = {i for i, n in run["prompt"].items() if n["class_type"].startswith("Loki")
                 and n["class_type"] not in ("LokiInput", "LokiOutput", "LokiTestCapture")}
        assert len(steps) >= 2 and steps <= ran, (run["id"], steps - ran)
        assert set(run["outputs"]) == set(run["config"]["outputs"]), run["id"]


def test_every_output_equals_the_parent_script(runs):
    wrong = {}
    scripts = {}
    for run in runs:
        folder = run["folder"]
        if folder.name not in scripts:
            scripts[folder.name] = _load(folder / f"{folder.name}.py", f"decomposed_parent_{folder.name}").run
        want = scripts[folder.name](**run["inputs"])
        for name, value in want.items():
            if not _same(value, run["outputs"].get(name)):
                wrong[f"{run['id']}.{name}"] = (repr(run["outputs"].get(name))[:200], repr(value)[:200])
    assert wrong == {}


def test_the_functions_flows_give_what_the_original_functions_return(runs):
    checked, wrong = 0, {}
    for run in runs:
        name = run["folder"].name
        if name not in FUNCTIONS:
            continue
        want = FUNCTIONS[name]()(**run["inputs"])
        ports = list(run["config"]["outputs"])
        got = run["outputs"][ports[0]] if len(ports) == 1 else tuple(run["outputs"][p] for p in ports)
        checked += 1
        if not _same(want, got):
            wrong[run["id"]] = (repr(got)[:200], repr(want)[:200])
    assert checked >= 3 * len(FUNCTIONS) and wrong == {}
