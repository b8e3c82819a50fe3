"""Sharpens an image with an unsharp mask."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, amount=1.0, radius=1.5, threshold=0.0):
    """image + amount * (image - blur(image)), where the difference exceeds threshold."""
    import numpy as np

    from loki_runtime.imaging import gaussian_blur

    img = np.asarray(image, dtype=np.float32)
    detail = img - gaussian_blur(img, radius / 2.0)
    detail[np.abs(detail) < threshold] = 0.0
    return {"image": np.clip(img + amount * detail, 0.0, 1.0).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
