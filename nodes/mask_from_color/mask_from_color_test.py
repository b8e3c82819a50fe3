"""Tests of intent for mask_from_color: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("mask_from_color_under_test", Path(__file__).with_name("mask_from_color.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_selects_exact_colour_only():
    img = np.zeros((1, 2, 2, 3), np.float32)
    img[0, 0, 0] = [0, 1, 0]
    mask = run(image=img, color="#00ff00", tolerance=0.01)["mask"]
    assert mask.shape == (1, 2, 2) and mask[0, 0, 0] == 1 and mask.sum() == 1


def test_softness_gives_partial_values():
    img = np.full((1, 1, 1, 3), 0.5, np.float32)
    mask = run(image=img, color="#808080", tolerance=0.0, softness=0.5)["mask"]
    assert 0.9 < mask[0, 0, 0] <= 1.0
