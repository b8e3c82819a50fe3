"""Crops or pads an image to an exact size around an anchor, and returns the mask of the original area."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


def _offset(anchor, extra_w, extra_h):
    col = 0 if "left" in anchor else extra_w if "right" in anchor else extra_w // 2
    row = 0 if "top" in anchor else extra_h if "bottom" in anchor else extra_h // 2
    return row, col


@script.entry(__file__)
def run(image, width=512, height=512, anchor="center", pad_color="#000000"):
    """Places the image on a width x height canvas at the anchor; what falls outside is cropped."""
    import numpy as np

    from loki_runtime.imaging import parse_hex_color

    img = np.asarray(image, dtype=np.float32)
    b, h0, w0, c = img.shape
    canvas = np.empty((b, height, width, c), np.float32)
    canvas[...] = parse_hex_color(pad_color, c)
    mask = np.zeros((b, height, width), np.float32)
    row, col = _offset(anchor, width - w0, height - h0)
    # Source and destination windows, clipped to both rectangles.
    dy0, dx0 = max(row, 0), max(col, 0)
    sy0, sx0 = max(-row, 0), max(-col, 0)
    hh, ww = min(h0 - sy0, height - dy0), min(w0 - sx0, width - dx0)
    canvas[:, dy0:dy0 + hh, dx0:dx0 + ww] = img[:, sy0:sy0 + hh, sx0:sx0 + ww]
    mask[:, dy0:dy0 + hh, dx0:dx0 + ww] = 1.0
    return {"image": canvas, "mask": mask}


if __name__ == "__main__":
    raise SystemExit(run.main())
