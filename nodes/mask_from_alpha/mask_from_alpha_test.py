"""Tests of intent for mask_from_alpha: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("mask_from_alpha_under_test", Path(__file__).with_name("mask_from_alpha.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_alpha_channel_becomes_mask():
    img = np.zeros((2, 3, 3, 4), np.float32)
    img[..., 3] = 0.25
    assert np.allclose(run(image=img)["mask"], 0.25)
    assert np.allclose(run(image=img, invert=True)["mask"], 0.75)


def test_rgb_is_opaque():
    assert run(image=ramp())["mask"].min() == 1.0
