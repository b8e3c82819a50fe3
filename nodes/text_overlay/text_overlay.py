"""Draws text onto an image at a position, in a colour and size."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


_FONT_PATHS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")


def _font(size):
    from PIL import ImageFont

    for path in _FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


@script.entry(__file__)
def run(image, text="LOKI", x=8, y=8, size=24, color="#ffffff"):
    """Draws the text on every frame; pixels under the glyphs take the colour by glyph coverage."""
    import numpy as np
    from PIL import Image, ImageDraw

    from loki_runtime.imaging import parse_hex_color

    img = np.asarray(image, dtype=np.float32).copy()
    coverage = Image.new("L", (img.shape[2], img.shape[1]), 0)
    ImageDraw.Draw(coverage).multiline_text((x, y), text, fill=255, font=_font(size))
    alpha = np.asarray(coverage, dtype=np.float32)[None, :, :, None] / 255.0
    rgb = np.array(parse_hex_color(color), np.float32)
    img[..., :3] = img[..., :3] * (1.0 - alpha) + rgb * alpha
    return {"image": img}


if __name__ == "__main__":
    raise SystemExit(run.main())
