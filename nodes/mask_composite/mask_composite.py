"""Blends a foreground image over a background image through a mask."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


def _fit(arr, h, w):
    import numpy as np

    if arr.shape[1:3] == (h, w):
        return arr
    ys = (np.arange(h) * arr.shape[1] / h).astype(int)
    xs = (np.arange(w) * arr.shape[2] / w).astype(int)
    return arr[:, ys][:, :, xs]


@script.entry(__file__)
def run(background, foreground, mask):
    """background * (1 - mask) + foreground * mask, frame by frame (batches broadcast)."""
    import numpy as np

    bg = np.asarray(background, dtype=np.float32)
    _, h, w, c = bg.shape
    fg = _fit(np.asarray(foreground, dtype=np.float32), h, w)[..., :c]
    m = _fit(np.asarray(mask, dtype=np.float32), h, w)[..., None]
    n = max(bg.shape[0], fg.shape[0], m.shape[0])
    pick = lambda a: a if a.shape[0] == n else np.repeat(a[:1], n, axis=0)  # noqa: E731
    return {"image": (pick(bg) * (1.0 - pick(m)) + pick(fg) * pick(m)).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
