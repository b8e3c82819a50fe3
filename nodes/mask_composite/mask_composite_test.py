"""Tests of intent for mask_composite: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("mask_composite_under_test", Path(__file__).with_name("mask_composite.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_mask_selects_foreground():
    bg = np.zeros((1, 4, 4, 3), np.float32)
    fg = np.ones((1, 4, 4, 3), np.float32)
    m = np.zeros((1, 4, 4), np.float32)
    m[0, :2] = 1
    out = run(background=bg, foreground=fg, mask=m)["image"]
    assert out[0, :2].min() == 1 and out[0, 2:].max() == 0


def test_foreground_is_resized():
    out = run(background=np.zeros((1, 8, 8, 3), np.float32), foreground=np.ones((1, 4, 4, 3), np.float32),
              mask=np.ones((1, 8, 8), np.float32))["image"]
    assert out.shape == (1, 8, 8, 3) and out.min() == 1
