"""Tests of intent for image_tile: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_tile_under_test", Path(__file__).with_name("image_tile.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_shape_and_repetition():
    img = ramp(h=4, w=5)
    out = run(image=img, columns=3, rows=2)["image"]
    assert out.shape == (1, 8, 15, 3)
    assert np.array_equal(out[:, 4:8, 10:15], img)


def test_mirror_makes_seams_continuous():
    out = run(image=ramp(h=4, w=5), columns=2, rows=1, mirror=True)["image"]
    assert np.array_equal(out[0, :, 4], out[0, :, 5])
