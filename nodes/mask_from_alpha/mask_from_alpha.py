"""Makes a mask from the alpha channel of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, invert=False):
    """Alpha (or 1 - alpha) of every frame."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    alpha = img[..., 3] if img.shape[-1] >= 4 else np.ones(img.shape[:3], np.float32)
    return {"mask": (1.0 - alpha if invert else alpha).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
