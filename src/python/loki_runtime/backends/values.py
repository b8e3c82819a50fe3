"""Conversions between what a flow script holds (numpy arrays) and what nodes exchange (torch tensors)."""
from __future__ import annotations

import sys
from typing import Any


def is_array(value: Any) -> bool:
    np = sys.modules.get("numpy")
    return np is not None and isinstance(value, np.ndarray)


def is_tensor(value: Any) -> bool:
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(value, torch.Tensor)


def to_node_value(value: Any) -> Any:
    """A numpy array becomes a float32 torch tensor (IMAGE `[B,H,W,C]`, MASK `[B,H,W]`); the rest is kept."""
    if is_array(value):
        import numpy as np
        import torch

        array = value.astype(np.float32) / 255.0 if value.dtype == np.uint8 else value.astype(np.float32)
        return torch.from_numpy(np.ascontiguousarray(array))
    return value


def to_script_value(value: Any) -> Any:
    """A torch tensor becomes a float32 numpy array; lists (list outputs) are converted item by item."""
    if is_tensor(value):
        return value.detach().cpu().float().numpy()
    if isinstance(value, list):
        return [to_script_value(v) for v in value]
    return value


def prompt_to_node_values(prompt: dict, keep: set[str] | frozenset[str] = frozenset()) -> dict:
    """Converts every in-memory array constant of a prompt (in place) to a tensor, except on the nodes in `keep`."""
    for node_id, node in prompt.items():
        if node_id in keep:
            continue
        inputs = node.get("inputs") or {}
        for name, value in list(inputs.items()):
            if is_array(value):
                inputs[name] = to_node_value(value)
    return prompt


def opaque_markers(prompt: dict, classes) -> set[str]:
    """The `LokiInput` markers typed `*` whose consumers all take `*` (as the steps of a decomposed function do): an
    array given to them is a value of the code, not an image, and passes as it is (float64 stays float64)."""
    from ..graph_builder import is_link
    from ..markers import INPUT_MARKER

    consumers: dict[str, list[tuple[str, str]]] = {}
    for node in prompt.values():
        for name, value in (node.get("inputs") or {}).items():
            if is_link(value):
                consumers.setdefault(str(value[0]), []).append((node["class_type"], name))
    return {node_id for node_id, node in prompt.items()
            if node["class_type"] == INPUT_MARKER and str((node.get("inputs") or {}).get("type", "*")).strip() in ("", "*")
            and consumers.get(node_id) and all(_takes_any(classes, c, name) for c, name in consumers[node_id])}


def _takes_any(classes, class_type: str, name: str) -> bool:
    cls = classes.get(class_type)
    if cls is None or not hasattr(cls, "INPUT_TYPES"):
        return False
    declared = cls.INPUT_TYPES()
    for group in ("required", "optional"):
        spec = (declared.get(group) or {}).get(name)
        if spec is not None:
            return isinstance(spec[0], str) and spec[0] == "*"
    return False
