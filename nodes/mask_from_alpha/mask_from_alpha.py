"""Turns the transparency of an image into a mask of its opaque or transparent parts."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(alpha, mode="opaque", threshold=0.0):
    """1 - alpha_mask (opaque) or alpha_mask (transparent), optionally binarised."""
    import numpy as np

    transparent = np.asarray(alpha, dtype=np.float32)
    mask = 1.0 - transparent if mode == "opaque" else transparent
    if threshold > 0:
        mask = (mask > threshold).astype(np.float32)
    return {"mask": np.clip(mask, 0.0, 1.0).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
