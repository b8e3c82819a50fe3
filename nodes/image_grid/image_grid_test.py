"""Tests of intent for image_grid: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_grid_under_test", Path(__file__).with_name("image_grid.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_layout_of_five_images():
    img = ramp(h=4, w=6, b=5)
    out = run(image=img, columns=2, gap=1, background="#000000")["image"]
    assert out.shape == (1, 3 * 4 + 2, 2 * 6 + 1, 3)
    assert np.array_equal(out[0, 5:9, 7:13], img[3]) and np.array_equal(out[0, 10:14, 0:6], img[4])
    assert not out[0, 5:9, 6].any() and not out[0, 10:14, 7:].any()
