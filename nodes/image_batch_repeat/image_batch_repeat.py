"""Repeats a batch of images a number of times, or reverses it."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, times=2, reverse=False):
    """The batch (optionally reversed) concatenated times times."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    if reverse:
        img = img[::-1]
    return {"image": np.ascontiguousarray(np.concatenate([img] * times, axis=0))}


if __name__ == "__main__":
    raise SystemExit(run.main())
