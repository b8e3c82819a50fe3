"""LOKI Flows in Python: build a ComfyUI API prompt, run it on a backend, give it the script CLI.

    from loki_runtime import flow

    FLOW = flow.Flow(__file__, name="upscale_and_blur")

    @FLOW.entry
    def run(image: flow.Image, radius: int = 3, seed: int = flow.Seed(42, control="increment"), *,
            backend: str = "loki"):
        g = flow.Graph()
        src = g.input("image", image, type="IMAGE")
        blurred = g.node("LokiImageBlur", image=src, radius=radius)
        g.output("image", blurred.out(0))
        return FLOW.execute(g, backend=backend)

See docs/flow-runtime.md and contracts.md §2.3.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import flow_errors as codes
from .flow_errors import FlowError, FlowValidationError, NodeRef
from .flow_seed import SEED_CONTROLS, Seed
from .graph_builder import is_link
from .markers import INPUT_MARKER

try:  # the port type markers belong to the script runtime; re-exported so flow scripts need one import
    from .types import Any as AnyValue, Audio, Description, Image, Latent, Mask, Multiline, Opaque, Output, Range  # noqa: F401
except ImportError:  # pragma: no cover - only while the script runtime is absent
    pass

__all__ = ["Graph", "NodeHandle", "Flow", "Seed", "SEED_CONTROLS", "FlowError", "FlowValidationError",
           "BACKENDS", "value"]

BACKENDS = ("loki", "comfyui", "server")


class NodeHandle:
    """A node added to a Graph; `.out(i)` is the link `[id, i]` to its i-th output."""

    def __init__(self, graph: "Graph", node_id: str):
        self.graph = graph
        self.id = node_id

    @property
    def class_type(self) -> str:
        return self.graph.nodes[self.id]["class_type"]

    def out(self, index: int = 0) -> list:
        return [self.id, int(index)]

    def __repr__(self) -> str:
        return f"<node {self.id} {self.class_type}>"


class value:  # noqa: N801 - reads as a marker in flow scripts: flow.value([1, 2])
    """Wraps a list constant so that it is not read as a link (`{"__value__": [...]}` in the prompt)."""

    def __init__(self, items: list):
        self.items = list(items)


_constant = value  # the wrapper under a name that `value` parameters do not shadow


# ComfyUI nodes whose files a flow output reproduces: each writes 8-bit PNGs as `np.clip(255. * i, 0, 255)
# .astype(np.uint8)` (nodes.py SaveImage.save_images; PreviewImage and MaskPreview subclass it).
SAVERS = ("SaveImage", "PreviewImage", "MaskPreview")


class Graph:
    """Builds an API-format prompt: `{id: {"class_type", "inputs", "_meta": {"title"}}}` with string ids."""

    def __init__(self):
        self.nodes: dict[str, dict] = {}
        self.outputs: dict[str, list] = {}
        self.savers: dict[str, str] = {}  # output name -> the ComfyUI node that saved it in the workflow
        self.saver_nodes: dict[str, tuple] = {}  # output name -> (id, title, widget inputs) of that saver node
        self._next_id = 1

    def node(self, class_type: str, _id: str | None = None, _title: str | None = None, **inputs: Any) -> NodeHandle:
        """Adds a node. Inputs are constants, links (`handle.out(i)`) or handles (meaning output 0)."""
        node_id = str(_id) if _id is not None else self._allocate_id()
        if node_id in self.nodes:
            raise FlowError(codes.DUPLICATE_NODE, f"node id {node_id} is used twice", (NodeRef(node_id, class_type),))
        self.nodes[node_id] = {
            "class_type": class_type,
            "inputs": {name: _input_value(v) for name, v in inputs.items() if v is not None},
            "_meta": {"title": _title or class_type},
        }
        return NodeHandle(self, node_id)

    def input(self, name: str, value: Any = None, type: str = "*", default: Any = None, min: Any = None,
              max: Any = None, description: str = "") -> list:
        """Declares a flow input with a `LokiInput` marker fed by `value`; returns the link to use downstream. A list
        that is not a link (`["id", slot]`, as an enclosing flow passes it) is data: it is wrapped as `value([...])`."""
        if isinstance(value, list) and not is_link(value):
            value = _constant(value)
        marker = self.node(INPUT_MARKER, _title=name, name=name, type=type,
                           default="" if default is None else _widget_text(default),
                           min="" if min is None else _widget_text(min), max="" if max is None else _widget_text(max),
                           description=description or "", value=value)
        return marker.out(0)

    def output(self, name: str, link: Any, saved_by: str | None = None, _id: str | None = None,
               _title: str | None = None, **saver_inputs: Any) -> None:
        """Declares the flow output `name` as the value behind `link`. `saved_by` names the ComfyUI node that saved or
        previewed it in the workflow (`SaveImage`, `PreviewImage`, `MaskPreview`): the script then writes the file
        with that node's pixels (SAVERS), not its own rounding. `_id`, `_title` and the saver's widget inputs
        (`filename_prefix=...`) put that node back in the prompt written as PNG metadata (png_metadata)."""
        link = _input_value(link)
        if saved_by is not None and saved_by not in SAVERS:
            raise FlowError(codes.BAD_OUTPUT, f"flow output {name!r}: saved_by={saved_by!r} is not one of "
                                              f"{', '.join(SAVERS)}")
        if not is_link(link) or link[0] not in self.nodes:
            raise FlowError(codes.BAD_OUTPUT, f"flow output {name!r} must be a link to a node of this graph; got {link!r}")
        if name in self.outputs:
            raise FlowError(codes.DUPLICATE_OUTPUT, f"flow output {name!r} is declared twice")
        self.outputs[name] = link
        if saved_by is not None:
            self.savers[name] = saved_by
            self.saver_nodes[name] = (None if _id is None else str(_id), _title, saver_inputs)
        elif _id is not None or _title is not None or saver_inputs:
            raise FlowError(codes.BAD_OUTPUT, f"flow output {name!r}: _id, _title and saver inputs need saved_by=")

    def prompt(self) -> dict:
        """The API prompt (a deep copy; in-memory values such as arrays are kept as they are)."""
        return {nid: {"class_type": n["class_type"], "inputs": dict(n["inputs"]), "_meta": dict(n["_meta"])}
                for nid, n in self.nodes.items()}

    def title(self, node_id: str) -> str | None:
        return self.nodes.get(node_id, {}).get("_meta", {}).get("title")

    def _allocate_id(self) -> str:
        while str(self._next_id) in self.nodes:
            self._next_id += 1
        node_id = str(self._next_id)
        self._next_id += 1
        return node_id


def _input_value(v: Any) -> Any:
    if isinstance(v, NodeHandle):
        return v.out(0)
    if isinstance(v, value):
        return {"__value__": v.items}
    if isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], int):
        return list(v)
    return v


def _widget_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


class Flow:
    """One flow script: its file, name, seed states and warm backends (kept across calls in one process)."""

    def __init__(self, path: str | os.PathLike, name: str | None = None, library: str | os.PathLike | None = None,
                 workflow: dict | None = None):
        self.path = Path(path).resolve()
        self.workflow = workflow  # the flow's UI workflow: written as the `workflow` PNG chunk with --png-metadata
        self.name = name or self.path.stem
        self.library = Path(library).resolve() if library else None
        self.settings: dict[str, Any] = {}
        self.seeds: dict[str, Seed] = {}
        self._backends: dict[tuple, Any] = {}
        self._capture: list | None = None
        self.savers: dict[str, str] = {}  # of the graph run last: which outputs a ComfyUI saver node defines
        self.last_graph: Graph | None = None  # the graph run last (its prompt is the PNG metadata's)
        self.function = None
        self.script = None

    # ---- the script entry ---------------------------------------------------------------------------

    def entry(self, fn):
        """Gives `fn` the script CLI of contracts §2.1; seeds (`flow.Seed` defaults) keep their control state."""
        from .flow_entry import FlowEntry

        self.function = fn
        self.script = FlowEntry(self, fn)
        return self.script

    def configure(self, **settings: Any) -> "Flow":
        """Backend settings: `comfyui=PATH`, `server=URL`, `library=PATH`, `timeout=SECONDS`."""
        for key, val in settings.items():
            if key == "library":
                self.library = Path(val).resolve() if val else None
            elif val is not None:
                self.settings[key] = val
        return self

    # ---- running ------------------------------------------------------------------------------------

    def execute(self, graph: Graph, backend: str | None = None, **settings: Any) -> dict[str, Any]:
        """Runs `graph` and returns its outputs by name (IMAGE as numpy `[B,H,W,C]` float32, MASK `[B,H,W]`)."""
        if self._capture is not None:  # a flow node is reading the graph, not running it
            self._capture.append(graph)
            return {name: None for name in graph.outputs}
        if not graph.outputs:
            raise FlowError(codes.NO_OUTPUTS, f"flow {self.name!r} declares no output (use graph.output(name, link))")
        kind = backend or self.settings.get("backend") or os.environ.get("LOKI_BACKEND") or "loki"
        self.savers = dict(graph.savers)
        self.last_graph = graph
        return self.backend(kind, **settings).run(graph, self)

    def backend(self, kind: str, **settings: Any):
        """The warm backend of this kind (created on first use, reused by later calls)."""
        merged = dict(self.settings, **{k: v for k, v in settings.items() if v is not None})
        if kind == "loki":
            key: tuple = ("loki", str(self.library_roots()))
        elif kind == "comfyui":
            key = ("comfyui", merged.get("comfyui") or os.environ.get("COMFYUI_PATH"))
        elif kind == "server":
            key = ("server", merged.get("server") or os.environ.get("COMFYUI_SERVER"))
        else:
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"unknown backend {kind!r} (choose one of {', '.join(BACKENDS)})")
        if key not in self._backends:
            self._backends[key] = _make_backend(kind, key[1], merged, self)
        return self._backends[key]

    def library_roots(self) -> list[Path]:
        """Where LOKI nodes are looked up: `library=`, `LOKI_LIBRARY`, then the pack or repo around the flow."""
        from .node_registry import library_roots

        return library_roots(self.path, self.library)

    def capture(self, fn, **kwargs: Any) -> Graph:
        """Calls the flow function in graph-capture mode: returns the Graph it builds instead of running it."""
        self._capture = []
        try:
            fn(**kwargs)
            graphs = self._capture
        finally:
            self._capture = None
        if len(graphs) != 1:
            raise FlowError(codes.BAD_FLOW_FILE, f"flow {self.name!r} must call execute() exactly once; it called it "
                                                 f"{len(graphs)} times")
        return graphs[0]


def _make_backend(kind: str, location: Any, settings: dict, flow: Flow):
    if kind == "loki":
        from .backends.loki import LokiBackend

        return LokiBackend(flow.library_roots())
    if kind == "comfyui":
        from .backends.comfyui import ComfyUIBackend

        return ComfyUIBackend.open(location, flow.library_roots())
    from .backends.server import ServerBackend

    return ServerBackend(location, timeout=float(settings.get("timeout", 600)))
