"""Tests of intent for image_resize: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_resize_under_test", Path(__file__).with_name("image_resize.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_modes_give_expected_sizes():
    img = ramp(h=20, w=40)
    assert run(image=img, width=10, height=10, mode="stretch")["image"].shape == (1, 10, 10, 3)
    assert run(image=img, width=10, height=10, mode="fit")["image"].shape == (1, 5, 10, 3)
    assert run(image=img, width=10, height=10, mode="fill")["image"].shape == (1, 10, 10, 3)
    assert run(image=img, width=10, height=10, mode="pad")["image"].shape == (1, 10, 10, 3)


def test_pad_uses_pad_color():
    img = np.ones((1, 10, 20, 3), np.float32)
    out = run(image=img, width=20, height=20, mode="pad", pad_color="#ff0000")["image"]
    assert np.allclose(out[0, 0, 0], [1, 0, 0]) and np.allclose(out[0, 10, 10], [1, 1, 1])


def test_batches_are_kept():
    assert run(image=ramp(b=3), width=8, height=8, mode="stretch")["image"].shape[0] == 3
