"""Blurs an image with a Gaussian kernel of the given radius."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, radius=2.0):
    """Gaussian blur of every image of the batch (sigma = radius / 2, as Pillow's GaussianBlur)."""
    import numpy as np

    from loki_runtime.imaging import gaussian_blur

    return {"image": np.clip(gaussian_blur(image, radius / 2.0), 0.0, 1.0)}


if __name__ == "__main__":
    raise SystemExit(run.main())
