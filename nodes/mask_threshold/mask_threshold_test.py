"""Tests of intent for mask_threshold: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("mask_threshold_under_test", Path(__file__).with_name("mask_threshold.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_threshold_and_invert_are_complements():
    img = ramp()
    a = run(image=img, threshold=0.3)["mask"]
    b = run(image=img, threshold=0.3, invert=True)["mask"]
    assert a.shape == img.shape[:3] and np.array_equal(a + b, np.ones_like(a))


def test_channel_choice():
    img = ramp()
    assert np.array_equal(run(image=img, threshold=0.5, channel="red")["mask"], (img[..., 0] > 0.5).astype(np.float32))
