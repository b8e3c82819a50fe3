"""Reports the width, height, batch size and mean brightness of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image):
    """Shape and mean of the batch."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    return {"width": int(img.shape[2]), "height": int(img.shape[1]), "batch_size": int(img.shape[0]),
            "mean": round(float(img.mean()), 6)}


if __name__ == "__main__":
    raise SystemExit(run.main())
