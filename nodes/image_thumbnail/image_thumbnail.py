"""A square thumbnail: the picture filled into size x size, then lightly sharpened, as a composite of two nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import compose, script

image_resize = compose.node("image_resize", __file__)
image_sharpen = compose.node("image_sharpen", __file__)


@script.entry(__file__)
def run(image, size=32):
    """Fill keeps the aspect ratio and crops the overflow; the sharpen restores edges the downscale softened."""
    square = image_resize(image=image, width=size, height=size, mode="fill", resample="bicubic")["image"]
    return {"image": image_sharpen(image=square, amount=0.6, radius=1.0)["image"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
