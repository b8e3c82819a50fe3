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

def test_opaque_is_the_complement_of_transparent():
    alpha = np.zeros((2, 3, 3), np.float32)
    alpha[:, 0] = 1.0
    opaque = run(alpha=alpha)["mask"]
    assert np.array_equal(opaque + run(alpha=alpha, mode="transparent")["mask"], np.ones_like(alpha))
    assert opaque[:, 0].max() == 0 and opaque[:, 1:].min() == 1


def test_threshold_binarises():
    alpha = np.full((1, 2, 2), 0.4, np.float32)
    assert run(alpha=alpha, threshold=0.5)["mask"].max() == 1.0
    assert run(alpha=alpha, threshold=0.7)["mask"].max() == 0.0
