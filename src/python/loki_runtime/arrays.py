"""Normalises array layouts between numpy, torch and PIL for the LOKI port types.

* ``IMAGE``: float32 ``[B,H,W,C]`` in 0..1, C = 3 (RGB) or 4 (RGBA); one-channel input is spread to RGB.
* ``MASK``: float32 ``[B,H,W]`` in 0..1.
* ``AUDIO``: ``{"waveform": float32 [B,C,T], "sample_rate": int}``.

Integer input is scaled by its range (uint8 / 255, uint16 / 65535). numpy and torch are imported inside the
functions that need them, so importing this module is free.
"""
from __future__ import annotations

from typing import Any

from .errors import InputError


def is_torch_tensor(value: Any) -> bool:
    """True for a ``torch.Tensor`` (checked without importing torch)."""
    return type(value).__module__.startswith("torch") and hasattr(value, "detach")


def to_numpy(value: Any):
    """A numpy array from a numpy array, a torch tensor (any device, any float type), a PIL image or a list."""
    import numpy as np

    if isinstance(value, np.ndarray):
        return value
    if is_torch_tensor(value):
        tensor = value.detach()
        if tensor.is_floating_point() and tensor.dtype != _torch().float64:
            tensor = tensor.float()
        return tensor.cpu().numpy()
    if isinstance(value, (list, tuple)) and value and not isinstance(value[0], (int, float, bool)):
        return np.stack([to_numpy(v) for v in value])
    return np.asarray(value)


def to_torch(array: Any, device: Any = None):
    """A torch tensor sharing the array's layout, moved to ``device`` when given."""
    import numpy as np

    torch = _torch()
    tensor = array if is_torch_tensor(array) else torch.from_numpy(np.ascontiguousarray(array))
    return tensor.to(device) if device is not None else tensor


def as_float(array: Any, name: str):
    """float32 in 0..1 scale: integers are divided by their type's maximum, booleans become 0/1."""
    import numpy as np

    a = to_numpy(array)
    if a.dtype == np.bool_:
        return a.astype(np.float32)
    if a.dtype == np.uint8:
        return a.astype(np.float32) / 255.0
    if a.dtype == np.uint16:
        return a.astype(np.float32) / 65535.0
    if np.issubdtype(a.dtype, np.floating):
        return a.astype(np.float32, copy=False)
    if np.issubdtype(a.dtype, np.integer):
        return a.astype(np.float32)
    raise InputError(name, f"expected a numeric array, got dtype {a.dtype}")


def image_array(value: Any, name: str = "image"):
    """``[B,H,W,C]`` float32 from ``[H,W]``, ``[H,W,C]`` or ``[B,H,W,C]`` (C = 1, 3 or 4; one channel becomes RGB)."""
    import numpy as np

    a = as_float(value, name)
    if a.ndim == 2:
        a = a[None, :, :, None]
    elif a.ndim == 3:
        if a.shape[-1] not in (1, 3, 4):
            raise InputError(name, f"an image needs [H,W,C] or [B,H,W,C] with C in 1, 3, 4; got shape {list(a.shape)}")
        a = a[None]
    elif a.ndim != 4:
        raise InputError(name, f"an image needs [B,H,W,C]; got shape {list(a.shape)}")
    if a.shape[-1] == 1:
        a = np.repeat(a, 3, axis=-1)
    elif a.shape[-1] not in (3, 4):
        raise InputError(name, f"an image needs 3 (RGB) or 4 (RGBA) channels; got {a.shape[-1]}")
    return np.ascontiguousarray(a)


def mask_array(value: Any, name: str = "mask"):
    """``[B,H,W]`` float32 from ``[H,W]``, ``[B,H,W]`` or ``[B,H,W,C]`` (first channel, as ImageToMask's red)."""
    a = as_float(value, name)
    if a.ndim == 2:
        a = a[None]
    elif a.ndim == 4:
        a = a[..., 0]
    elif a.ndim != 3:
        raise InputError(name, f"a mask needs [B,H,W]; got shape {list(a.shape)}")
    import numpy as np

    return np.ascontiguousarray(a)


def audio_dict(value: Any, name: str = "audio") -> dict:
    """``{"waveform": [B,C,T] float32, "sample_rate": int}`` from an audio dict (numpy or torch waveform)."""
    if not isinstance(value, dict) or "waveform" not in value or "sample_rate" not in value:
        raise InputError(name, 'audio needs {"waveform": [B,C,T], "sample_rate": int} or a WAV file')
    a = as_float(value["waveform"], name)
    if a.ndim == 1:
        a = a[None, None]
    elif a.ndim == 2:
        a = a[None]
    elif a.ndim != 3:
        raise InputError(name, f"a waveform needs [B,C,T]; got shape {list(a.shape)}")
    return {**value, "waveform": a, "sample_rate": int(value["sample_rate"])}


def pil_to_array(image: Any):
    """A PIL image as ``[H,W,C]`` float32 0..1 (``[H,W]`` for one band), honouring 16-bit and float modes."""
    import numpy as np

    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N"):
        return np.asarray(image, dtype=np.uint16).astype(np.float32) / 65535.0
    if mode == "I":
        # Pillow opens 16-bit greyscale PNGs as "I": the values are 0..65535.
        return np.clip(np.asarray(image, dtype=np.float64) / 65535.0, 0.0, 1.0).astype(np.float32)
    if mode == "F":
        return np.asarray(image, dtype=np.float32)
    if mode == "1":
        return np.asarray(image.convert("L"), dtype=np.float32) / 255.0
    return np.asarray(image, dtype=np.uint8).astype(np.float32) / 255.0


def _torch():
    import torch

    return torch
