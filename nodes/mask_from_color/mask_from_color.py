"""Makes a mask of the pixels whose colour is close to a given colour."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, color="#00ff00", tolerance=0.1, softness=0.0):
    """1 within tolerance of color, falling linearly to 0 over softness."""
    import numpy as np

    from loki_runtime.imaging import parse_hex_color

    img = np.asarray(image, dtype=np.float32)[..., :3]
    dist = np.linalg.norm(img - np.array(parse_hex_color(color), np.float32), axis=-1) / np.sqrt(3.0)
    if softness > 0:
        mask = np.clip(1.0 - (dist - tolerance) / softness, 0.0, 1.0)
    else:
        mask = (dist <= tolerance).astype(np.float32)
    return {"mask": mask.astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
