"""A poster card: posterized, padded onto a card and titled, as a composite of three nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

image_posterize = compose.node("image_posterize", __file__)
image_crop_pad = compose.node("image_crop_pad", __file__)
text_overlay = compose.node("text_overlay", __file__)


@compose.entry(__file__)
def run(image, title="POSTER", levels=4):
    """The card is the padded canvas; the title sits in its top band, so the whole overlay result is the card."""
    flat = image_posterize(image=image, levels=levels)["image"]
    card = image_crop_pad(image=flat, width=80, height=80, anchor="bottom", pad_color="#202020")["image"]
    return text_overlay(image=card, text=title, x=4, y=4, size=12, color="#ffcc00")


if __name__ == "__main__":
    raise SystemExit(run.main())
