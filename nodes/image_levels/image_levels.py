"""Remaps the black point, white point and gamma of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, black_point=0.0, white_point=1.0, gamma=1.0):
    """Linear remap of [black_point, white_point] to [0, 1], then gamma."""
    import numpy as np

    if white_point <= black_point:
        raise ValueError("white_point must be greater than black_point")
    x = (np.asarray(image, dtype=np.float32) - black_point) / (white_point - black_point)
    x = np.clip(x, 0.0, 1.0) ** (1.0 / gamma)
    return {"image": x.astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
