"""Tests of intent for color_transfer: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("color_transfer_under_test", Path(__file__).with_name("color_transfer.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_zero_strength_is_identity():
    img = ramp()
    assert np.allclose(run(image=img, reference=ramp()[..., ::-1], strength=0.0)["image"], img)


def test_full_transfer_moves_mean_towards_reference():
    img = ramp() * 0.5
    ref = np.clip(ramp() * 0.3 + np.array([0.6, 0.3, 0.1], np.float32), 0, 1)
    out = run(image=img, reference=ref)["image"]
    assert np.abs(out.mean(axis=(0, 1, 2)) - ref.mean(axis=(0, 1, 2))).max() < 0.08
