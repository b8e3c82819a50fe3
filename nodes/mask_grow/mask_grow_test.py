"""Tests of intent for mask_grow: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("mask_grow_under_test", Path(__file__).with_name("mask_grow.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_grow_then_shrink_restores_a_square():
    m = np.zeros((1, 20, 20), np.float32)
    m[0, 8:12, 8:12] = 1
    grown = run(mask=m, pixels=2)["mask"]
    assert grown.sum() > m.sum()
    assert np.array_equal(run(mask=grown, pixels=-2)["mask"][0, 8:12, 8:12], m[0, 8:12, 8:12])


def test_shrink_removes_single_pixels():
    m = np.zeros((1, 5, 5), np.float32)
    m[0, 2, 2] = 1
    assert run(mask=m, pixels=-1)["mask"].sum() == 0
