"""A LOKI Flow as one ComfyUI node that expands into the flow (`{"result": ..., "expand": graph}`).

`make_flow_node(flow_path)` returns a V1 node class. Its sockets and widgets come from the flow's interface
(`<n>.json` beside the flow, else the flow script's signature, else the markers of an API-prompt flow). Socket
inputs are declared `rawLink`, so the node receives the upstream link and wires it into the flow's
`LokiInput` marker: the inner graph depends on the real upstream node and ComfyUI's cache and progress work
across the boundary. Every execution re-reads the flow file when it changed (edits reach every use), builds
the graph, prefixes its ids with `GraphBuilder.alloc_prefix()` (deterministic per call) and returns it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

from . import flow_errors as codes
from .flow_errors import FlowError
from .graph_builder import graph_builder_class, is_link
from .markers import ANY, INPUT_MARKER, OUTPUT_MARKER, parse_bound

FLOW_CATEGORY = "LOKI 🦊/flows"
MARKER_ID_PREFIX = "loki_input_"
_WIDGETS = ("INT", "FLOAT", "STRING", "BOOLEAN", "COMBO")


class FlowSource:
    """The flow behind a flow node, re-read whenever its file changes."""

    def __init__(self, path: Path):
        self.path = Path(path).resolve()
        self._stamp: tuple | None = None
        self.interface = None
        self._build = None  # (values) -> (prompt, {output name: link})

    def current(self) -> "FlowSource":
        try:
            stat = self.path.stat()
        except OSError as ex:
            raise FlowError(codes.BAD_FLOW_FILE, f"cannot read the flow {self.path}: {ex}") from ex
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp != self._stamp:
            self._load()
            self._stamp = stamp
        return self

    def _load(self) -> None:
        if self.path.suffix == ".py":
            self._load_script()
        else:
            self._load_prompt()

    def _load_script(self) -> None:
        from .flow_entry import FlowEntry

        digest = hashlib.sha1(str(self.path).encode()).hexdigest()[:10]
        name = f"loki_flow_{self.path.stem}_{digest}"
        spec = importlib.util.spec_from_file_location(name, self.path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as ex:
            del sys.modules[name]
            raise FlowError(codes.BAD_FLOW_FILE, f"cannot import the flow {self.path}: {type(ex).__name__}: {ex}") from ex
        entries = [v for v in vars(module).values() if isinstance(v, FlowEntry)]
        if not entries and self._load_composite(module):
            return
        if len(entries) != 1:
            raise FlowError(codes.BAD_FLOW_FILE, f"{self.path} must define exactly one @FLOW.entry function; found {len(entries)}")
        entry = entries[0]
        self.interface = entry.interface
        flow, function = entry.flow, entry.flow.function
        self._roots = flow.library_roots()

        def build(values: dict):
            graph = flow.capture(function, **values)
            return graph.prompt(), dict(graph.outputs)

        self._build = build
        if not self.interface.outputs:  # outputs are declared by g.output(): learn them from one capture
            self.interface = _with_outputs(self.interface, self._placeholder_outputs())

    def _load_composite(self, module) -> bool:
        """A composite LOKI Script (`@compose.entry`): the node expands into the graph its run() calls, captured the
        way `--backend` runs it (compose_flow), so its parts run as ComfyUI nodes. False when `module` is none."""
        from . import compose_flow

        composites = [v for v in vars(module).values() if isinstance(v, compose_flow.ComposedScript)]
        if len(composites) != 1:
            return False
        composite = composites[0]
        self.interface = composite.interface
        self._roots = None  # the interface declares its outputs: no capture needed to learn them

        def build(values: dict):
            graph = compose_flow.capture(composite, values)
            return graph.prompt(), dict(graph.outputs)

        self._build = build
        return True

    def _placeholder_outputs(self) -> list[tuple[str, str]]:
        values = {p.name: (p.default if p.default is not None else [f"__{p.name}", 0]) for p in self.interface.inputs}
        prompt, outputs = self._build(values)
        return [(name, _output_type(prompt, link, self._roots)) for name, link in outputs.items()]

    def _load_prompt(self) -> None:
        try:
            prompt = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as ex:
            raise FlowError(codes.BAD_FLOW_FILE, f"cannot read the flow {self.path}: {ex}") from ex
        if not isinstance(prompt, dict) or not all(isinstance(v, dict) and "class_type" in v for v in prompt.values()):
            raise FlowError(codes.BAD_FLOW_FILE, f"{self.path} is not an API-format prompt; convert it with "
                                                 "`loki convert FLOW --to script` first")
        self.interface = interface_from_markers(prompt, self.path.stem)

        def build(values: dict):
            inner = json.loads(json.dumps(prompt)) if not _has_objects(values) else _copy_prompt(prompt)
            outputs = {}
            for node_id, node in list(inner.items()):
                inputs = node.setdefault("inputs", {})
                if node["class_type"] == INPUT_MARKER and inputs.get("name") in values:
                    inputs["value"] = values[inputs["name"]]
                elif node["class_type"] == OUTPUT_MARKER:
                    outputs[inputs.get("name")] = inputs.get("value")
                    del inner[node_id]  # the flow node's own outputs take the marker's place
            return inner, outputs

        self._build = build

    def build(self, values: dict) -> tuple[dict, dict]:
        return self._build(values)


def _has_objects(values: dict) -> bool:
    return any(not isinstance(v, (str, int, float, bool, list, type(None))) for v in values.values())


def _copy_prompt(prompt: dict) -> dict:
    return {k: {**v, "inputs": dict(v.get("inputs") or {})} for k, v in prompt.items()}


def _output_type(prompt: dict, link: Any, roots: list | None = None) -> str:
    source = prompt.get(link[0]) if is_link(link) else None
    if source is None:
        return "*"
    if source["class_type"] == INPUT_MARKER:
        return str(source["inputs"].get("type") or "*").upper()
    from .node_registry import library_roots, return_type

    return return_type(source["class_type"], int(link[1]), roots if roots is not None else library_roots())


def _with_outputs(interface, outputs: list[tuple[str, str]]):
    import dataclasses

    from .interface import Port

    return dataclasses.replace(interface, outputs=tuple(Port(name, type_) for name, type_ in outputs))


def interface_from_markers(prompt: dict, name: str):
    """The interface of an API-prompt flow: its `LokiInput` and `LokiOutput` markers, in node id order."""
    from .interface import Interface, Port, normalize_type

    def order(item):
        return (0, int(item[0])) if item[0].isdigit() else (1, item[0])

    inputs, outputs, seen = [], [], set()
    for node_id, node in sorted(prompt.items(), key=order):
        widgets = node.get("inputs") or {}
        if node["class_type"] not in (INPUT_MARKER, OUTPUT_MARKER):
            continue
        port_name = widgets.get("name")
        if not isinstance(port_name, str) or not port_name:
            raise FlowError(codes.BAD_MARKER, f"marker node {node_id} has no name")
        key = (node["class_type"], port_name)
        if key in seen:
            raise FlowError(codes.DUPLICATE_INPUT if node["class_type"] == INPUT_MARKER else codes.DUPLICATE_OUTPUT, f"two {node['class_type']} markers are called {port_name!r}")
        seen.add(key)
        if node["class_type"] == OUTPUT_MARKER:
            if not is_link(widgets.get("value")):
                raise FlowError(codes.OUTPUT_UNCONNECTED, f"LOKI Output {port_name!r} (node {node_id}) has nothing connected")
            outputs.append(Port(port_name, _output_type(prompt, widgets["value"], None)))
            continue
        type_ = normalize_type(str(widgets.get("type") or "*"))
        default = None
        if type_ in _WIDGETS and str(widgets.get("default", "")) != "":
            from .markers import parse_default

            default = parse_default(port_name, type_, widgets["default"])
        inputs.append(Port(port_name, type_, description=widgets.get("description") or None,
                           default=default, min=parse_bound(widgets.get("min")), max=parse_bound(widgets.get("max"))))
    return Interface(name=name, inputs=tuple(inputs), outputs=tuple(outputs))


def make_flow_node(flow_path: str | os.PathLike, class_type: str | None = None, display_name: str | None = None,
                   category: str | None = None) -> type:
    """One V1 node class for the flow at `flow_path` (a flow script, a composite LOKI Script or an API prompt with
    markers)."""
    from . import comfy_adapter

    source = FlowSource(Path(flow_path))
    interface = source.current().interface

    def input_types(cls):
        current = source.current().interface
        types = comfy_adapter.input_types(current)
        for section in types.values():
            for name, spec in list(section.items()):
                port = current.input(name)
                if len(spec) > 1 and spec[1].get("control_after_generate") not in (None, True, False):
                    # ComfyUI's option is a bool; the mode (increment...) is the widget's state in the workflow
                    section[name] = (spec[0], {**spec[1], "control_after_generate": True})
                    spec = section[name]
                if port.type not in _WIDGETS:  # sockets receive the upstream link itself
                    options = dict(spec[1]) if len(spec) > 1 else {}
                    options["rawLink"] = True
                    section[name] = (ANY if port.type == "*" else port.type, options)
        return types

    def execute(self, **values):
        current = source.current()
        for port in current.interface.inputs:
            if port.name not in values and port.default is not None:
                values[port.name] = port.default
        # Outer links are passed in as placeholders, so that outer ids never mix with the flow's own ids.
        outer = {f"\x00{k}": v for k, v in values.items() if is_link(v)}
        prompt, outputs = current.build({k: [f"\x00{k}", v[1]] if is_link(v) else v for k, v in values.items()})
        _fold_load_images(prompt, values)
        names = [p.name for p in current.interface.outputs]
        missing = [n for n in names if n not in outputs]
        if missing:
            raise FlowError(codes.BAD_OUTPUT, f"the flow {current.path.name} no longer has the output(s) {', '.join(missing)}")
        ids = expanded_ids(prompt, graph_builder_class().alloc_prefix())
        expand = {}
        for node_id, node in prompt.items():
            expand[ids[node_id]] = {
                "class_type": node["class_type"],
                "inputs": {k: _prefixed(v, ids, outer) for k, v in (node.get("inputs") or {}).items()},
                "_meta": dict(node.get("_meta") or {"title": node["class_type"]}),
            }
        result = tuple(_prefixed(outputs[n], ids, outer) for n in names)
        return {"result": result, "expand": expand}

    name = class_type or comfy_adapter.mapping_key(interface.name)
    attributes = {
        "__doc__": interface.description or f"The LOKI Flow {interface.name} as one node.",
        "CATEGORY": category or FLOW_CATEGORY,
        "DESCRIPTION": interface.description or f"Runs the LOKI Flow {interface.name} (expanded in place).",
        "FUNCTION": "execute",
        "RETURN_TYPES": tuple(ANY if p.type == "*" else p.type for p in interface.outputs),
        "RETURN_NAMES": tuple(p.name for p in interface.outputs),
        "INPUT_TYPES": classmethod(input_types),
        "execute": execute,
        "FLOW_PATH": str(source.path),
        "DISPLAY_NAME": display_name or comfy_adapter.display_name(interface),
    }
    return type(comfy_adapter.class_name(interface.name) + "Flow", (), attributes)


def expanded_ids(prompt: dict, prefix: str) -> dict:
    """The id of each flow node in the expansion: `prefix + id`, so ComfyUI's progress messages name the flow's own
    node ids (the web extension maps them back). Input markers are not nodes of the flow as the editor opens it (they
    become the subgraph's inputs) and their ids are allocated by the flow script, so they could equal the id of a
    node of the saved flow: they get `prefix + "loki_input_" + id` instead."""
    return {node_id: prefix + (MARKER_ID_PREFIX + node_id if node["class_type"] == INPUT_MARKER else node_id)
            for node_id, node in prompt.items()}


def _prefixed(value: Any, ids: dict, outer: dict) -> Any:
    """Links between the flow's own nodes point at their expanded ids; placeholders become the outer (raw) links."""
    if is_link(value):
        if value[0] in outer:
            return list(outer[value[0]])
        if value[0] in ids:
            return [ids[value[0]], value[1]]
    return value


def _fold_load_images(prompt: dict, values: dict) -> None:
    """A `LoadImage` fed by a raw link becomes an input marker passing that link on (output 0 only)."""
    for node_id, node in prompt.items():
        image = (node.get("inputs") or {}).get("image")
        if node["class_type"] == "LoadImage" and is_link(image) and image[0] not in prompt:
            for other in prompt.values():
                for v in (other.get("inputs") or {}).values():
                    if is_link(v) and v[0] == node_id and v[1] != 0:
                        raise FlowError(codes.BAD_FLOW_FILE, f"LoadImage node {node_id} feeds its MASK to another "
                                                             "node; as a flow node, declare the mask with g.input()")
            node["class_type"] = INPUT_MARKER
            node["inputs"] = {"name": f"image_{node_id}", "type": "IMAGE", "default": "", "min": "", "max": "",
                              "description": "", "value": image}
