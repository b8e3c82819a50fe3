"""Remaps black point, white point and gamma of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
try:
    from loki_runtime import script
except ModuleNotFoundError as _missing:  # no runtime anywhere: one coded line, not a traceback
    if _missing.name != "loki_runtime" or __name__ != "__main__":
        raise
    sys.stderr.write(__file__ + ": error LOKI2100: loki_runtime is neither beside this script nor installed: pip install loki_runtime-*.whl (artifacts/ of the LOKI build), or write the script again with --standalone\n")
    raise SystemExit(2) from None

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
