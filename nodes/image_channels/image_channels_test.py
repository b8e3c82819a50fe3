"""Tests of intent for image_channels: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_channels_under_test", Path(__file__).with_name("image_channels.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_swap_rb():
    img = ramp()
    out = run(image=img, operation="swap_rb")["image"]
    assert np.array_equal(out[..., 0], img[..., 2]) and np.array_equal(out[..., 2], img[..., 0])


def test_grayscale_is_grey():
    out = run(image=ramp(), operation="grayscale")["image"]
    assert np.allclose(out[..., 0], out[..., 1]) and np.allclose(out[..., 1], out[..., 2])


def test_invert_twice_is_identity():
    img = ramp()
    assert np.allclose(run(image=run(image=img, operation="invert")["image"], operation="invert")["image"], img)
