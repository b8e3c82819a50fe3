"""Resizes an image to a width and height, stretching, fitting, filling or padding to keep the aspect."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


_FILTERS = {"lanczos": "LANCZOS", "bicubic": "BICUBIC", "bilinear": "BILINEAR", "nearest": "NEAREST"}


def _scale(img, w, h, resample):
    import numpy as np
    from PIL import Image

    flt = getattr(Image.Resampling, _FILTERS[resample])
    planes = [np.asarray(Image.fromarray(img[:, :, c], mode="F").resize((w, h), flt), dtype=np.float32)
              for c in range(img.shape[2])]
    return np.clip(np.stack(planes, axis=-1), 0.0, 1.0)


@script.entry(__file__)
def run(image, width=512, height=512, mode="fit", resample="lanczos", pad_color="#000000"):
    """Resizes every image of the batch (see the requirements layer for the modes)."""
    import numpy as np

    from loki_runtime.imaging import parse_hex_color

    img = np.asarray(image, dtype=np.float32)
    _, h0, w0, channels = img.shape
    if mode == "stretch":
        size = (width, height)
    elif mode in ("fit", "pad"):
        s = min(width / w0, height / h0)
        size = (max(1, round(w0 * s)), max(1, round(h0 * s)))
    elif mode == "fill":
        s = max(width / w0, height / h0)
        size = (max(width, round(w0 * s)), max(height, round(h0 * s)))
    else:
        raise ValueError(f"unknown mode {mode!r}")
    out = []
    for frame in img:
        scaled = _scale(frame, size[0], size[1], resample)
        if mode == "fill":
            top, left = (size[1] - height) // 2, (size[0] - width) // 2
            scaled = scaled[top:top + height, left:left + width]
        elif mode == "pad":
            canvas = np.empty((height, width, channels), np.float32)
            canvas[...] = parse_hex_color(pad_color, channels)
            top, left = (height - size[1]) // 2, (width - size[0]) // 2
            canvas[top:top + size[1], left:left + size[0]] = scaled
            scaled = canvas
        out.append(scaled)
    return {"image": np.stack(out).astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
