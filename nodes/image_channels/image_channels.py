"""Rearranges, extracts or inverts the colour channels of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, operation="grayscale"):
    """Applies one channel operation to the RGB channels; extra channels (alpha) are kept."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32).copy()
    rgb = img[..., :3]
    if operation == "grayscale":
        grey = rgb @ np.array([0.2126, 0.7152, 0.0722], np.float32)
        img[..., :3] = grey[..., None]
    elif operation == "swap_rb":
        img[..., :3] = rgb[..., ::-1]
    elif operation in ("red", "green", "blue"):
        img[..., :3] = rgb[..., ["red", "green", "blue"].index(operation)][..., None]
    elif operation == "invert":
        img[..., :3] = 1.0 - rgb
    else:
        raise ValueError(f"unknown operation {operation!r}")
    return {"image": img}


if __name__ == "__main__":
    raise SystemExit(run.main())
