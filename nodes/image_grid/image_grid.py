"""Lays out the images of a batch as one contact sheet."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, columns=4, gap=4, background="#ffffff"):
    """One sheet with the batch laid out row by row."""
    import math

    import numpy as np

    from loki_runtime.imaging import parse_hex_color

    img = np.asarray(image, dtype=np.float32)
    b, h, w, c = img.shape
    cols = min(columns, b)
    rows = math.ceil(b / cols)
    sheet = np.empty((1, rows * h + (rows - 1) * gap, cols * w + (cols - 1) * gap, c), np.float32)
    sheet[...] = parse_hex_color(background, c)
    for i in range(b):
        y, x = (i // cols) * (h + gap), (i % cols) * (w + gap)
        sheet[0, y:y + h, x:x + w] = img[i]
    return {"image": sheet}


if __name__ == "__main__":
    raise SystemExit(run.main())
