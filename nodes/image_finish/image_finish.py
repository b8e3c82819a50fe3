"""Finishes a photo: levels, a light sharpen and a caption, as a composite LOKI Script of three library nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

image_levels = compose.node("image_levels", __file__)
image_sharpen = compose.node("image_sharpen", __file__)
text_overlay = compose.node("text_overlay", __file__)


@compose.entry(__file__)
def run(image, caption="LOKI", amount=0.8):
    """Levels stretch the tones, an unsharp mask crisps them, the caption goes in the corner."""
    leveled = image_levels(image=image, black_point=0.04, white_point=0.96, gamma=1.1)["image"]
    sharpened = image_sharpen(image=leveled, amount=amount, radius=1.5, threshold=0.02)["image"]
    captioned = text_overlay(image=sharpened, text=caption, x=8, y=8, size=16, color="#ffffff")
    return {"image": captioned["image"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
