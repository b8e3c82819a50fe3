"""Matches the colour statistics of an image to a reference image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


_RGB2LMS = [[0.3811, 0.5783, 0.0402], [0.1967, 0.7244, 0.0782], [0.0241, 0.1288, 0.8444]]
_LMS2LAB = [[0.57735027, 0.57735027, 0.57735027], [0.40824829, 0.40824829, -0.81649658], [0.70710678, -0.70710678, 0.0]]


def _to_lab(rgb):
    import numpy as np

    lms = np.clip(rgb @ np.array(_RGB2LMS, np.float64).T, 1e-6, None)
    return np.log10(lms) @ np.array(_LMS2LAB, np.float64).T


def _from_lab(lab):
    import numpy as np

    lms = 10.0 ** (lab @ np.linalg.inv(np.array(_LMS2LAB, np.float64)).T)
    return lms @ np.linalg.inv(np.array(_RGB2LMS, np.float64)).T


@script.entry(__file__)
def run(image, reference, strength=1.0):
    """Reinhard colour transfer of every frame of image towards the first frame of reference."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    ref = _to_lab(np.asarray(reference, dtype=np.float64)[0, ..., :3]).reshape(-1, 3)
    out = img.copy()
    for b in range(img.shape[0]):
        lab = _to_lab(img[b, ..., :3].astype(np.float64))
        flat = lab.reshape(-1, 3)
        std = flat.std(axis=0)
        matched = (lab - flat.mean(axis=0)) * (ref.std(axis=0) / np.where(std < 1e-6, 1.0, std)) + ref.mean(axis=0)
        rgb = np.clip(_from_lab(matched), 0.0, 1.0)
        out[b, ..., :3] = (1.0 - strength) * img[b, ..., :3] + strength * rgb
    return {"image": out.astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
