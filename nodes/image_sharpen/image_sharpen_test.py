"""Tests of intent for image_sharpen: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_sharpen_under_test", Path(__file__).with_name("image_sharpen.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_zero_amount_is_identity():
    img = ramp()
    assert np.allclose(run(image=img, amount=0.0)["image"], img)


def test_sharpen_increases_edge_contrast():
    img = np.zeros((1, 16, 16, 3), np.float32)
    img[:, :, 8:] = 0.5
    out = run(image=img, amount=2.0, radius=1.0)["image"]
    assert out[0, 8, 8, 0] > 0.5 and out[0, 8, 7, 0] == 0.0
