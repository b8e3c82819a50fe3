"""Prepares a flow's prompt for ComfyUI (in-process or server): markers resolved, images made loadable.

ComfyUI does not need the LOKI pack to run a flow script: a `LokiInput` marker is replaced by what it stands
for (the link or constant feeding it, or its parsed default), `LokiOutput` markers are dropped (the backend
collects outputs itself), and in-memory images (numpy arrays, tensors, local files) fed to a marker or to
`LoadImage` become something ComfyUI can load, through the backend's `store_image(value, type) -> node`.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from .. import flow_errors as codes
from ..flow_errors import FlowError, NodeRef
from ..graph_builder import is_link
from ..markers import INPUT_MARKER, OUTPUT_MARKER, check_range, parse_default
from .values import is_array, is_tensor


class _Const:
    def __init__(self, value: Any):
        self.value = value


def is_image_value(value: Any) -> bool:
    return is_array(value) or is_tensor(value)


def is_local_file(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike)) and (os.path.isabs(value) or os.sep in str(value)) and os.path.isfile(value)


def lower(prompt: dict, store_image: Callable[[Any, str], dict]) -> dict:
    """Returns a prompt without markers in which every image value is loadable by ComfyUI."""
    prompt = {k: {**v, "inputs": dict(v.get("inputs") or {})} for k, v in prompt.items()}
    replacements: dict[str, Any] = {}
    for node_id, node in list(prompt.items()):
        if node["class_type"] == OUTPUT_MARKER:
            del prompt[node_id]
            continue
        if node["class_type"] == "LoadImage" and (is_image_value(node["inputs"].get("image"))
                                                  or is_local_file(node["inputs"].get("image"))):
            stored = store_image(node["inputs"]["image"], "IMAGE")
            prompt[node_id] = {**stored, "_meta": node.get("_meta", {})}
            continue
        if node["class_type"] != INPUT_MARKER:
            continue
        inputs = node["inputs"]
        name, type_ = str(inputs.get("name", node_id)), str(inputs.get("type") or "*").strip().upper()
        value = inputs.get("value")
        try:
            if value is None:
                value = parse_default(name, type_, inputs.get("default", ""))
            elif not is_link(value):
                check_range(name, value, inputs.get("min"), inputs.get("max"))
        except FlowError as ex:
            raise FlowError(ex.code, ex.message, (NodeRef(node_id, INPUT_MARKER, name),)) from ex
        if is_link(value):
            replacements[node_id] = value
        elif type_ in ("IMAGE", "MASK") and (is_image_value(value) or is_local_file(value)):
            prompt[node_id] = {**store_image(value, type_), "_meta": node.get("_meta", {})}
        else:
            replacements[node_id] = _Const(value)
    for _ in range(len(replacements) + 1):  # markers fed by markers resolve in a few rounds
        changed = False
        for node in prompt.values():
            for key, value in list(node["inputs"].items()):
                if is_link(value) and value[0] in replacements:
                    target = replacements[value[0]]
                    node["inputs"][key] = target.value if isinstance(target, _Const) else list(target)
                    changed = True
        if not changed:
            break
    for node_id in replacements:
        prompt.pop(node_id, None)
    return prompt


def resolve_link(link: list, original: dict, lowered: dict) -> Any:
    """Where a flow output link points after lowering: a link, or a constant when it named a marker."""
    seen = set()
    while is_link(link) and link[0] not in lowered:
        node = original.get(link[0])
        if node is None or node["class_type"] != INPUT_MARKER or link[0] in seen:
            raise FlowError(codes.BAD_OUTPUT, f"flow output refers to node {link[0]}, which is not in the flow")
        seen.add(link[0])
        value = node["inputs"].get("value")
        if value is None:
            value = parse_default(node["inputs"].get("name", ""), str(node["inputs"].get("type", "*")),
                                  node["inputs"].get("default", ""))
        link = value
    return link
