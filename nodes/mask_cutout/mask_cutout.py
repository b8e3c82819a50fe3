"""Cuts the pixels of one colour out of a picture onto a background, as a composite of three mask nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

mask_from_color = compose.node("mask_from_color", __file__)
mask_grow = compose.node("mask_grow", __file__)
mask_composite = compose.node("mask_composite", __file__)


@compose.entry(__file__)
def run(image, background, color="#00ff00", tolerance=0.3, grow=2):
    """The colour's mask, grown by a few pixels, decides where the picture covers the background."""
    picked = mask_from_color(image=image, color=color, tolerance=tolerance)["mask"]
    grown = mask_grow(mask=picked, pixels=grow, feather=1.0)["mask"]
    combined = mask_composite(background=background, foreground=image, mask=grown)["image"]
    return {"image": combined, "mask": grown}


if __name__ == "__main__":
    raise SystemExit(run.main())
