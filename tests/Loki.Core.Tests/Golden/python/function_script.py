"""Remaps black point, white point and gamma of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repo
    sys.path[:0] = [str(p) for p in (Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[2] / "src" / "python")]
from loki_runtime import script

_CODE = Path(__file__).resolve().parent / "src" / "levels_repo"


@script.entry(__file__)
def run(image, black_point=0.0, steps=4, mode="rgb", *, ckpt_name, caption=""):
    """Remaps black point, white point and gamma of an image."""
    if str(_CODE) not in sys.path:
        sys.path.insert(0, str(_CODE))
    from levels.core import apply_levels

    result = apply_levels(image, black_point=black_point, steps=steps, mode=mode, ckpt_name=ckpt_name, caption=caption)
    return {"image": result[0], "mask": result[1]}


if __name__ == "__main__":
    raise SystemExit(run.main())
