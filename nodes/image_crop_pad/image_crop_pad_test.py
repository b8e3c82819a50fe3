"""Tests of intent for image_crop_pad: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_crop_pad_under_test", Path(__file__).with_name("image_crop_pad.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_pad_top_left_keeps_pixels_and_marks_mask():
    img = ramp(h=10, w=10)
    out = run(image=img, width=20, height=15, anchor="top-left")
    assert np.array_equal(out["image"][0, :10, :10], img[0])
    assert out["mask"][0, :10, :10].all() and not out["mask"][0, 10:, :].any()


def test_crop_center():
    img = ramp(h=10, w=10)
    out = run(image=img, width=4, height=4)
    assert np.array_equal(out["image"][0], img[0, 3:7, 3:7])
    assert out["mask"].all()
