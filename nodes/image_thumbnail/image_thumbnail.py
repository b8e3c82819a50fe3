"""A square thumbnail: the picture filled into size x size, then lightly sharpened, as a composite of two nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

image_resize = compose.node("image_resize", __file__)
image_sharpen = compose.node("image_sharpen", __file__)


@compose.entry(__file__)
def run(image, size=32):
    """Fill keeps the aspect ratio and crops the overflow; the sharpen restores edges the downscale softened."""
    square = image_resize(image=image, width=size, height=size, mode="fill", resample="bicubic")["image"]
    return {"image": image_sharpen(image=square, amount=0.6, radius=1.0)["image"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
