"""Tests of intent for image_blur: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_blur_under_test", Path(__file__).with_name("image_blur.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_zero_radius_is_identity():
    img = ramp()
    assert np.array_equal(run(image=img, radius=0)["image"], img)


def test_blur_reduces_contrast_of_a_checkerboard():
    board = (np.indices((16, 16)).sum(axis=0) % 2).astype(np.float32)
    img = np.repeat(board[None, :, :, None], 3, axis=3)
    out = run(image=img, radius=2.0)["image"]
    assert out.shape == img.shape
    assert out[0, 4:12, 4:12].std() < 0.1 < img.std()
