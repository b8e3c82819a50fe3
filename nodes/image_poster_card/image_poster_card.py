"""A poster card: posterized, padded onto a card and titled, as a composite of three nodes."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import compose, script

image_posterize = compose.node("image_posterize", __file__)
image_crop_pad = compose.node("image_crop_pad", __file__)
text_overlay = compose.node("text_overlay", __file__)


@script.entry(__file__)
def run(image, title="POSTER", levels=4):
    """The card is the padded canvas; the title sits in its top band, so the whole overlay result is the card."""
    flat = image_posterize(image=image, levels=levels)["image"]
    card = image_crop_pad(image=flat, width=80, height=80, anchor="bottom", pad_color="#202020")["image"]
    return text_overlay(image=card, text=title, x=4, y=4, size=12, color="#ffcc00")


if __name__ == "__main__":
    raise SystemExit(run.main())
