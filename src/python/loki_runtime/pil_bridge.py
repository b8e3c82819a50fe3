"""Calls a function written for single PIL images with the runtime's image batches (``loki wrap`` of a PIL function).

``call(function, {"image": batch}, amount=0.5)`` calls ``function`` once per batch index with each PIL-typed input as
a PIL image (RGB, or RGBA when the batch has alpha; a shorter batch repeats its last image, as ComfyUI's list
semantics do) and the other inputs unchanged. PIL results become ``[H,W,C]`` float arrays and are stacked back into a
batch; a tuple result is stacked element by element. Non-image results of the first call are returned as they are.
"""
from __future__ import annotations

from typing import Any, Callable


def to_pil(batch: Any, index: int) -> Any:
    """Image ``index`` of a ``[B,H,W,C]`` float batch (0..1) as an 8-bit PIL image."""
    import numpy as np
    from PIL import Image

    item = np.asarray(batch[min(index, len(batch) - 1)], dtype=np.float32)
    pixels = (np.clip(item, 0.0, 1.0) * 255.0).round().astype(np.uint8)
    return Image.fromarray(pixels, "RGBA" if pixels.shape[-1] == 4 else "RGB")


def call(function: Callable, images: dict[str, Any], **others: Any) -> Any:
    """Runs ``function`` per batch index; see the module docstring."""
    count = max((len(b) for b in images.values() if b is not None), default=1)
    results = [function(**{k: (None if b is None else to_pil(b, i)) for k, b in images.items()}, **others) for i in range(count)]
    if isinstance(results[0], tuple):
        return tuple(_stack([r[j] for r in results]) for j in range(len(results[0])))
    return _stack(results)


def _stack(values: list) -> Any:
    import numpy as np

    if not all(hasattr(v, "getbands") for v in values):
        return values[0]
    from .arrays import pil_to_array

    arrays = [pil_to_array(v.convert("RGBA") if "A" in v.getbands() else (v if v.mode in ("RGB", "L", "I", "I;16", "F") else v.convert("RGB"))) for v in values]
    arrays = [a[..., None].repeat(3, axis=-1) if a.ndim == 2 else a for a in arrays]
    return np.stack(arrays)
