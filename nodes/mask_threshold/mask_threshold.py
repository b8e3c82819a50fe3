"""Makes a mask of the pixels brighter than a threshold."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, threshold=0.5, channel="luminance", invert=False):
    """Binary mask: value > threshold (or <= with invert)."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)[..., :3]
    if channel == "luminance":
        value = img @ np.array([0.2126, 0.7152, 0.0722], np.float32)
    else:
        value = img[..., ["red", "green", "blue"].index(channel)]
    mask = value > threshold
    return {"mask": (~mask if invert else mask).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
