"""The built ComfyUI-LOKI pack inside a real ComfyUI 0.3.64: loading, /object_info, prompts, flow nodes, markers, backends.

Runs on the real ComfyUI of shared/tools/comfyui (conftest.py fixtures, comfyui_tool.py): one server for the
session, started without COMFYUI_PATH; the pack is built from the repo's library with the `loki` CLI (comfy_real.py).
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import comfy_real
from comfy_real import PACK_FOLDER, png_u8, save_image_u8
from comfyui_tool import PromptRejected

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def work(loki_build):
    return loki_build.work


@pytest.fixture(scope="module")
def library(loki_build):
    return loki_build.library


@pytest.fixture(scope="module")
def pack(loki_build):
    return loki_build.pack


@pytest.fixture(scope="module")
def server(comfyui_server):
    return comfyui_server


@pytest.fixture(scope="module")
def object_info(server):
    return server.get_json("/object_info")


@pytest.fixture(scope="module")
def configs(pack):
    """class_type -> (node folder, config) for every node folder of the pack that ComfyUI can import."""
    found = {}
    for folder in sorted((pack / "nodes").iterdir()):
        config = folder / f"{folder.name}.json"
        if (folder / "__init__.py").is_file() and config.is_file():
            pascal = "".join(part.capitalize() for part in folder.name.split("_"))
            found["Loki" + pascal] = (folder, json.loads(config.read_text(encoding="utf-8")))
    assert len(found) >= 20, sorted(found)
    return found


@pytest.fixture(scope="module")
def ramp(library):
    return library / "nodes" / "image_blur" / "examples" / "ramp.png"


def script_run(folder: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"real_{folder.name}", folder / f"{folder.name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


# ---- 1. loading ---------------------------------------------------------------------------------------------


def test_comfyuis_own_loader_imports_the_pack_under_another_folder_name_and_installs_nothing(comfyui_copy, server,
                                                                                                configs):
    proc = subprocess.run([sys.executable, str(HERE / "comfy_real_loader.py"), str(comfyui_copy.comfyui),
                           str(server.comfyui / "custom_nodes")], capture_output=True, text=True, timeout=300,
                          env=comfyui_copy.env())
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    report = json.loads(lines[-1][len("REPORT "):])
    assert "IMPORT FAILED" not in proc.stderr.split("Import times for custom nodes")[-1].split("comfy_extras")[0]
    assert set(configs) | {"LokiInput", "LokiOutput"} <= set(report["added"])
    assert {report["module"][k] for k in configs} == {f"custom_nodes.{PACK_FOLDER}"}
    assert report["spawned"] == [] and not report["pip_imported"]


def _expected_spec(port: dict):
    kind = port.get("type")
    options = {key: port[key] for key in ("default", "min", "max", "step", "multiline") if key in port}
    return (port["options"] if kind == "COMBO" else kind), options


def test_every_library_node_is_in_object_info_with_its_interface(object_info, configs):
    problems = []
    for class_type, (folder, config) in configs.items():
        info = object_info.get(class_type)
        if info is None:
            problems.append(f"{class_type}: missing from /object_info")
            continue
        if info["category"] != f"LOKI 🦊/{config.get('category', 'flows')}":
            problems.append(f"{class_type}: category {info['category']!r}")
        inputs = config.get("inputs") or {}
        for section, required in (("required", True), ("optional", False)):
            names = [n for n, p in inputs.items() if (p.get("required", True) is not False) == required]
            if info["input_order"].get(section, []) != names:
                problems.append(f"{class_type}: {section} order {info['input_order'].get(section)} != {names}")
            for name in names:
                got = info["input"][section][name]
                kind, options = _expected_spec(inputs[name])
                if got[0] != kind:
                    problems.append(f"{class_type}.{name}: type {got[0]!r} != {kind!r}")
                for key, value in options.items():
                    if (got[1] if len(got) > 1 else {}).get(key) != value:
                        problems.append(f"{class_type}.{name}: {key} {got[1].get(key)!r} != {value!r}")
        outputs = config.get("outputs") or {}
        if info["output"] != [p["type"] for p in outputs.values()] or info["output_name"] != list(outputs):
            problems.append(f"{class_type}: outputs {info['output']} {info['output_name']}")
        if not info["display_name"].endswith(" (LOKI)") or info["python_module"] != f"custom_nodes.{PACK_FOLDER}":
            problems.append(f"{class_type}: display {info['display_name']!r}, module {info['python_module']!r}")
    assert problems == []


def test_display_names_come_from_the_name_layer(object_info, configs):
    wrong = {}
    for class_type, (folder, _) in configs.items():
        layer = folder / f"{folder.name}_name.md"
        if not layer.is_file():
            continue
        fields = {}
        for line in layer.read_text(encoding="utf-8").splitlines():
            if line.startswith("- **") and "**:" in line:
                key, _, value = line[4:].partition("**:")
                fields[key.strip().upper().replace(" ", "_")] = value.strip()
        want = f"{fields['EMOJI_ICON']} {fields['OFFICIAL_NAME']} (LOKI)" if "EMOJI_ICON" in fields else None
        if want and object_info[class_type]["display_name"] != want:
            wrong[class_type] = (object_info[class_type]["display_name"], want)
    assert wrong == {}


# ---- 2. a prompt of LOKI nodes on the real server --------------------------------------------------------------


def test_loadimage_levels_saveimage_gives_the_scripts_pixels(server, configs, ramp):
    name = server.upload_png(ramp)
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": name}},
              "2": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.1,
                                                                "white_point": 0.8, "gamma": 1.3}},
              "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "loki_levels"}}}
    prompt_id, messages = server.queue(prompt)
    assert messages[-1]["type"] != "execution_error", messages[-1]
    images = server.history(prompt_id)["outputs"]["3"]["images"]
    got = png_u8(server.view(images[0]))
    want = script_run(configs["LokiImageLevels"][0])(image=str(ramp), black_point=0.1, white_point=0.8,
                                                      gamma=1.3)["image"]
    assert got.shape == want.shape[1:] and (got == save_image_u8(want[0])).all()


def test_a_bad_widget_value_is_rejected_by_comfyuis_validation(server, ramp):
    name = server.upload_png(ramp)
    prompt = {"1": {"class_type": "LoadImage", "inputs": {"image": name}},
              "2": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.1,
                                                                "white_point": 0.8, "gamma": 50.0}},
              "3": {"class_type": "PreviewImage", "inputs": {"images": ["2", 0]}}}
    with pytest.raises(PromptRejected) as info:
        server.queue(prompt)
    errors = info.value.answer["node_errors"]["2"]["errors"]
    assert [e["type"] for e in errors] == ["value_bigger_than_max"]


# ---- 3. a flow node, expanded by ComfyUI ---------------------------------------------------------------------


def _flow_prompt(image_name, white):
    return {"10": {"class_type": "LoadImage", "inputs": {"image": image_name}},
            "11": {"class_type": "LokiLevelsBlur", "inputs": {"image": ["10", 0], "white": white}},
            "12": {"class_type": "SaveImage", "inputs": {"images": ["11", 0], "filename_prefix": "loki_flow"}},
            "13": {"class_type": "MaskToImage", "inputs": {"mask": ["11", 1]}},
            "14": {"class_type": "SaveImage", "inputs": {"images": ["13", 0], "filename_prefix": "loki_flow_mask"}}}


def _flow_script(work):
    return script_run_file(work / "levels_blur.py")


def script_run_file(path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"real_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def test_the_flow_node_is_expanded_by_comfyui_and_gives_the_flow_scripts_pixels(server, object_info, work, library,
                                                                                  ramp, monkeypatch):
    info = object_info["LokiLevelsBlur"]
    assert info["input"]["required"]["image"][0] == "IMAGE"
    assert info["input"]["required"]["white"][1]["default"] == 0.8
    assert info["output"] == ["IMAGE", "MASK"] and info["output_name"] == ["image", "mask"]
    prompt_id, messages = server.queue(_flow_prompt(server.upload_png(ramp), 0.7))
    assert messages[-1]["type"] != "execution_error", messages[-1]
    inner = {m["data"]["node"] for m in messages if m["type"] == "executing" and m["data"].get("node")}
    assert any(node.startswith("11.") for node in inner), inner  # ComfyUI ran the expansion's nodes
    outputs = server.history(prompt_id)["outputs"]
    got_image = png_u8(server.view(outputs["12"]["images"][0]))
    got_mask = png_u8(server.view(outputs["14"]["images"][0]))
    monkeypatch.setenv("LOKI_LIBRARY", str(library))
    want = _flow_script(work)(image=str(ramp), white=0.7, backend="loki")
    assert (got_image == save_image_u8(want["image"][0])).all()
    assert (got_mask[..., 0] == save_image_u8(want["mask"][0])).all()


def test_an_error_inside_the_flow_node_names_the_inner_node(server, ramp):
    # white 0.1 <= the flow's black point 0.2: LokiImageLevels (flow node "3") raises inside the expansion.
    prompt_id, messages = server.queue(_flow_prompt(server.upload_png(ramp), 0.1))
    error = messages[-1]["data"]
    assert messages[-1]["type"] == "execution_error"
    assert error["node_id"] == "11" and error["node_type"] == "LokiLevelsBlur"  # ComfyUI names the top node only
    assert "white_point must be greater than black_point" in error["exception_message"]
    running = [m["data"]["node"] for m in messages if m["type"] == "executing"]
    assert running[-1].startswith("11.") and running[-1].rsplit(".", 1)[1] == "3", running


def test_the_server_backend_names_the_inner_node_of_a_failing_flow_node(server, ramp):
    from loki_runtime import flow
    from loki_runtime import flow_errors as codes
    from loki_runtime.backends.server import ServerBackend
    from loki_runtime.flow_errors import FlowError

    g = flow.Graph()
    node = g.node("LokiLevelsBlur", _title="Levels then blur", image=g.input("image", str(ramp), type="IMAGE"),
                  white=0.1)
    g.output("image", node.out(0))
    with pytest.raises(FlowError) as info:
        ServerBackend(server.url).run(g)
    outer, inner = info.value.nodes
    assert info.value.code == codes.NODE_FAILED and "white_point" in str(info.value)
    assert (outer.node_id, outer.class_type, outer.title) == ("2", "LokiLevelsBlur", "Levels then blur")
    assert inner.node_id.startswith("2.") and inner.node_id.rsplit(".", 1)[1] == "3"  # flow node 3: the levels


# ---- 4. the markers in a workflow run as is --------------------------------------------------------------------


def test_a_workflow_with_markers_runs_as_is_on_the_server(server, ramp):
    prompt = json.loads(json.dumps(comfy_real.LEVELS_BLUR_FLOW))
    prompt["0"] = {"class_type": "LoadImage", "inputs": {"image": server.upload_png(ramp)}}
    prompt["1"]["inputs"]["value"] = ["0", 0]
    prompt_id, messages = server.queue(prompt)
    assert messages[-1]["type"] != "execution_error", messages[-1]
    history = server.history(prompt_id)
    assert history["status"]["status_str"] == "success"
    shown = {k: history["outputs"][k]["text"] for k in ("7", "8")}  # output markers are output nodes and show
    assert shown == {"7": ["image: Tensor [1, 48, 64, 3] torch.float32"],
                     "8": ["mask: Tensor [1, 48, 64] torch.float32"]}, shown
    assert "9" not in history["outputs"] and "9" not in {m["data"].get("node") for m in messages
                                                         if m["type"] == "executing"}  # dead branch never ran


# ---- 5. the flow script's comfyui and server backends ----------------------------------------------------------


def test_flow_script_server_backend_matches_the_loki_backend(server, work, library, ramp, monkeypatch):
    import numpy as np

    monkeypatch.setenv("LOKI_LIBRARY", str(library))
    run = _flow_script(work)
    ours = run(image=str(ramp), white=0.75, backend="loki")
    theirs = run(image=str(ramp), white=0.75, backend="server", server=server.url)
    for name in ("image", "mask"):
        assert theirs[name].shape == ours[name].shape
        # the server hands images back as 8-bit PNGs written by truncation (PreviewImage)
        assert np.array_equal(np.round(theirs[name] * 255), save_image_u8(ours[name]).astype(np.float64)), name


def test_flow_script_comfyui_backend_matches_the_loki_backend(comfyui_copy, work, library, ramp):
    comfyui = comfyui_copy.comfyui
    driver = ("import sys, json, importlib.util, numpy as np\n"
              f"sys.path[:0] = [{str(HERE)!r}, {str(comfy_real.REPO / 'src' / 'python')!r}]\n"
              f"spec = importlib.util.spec_from_file_location('lb', {str(work / 'levels_blur.py')!r})\n"
              "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
              f"a = m.run(image={str(ramp)!r}, white=0.75, backend='loki')\n"
              f"b = m.run(image={str(ramp)!r}, white=0.75, backend='comfyui', comfyui={str(comfyui)!r})\n"
              "print('REPORT ' + json.dumps({k: [list(a[k].shape), list(b[k].shape), "
              "float(np.abs(a[k] - b[k]).max())] for k in a}))\n")
    env = comfyui_copy.env(LOKI_LIBRARY=str(library))
    proc = subprocess.run([sys.executable, "-c", driver], capture_output=True, text=True, timeout=600, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    report = json.loads(lines[-1][len("REPORT "):])
    assert set(report) == {"image", "mask"}
    for name, (ours, theirs, diff) in report.items():
        assert ours == theirs and diff == 0.0, (name, ours, theirs, diff)


# ---- the library's own flows: flow nodes and example workflows --------------------------------------------------


@pytest.fixture(scope="module")
def schemas(work, object_info):
    path = work / "object_info.json"
    path.write_text(json.dumps(object_info), encoding="utf-8")
    return path


def _to_api(workflow: Path, schemas: Path, out: Path) -> dict:
    comfy_real.loki("convert", workflow, "--to", "api", "--schemas", schemas, "-o", out)
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_ui_workflow_with_markers_converts_with_the_servers_schemas_and_runs(server, work, schemas, object_info,
                                                                              ramp):
    flow = json.loads(json.dumps(comfy_real.LEVELS_BLUR_FLOW))
    flow["0"] = {"class_type": "LoadImage", "inputs": {"image": server.upload_png(ramp)}}
    flow["1"]["inputs"]["value"] = ["0", 0]
    api = work / "markers_api.json"
    api.write_text(json.dumps(flow), encoding="utf-8")
    comfy_real.loki("convert", api, "--to", "ui", "--schemas", schemas, "-o", work / "markers_ui.json")
    ui = json.loads((work / "markers_ui.json").read_text(encoding="utf-8"))
    widgets = {n["type"]: n["widgets_values"] for n in ui["nodes"] if n["type"] in ("LokiInput", "LokiOutput")}
    order = object_info["LokiInput"]["input_order"]["required"]
    assert len(widgets["LokiInput"]) == len(order) and widgets["LokiOutput"] in (["image"], ["mask"])
    prompt = _to_api(work / "markers_ui.json", schemas, work / "markers_back.json")
    prompt_id, messages = server.queue(prompt)
    assert messages[-1]["type"] == "execution_success", messages[-1]


def test_every_example_workflow_of_the_pack_runs_on_the_server(server, pack, work, schemas, ramp):
    examples = sorted((pack / "example_workflows").glob("*.json")) if (pack / "example_workflows").is_dir() else []
    if not examples:
        pytest.skip("the library has no flow, so the pack has no example workflow")
    import shutil

    shutil.copy(ramp, server.input_dir / "example.png")  # what the examples' LoadImage nodes name
    prompts = work / "example_prompts"  # one batch conversion: one CLI start for every example
    comfy_real.loki("convert", *examples, "--to", "api", "--schemas", schemas, "-o", prompts)
    failed = {}
    for example in examples:
        prompt = json.loads((prompts / example.name).read_text(encoding="utf-8"))
        try:
            _, messages = server.queue(prompt)
        except PromptRejected as ex:
            failed[example.name] = ex.answer
            continue
        if messages[-1]["type"] != "execution_success":
            failed[example.name] = messages[-1]
    assert failed == {}


def test_library_flow_nodes_in_comfyui_match_their_flow_scripts_on_the_server(server, object_info, configs, ramp,
                                                                              library, monkeypatch):
    import numpy as np

    flows = {k: v for k, v in configs.items() if "flow" in v[1] and k != "LokiLevelsBlur"}
    if not flows:
        pytest.skip("the library has no flow node")
    monkeypatch.setenv("LOKI_LIBRARY", str(library))
    image = server.upload_png(ramp)
    for class_type, (folder, config) in flows.items():
        info = object_info[class_type]
        inputs, prompt, files = {}, {"1": {"class_type": "LoadImage", "inputs": {"image": image}}}, {}
        for name, spec in info["input"]["required"].items():
            if spec[0] == "IMAGE":
                inputs[name], files[name] = ["1", 0], str(ramp)
            elif spec[0] == "MASK":
                inputs[name], files[name] = ["1", 1], None
            else:
                inputs[name] = spec[1].get("default") if len(spec) > 1 else None
        assert None not in files.values(), f"{class_type}: give its MASK inputs a value"
        prompt["2"] = {"class_type": class_type, "inputs": inputs}
        for slot, kind in enumerate(info["output"]):
            if kind == "IMAGE":
                prompt[f"o{slot}"] = {"class_type": "SaveImage", "inputs": {"images": ["2", slot],
                                                                             "filename_prefix": class_type}}
        prompt_id, messages = server.queue(prompt)
        assert messages[-1]["type"] == "execution_success", (class_type, messages[-1])
        outputs = server.history(prompt_id)["outputs"]
        run = script_run_file(folder / f"{folder.name}.py")
        want = run(**{k: (files[k] if k in files else v) for k, v in inputs.items()}, backend="server",
                   server=server.url)
        for slot, name in enumerate(info["output_name"]):
            if info["output"][slot] == "IMAGE":
                got = png_u8(server.view(outputs[f"o{slot}"]["images"][0]))
                # the script's server run hands back the same 8-bit pixels as floats (k / 255)
                assert (got == np.rint(want[name][0] * 255)).all(), (class_type, name)
