"""Tests of intent for image_posterize: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_posterize_under_test", Path(__file__).with_name("image_posterize.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_two_levels_are_binary():
    out = run(image=ramp(), levels=2)
    out = out["image"]
    assert set(np.unique(out).tolist()) <= {0.0, 1.0}


def test_dither_changes_pixels_but_keeps_levels():
    plain = run(image=ramp(), levels=3)
    dithered = run(image=ramp(), levels=3, dither=True)
    plain = plain["image"]
    dithered = dithered["image"]
    assert not np.array_equal(plain, dithered)
    assert set(np.unique(dithered).tolist()) <= {0.0, 0.5, 1.0}
