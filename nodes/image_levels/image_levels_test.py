"""Tests of intent for image_levels: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_levels_under_test", Path(__file__).with_name("image_levels.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_identity_keeps_pixels():
    img = ramp()
    assert np.allclose(run(image=img)["image"], img, atol=1e-6)


def test_black_and_white_points_stretch_range():
    img = ramp()
    out = run(image=img, black_point=0.25, white_point=0.75)["image"]
    assert out.min() == 0.0 and out.max() == 1.0
    assert np.allclose(out[img <= 0.25], 0.0)


def test_gamma_brightens_midtones():
    img = np.full((1, 4, 4, 3), 0.25, np.float32)
    assert run(image=img, gamma=2.0)["image"][0, 0, 0, 0] == np.float32(0.5)
