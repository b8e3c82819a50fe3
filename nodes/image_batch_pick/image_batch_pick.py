"""Picks a range of images out of a batch."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, index=0, count=1):
    """image[index : index + count], with Python's negative indexing."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    b = img.shape[0]
    start = index + b if index < 0 else index
    if not 0 <= start < b:
        raise IndexError(f"index {index} is outside a batch of {b}")
    return {"image": img[start:start + count].copy()}


if __name__ == "__main__":
    raise SystemExit(run.main())
