"""Grows or shrinks a mask by a number of pixels and optionally feathers its edge."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


def _dilate(mask, steps):
    import numpy as np

    out = mask
    for _ in range(steps):
        p = np.pad(out, ((0, 0), (1, 1), (1, 1)), mode="edge")
        out = np.maximum.reduce([p[:, 1:-1, 1:-1], p[:, :-2, 1:-1], p[:, 2:, 1:-1], p[:, 1:-1, :-2], p[:, 1:-1, 2:]])
    return out


@script.entry(__file__)
def run(mask, pixels=4, feather=0.0):
    """Dilates (or erodes, via the complement) with a 4-neighbour step per pixel, then blurs."""
    import numpy as np

    from loki_runtime.imaging import gaussian_blur

    m = np.asarray(mask, dtype=np.float32)
    if pixels > 0:
        m = _dilate(m, pixels)
    elif pixels < 0:
        m = 1.0 - _dilate(1.0 - m, -pixels)
    if feather > 0:
        m = gaussian_blur(m, feather / 2.0)
    return {"mask": np.clip(m, 0.0, 1.0).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
