"""A GraphBuilder compatible with ComfyUI's `comfy_execution.graph_utils`, for running without ComfyUI.

Node expansion (`{"result": ..., "expand": graph}`) needs deterministic, unique ids. ComfyUI allocates them
from a class-level default prefix that its executor sets before every call of a node's function
(`"{unique_id}.{call_index}.{graph_index}."`). This module copies that contract so the same node code runs
in ComfyUI and in the LOKI executor. `graph_builder_class()` returns ComfyUI's class when ComfyUI is loaded,
because inside ComfyUI only its own class receives the executor's prefix.
"""
from __future__ import annotations

import sys
from typing import Any


def is_link(obj: Any) -> bool:
    """A link is `[node_id: str, output_index: int|float]`, exactly as ComfyUI's `is_link`."""
    return (isinstance(obj, list) and len(obj) == 2 and isinstance(obj[0], str)
            and isinstance(obj[1], (int, float)) and not isinstance(obj[1], bool))


class GraphBuilder:
    """Builds an API-format graph for node expansion; same API and id scheme as ComfyUI's GraphBuilder."""

    _default_prefix_root = ""
    _default_prefix_call_index = 0
    _default_prefix_graph_index = 0

    def __init__(self, prefix: str | None = None):
        self.prefix = GraphBuilder.alloc_prefix() if prefix is None else prefix
        self.nodes: dict[str, Node] = {}
        self.id_gen = 1

    @classmethod
    def set_default_prefix(cls, prefix_root: str, call_index: int, graph_index: int = 0) -> None:
        cls._default_prefix_root = prefix_root
        cls._default_prefix_call_index = call_index
        cls._default_prefix_graph_index = graph_index

    @classmethod
    def alloc_prefix(cls, root: str | None = None, call_index: int | None = None,
                     graph_index: int | None = None) -> str:
        root = GraphBuilder._default_prefix_root if root is None else root
        call_index = GraphBuilder._default_prefix_call_index if call_index is None else call_index
        graph_index = GraphBuilder._default_prefix_graph_index if graph_index is None else graph_index
        GraphBuilder._default_prefix_graph_index += 1
        return f"{root}.{call_index}.{graph_index}."

    def node(self, class_type: str, id: str | None = None, **kwargs: Any) -> "Node":
        if id is None:
            id = str(self.id_gen)
            self.id_gen += 1
        id = self.prefix + id
        if id in self.nodes:
            return self.nodes[id]
        node = Node(id, class_type, kwargs)
        self.nodes[id] = node
        return node

    def lookup_node(self, id: str) -> "Node | None":
        return self.nodes.get(self.prefix + id)

    def finalize(self) -> dict:
        return {node_id: node.serialize() for node_id, node in self.nodes.items()}

    def replace_node_output(self, node_id: str, index: int, new_value: Any) -> None:
        node_id = self.prefix + node_id
        to_remove = []
        for node in self.nodes.values():
            for key, value in node.inputs.items():
                if is_link(value) and value[0] == node_id and value[1] == index:
                    if new_value is None:
                        to_remove.append((node, key))
                    else:
                        node.inputs[key] = new_value
        for node, key in to_remove:
            del node.inputs[key]

    def remove_node(self, id: str) -> None:
        del self.nodes[self.prefix + id]


class Node:
    """One node of a GraphBuilder graph."""

    def __init__(self, id: str, class_type: str, inputs: dict):
        self.id = id
        self.class_type = class_type
        self.inputs = inputs
        self.override_display_id: str | None = None

    def out(self, index: int) -> list:
        return [self.id, index]

    def set_input(self, key: str, value: Any) -> None:
        if value is None:
            self.inputs.pop(key, None)
        else:
            self.inputs[key] = value

    def get_input(self, key: str) -> Any:
        return self.inputs.get(key)

    def set_override_display_id(self, override_display_id: str) -> None:
        self.override_display_id = override_display_id

    def serialize(self) -> dict:
        serialized = {"class_type": self.class_type, "inputs": self.inputs}
        if self.override_display_id is not None:
            serialized["override_display_id"] = self.override_display_id
        return serialized


def add_graph_prefix(graph: dict, outputs, prefix: str):
    """Re-prefixes every node id and internal link of `graph` and of `outputs` (ComfyUI's semantics)."""
    new_graph = {}
    for node_id, node_info in graph.items():
        new_node = {"class_type": node_info["class_type"], "inputs": {}}
        for name, value in node_info.get("inputs", {}).items():
            new_node["inputs"][name] = [prefix + value[0], value[1]] if is_link(value) else value
        if "override_display_id" in node_info:
            new_node["override_display_id"] = node_info["override_display_id"]
        new_graph[prefix + node_id] = new_node
    new_outputs = tuple([prefix + o[0], o[1]] if is_link(o) else o for o in outputs)
    return new_graph, new_outputs


class ExecutionBlocker:
    """Returned as an output value: consumers are skipped (with an error when `message` is set)."""

    def __init__(self, message: str | None):
        self.message = message


def comfy_graph_utils():
    """ComfyUI's `comfy_execution.graph_utils` module when ComfyUI is loaded in this process, else None."""
    return sys.modules.get("comfy_execution.graph_utils")


def graph_builder_class():
    """The GraphBuilder whose default prefix the running executor sets: ComfyUI's when loaded, else ours."""
    comfy = comfy_graph_utils()
    return comfy.GraphBuilder if comfy is not None else GraphBuilder


def set_default_prefix(prefix_root: str, call_index: int, graph_index: int = 0) -> None:
    """Sets the default prefix on our GraphBuilder and on ComfyUI's when it is loaded."""
    GraphBuilder.set_default_prefix(prefix_root, call_index, graph_index)
    comfy = comfy_graph_utils()
    if comfy is not None:
        comfy.GraphBuilder.set_default_prefix(prefix_root, call_index, graph_index)


def is_execution_blocker(value: Any) -> bool:
    """True for our ExecutionBlocker and ComfyUI's."""
    if isinstance(value, ExecutionBlocker):
        return True
    comfy = comfy_graph_utils()
    return comfy is not None and isinstance(value, comfy.ExecutionBlocker)
