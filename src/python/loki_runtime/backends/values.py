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


def prompt_to_node_values(prompt: dict) -> dict:
    """Converts every in-memory array constant of a prompt (in place) to a tensor."""
    for node in prompt.values():
        inputs = node.get("inputs") or {}
        for name, value in list(inputs.items()):
            if is_array(value):
                inputs[name] = to_node_value(value)
    return prompt
