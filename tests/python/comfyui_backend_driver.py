"""Runs flows through the comfyui backend (ComfyUI's own executor) and the loki backend; prints JSON results.

Started by test_flow_comfyui_backend.py in a subprocess (ComfyUI's modules are process-global), with the real
ComfyUI's helper folders on PYTHONPATH (comfyui_tool.ComfyUICopy.env()).
"""
import json
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO / "src" / "python")]

import numpy as np  # noqa: E402

from flow_test_nodes import CLASSES  # noqa: E402
from loki_runtime import flow  # noqa: E402
from loki_runtime.backends.comfyui import ComfyUIBackend  # noqa: E402
from loki_runtime.backends.loki import LokiBackend  # noqa: E402
from loki_runtime.flow_errors import FlowError  # noqa: E402
from loki_runtime.flow_node import make_flow_node  # noqa: E402


def graph_of(prompt: dict, outputs: dict) -> flow.Graph:
    g = flow.Graph()
    for node_id, node in prompt.items():
        g.node(node["class_type"], _id=node_id, **node["inputs"])
    for name, link in outputs.items():
        g.output(name, link)
    return g


def main(comfyui: str, work: str) -> dict:
    report = {}
    comfy = ComfyUIBackend.open(comfyui, [REPO])
    report["import_failed"] = list(comfy.import_failed)  # ComfyUI's own extras that did not load in-process
    report["node_classes"] = len(comfy.nodes.NODE_CLASS_MAPPINGS)
    for name, cls in CLASSES.items():
        comfy.nodes.NODE_CLASS_MAPPINGS.setdefault(name, cls)
    loki = LokiBackend([REPO], extra_classes=CLASSES)

    # 1. the executor contract: the same prompts under ComfyUI's executor and ours
    cases = {
        "lists": ({"1": {"class_type": "Range3", "inputs": {"start": 10}},
                   "2": {"class_type": "Add", "inputs": {"a": ["1", 0], "b": 100}},
                   "3": {"class_type": "Sum", "inputs": {"values": ["2", 0], "offset": 1}}},
                  {"each": ["2", 0], "total": ["3", 0]}),
        "expansion": ({"1": {"class_type": "Number", "inputs": {"value": 5}},
                       "7": {"class_type": "AddTwice", "inputs": {"value": ["1", 0], "amount": 3}}},
                      {"value": ["7", 0], "label": ["7", 1]}),
        "expansion_per_item": ({"1": {"class_type": "Range3", "inputs": {"start": 0}},
                                "2": {"class_type": "AddTwiceEach", "inputs": {"value": ["1", 0], "amount": 1}}},
                               {"value": ["2", 0]}),
        "nested": ({"1": {"class_type": "Number", "inputs": {"value": 1}},
                    "4": {"class_type": "AddTwiceNested", "inputs": {"value": ["1", 0], "fail": False}}},
                   {"value": ["4", 0]}),
        "lazy": ({"1": {"class_type": "Number", "inputs": {"value": 1}},
                  "2": {"class_type": "Fail", "inputs": {"value": ["1", 0]}},
                  "3": {"class_type": "Choose", "inputs": {"use_a": True, "a": ["1", 0], "b": ["2", 0]}}},
                 {"value": ["3", 0]}),
    }
    for name, (prompt, outputs) in cases.items():
        report[name] = {"comfyui": comfy.run(graph_of(prompt, outputs)), "loki": loki.run(graph_of(prompt, outputs))}

    # 2. an image flow with an input marker: pixels exact in memory
    picture = np.linspace(0, 1, 2 * 8 * 6 * 3, dtype=np.float32).reshape(2, 8, 6, 3)
    g = flow.Graph()
    inverted = g.node("ImageInvert", _title="Invert", image=g.input("image", picture, type="IMAGE"))
    g.output("image", inverted.out(0))
    out = comfy.run(g)["image"]
    report["invert_max_error"] = float(np.abs(out - (1.0 - picture)).max())

    # 3. a LOKI library node run by ComfyUI gives the loki backend's pixels
    g = flow.Graph()
    blurred = g.node("LokiImageBlur", image=g.input("image", picture, type="IMAGE"), radius=2.0)
    g.output("image", blurred.out(0))
    report["library_node_max_diff"] = float(np.abs(comfy.run(g)["image"] - loki.run(g)["image"]).max())

    # 4. seeds through a warm session (the V3 PrimitiveInt of ComfyUI)
    FLOW = flow.Flow(Path(work) / "seeds.py", name="seeds")

    @FLOW.entry
    def run(seed: int = flow.Seed(5, control="increment"), *, backend: str = "comfyui"):
        gg = flow.Graph()
        gg.output("seed", gg.node("PrimitiveInt", value=seed).out(0))
        return FLOW.execute(gg, backend=backend)

    FLOW.configure(comfyui=comfyui)
    report["seeds"] = [run()["seed"] for _ in range(3)]

    # 5. errors name node id, title and type
    g = flow.Graph()
    empty = g.node("EmptyImage", width=8, height=8, batch_size=1, color=0)
    g.output("mask", g.node("ImageToMask", _title="Alpha of RGB", image=empty.out(0), channel="alpha").out(0))
    try:
        comfy.run(g)
    except FlowError as ex:
        report["error"] = {"code": ex.code, "node": [ex.node.node_id, ex.node.title, ex.node.class_type]}
    g = flow.Graph()
    g.output("x", g.node("Number", _title="Too big", value=1000).out(0))
    try:
        comfy.run(g)
    except FlowError as ex:
        report["rejected"] = {"code": ex.code, "node": [ex.node.node_id, ex.node.title, ex.node.class_type]}

    # 6. a flow node expands inside ComfyUI's executor
    script = Path(work) / "blur_flow.py"
    script.write_text(textwrap.dedent('''
        from loki_runtime import flow
        FLOW = flow.Flow(__file__, name="blur_flow", library=%r)

        @FLOW.entry
        def run(image: flow.Image, radius: float = 2.0, *, backend: str = "loki"):
            g = flow.Graph()
            blurred = g.node("LokiImageBlur", _title="Soften", image=g.input("image", image, type="IMAGE"), radius=radius)
            g.output("image", g.node("LokiImageLevels", image=blurred, gamma=1.5).out(0))
            return FLOW.execute(g, backend=backend)
    ''' % str(REPO)))
    node = make_flow_node(script, class_type="LokiBlurFlow")
    comfy.nodes.NODE_CLASS_MAPPINGS["LokiBlurFlow"] = node
    loki.extra_classes["LokiBlurFlow"] = node
    g = flow.Graph()
    wrapped = g.node("LokiBlurFlow", image=g.input("image", picture, type="IMAGE"), radius=2.0)
    g.output("image", wrapped.out(0))
    via_comfy, via_loki = comfy.run(g)["image"], loki.run(g)["image"]
    report["flow_node_max_diff"] = float(np.abs(via_comfy - via_loki).max())
    report["flow_node_inner_nodes"] = sorted(m[1]["node"] for m in comfy.messages if m[0] == "executing" and m[1].get("node"))
    return report


if __name__ == "__main__":
    print("REPORT " + json.dumps(main(sys.argv[1], sys.argv[2]), default=lambda o: o.tolist() if hasattr(o, "tolist") else str(o)))
