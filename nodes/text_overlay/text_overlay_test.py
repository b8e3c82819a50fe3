"""Tests of intent for text_overlay: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("text_overlay_under_test", Path(__file__).with_name("text_overlay.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_text_changes_pixels_near_position_only():
    img = np.zeros((1, 64, 64, 3), np.float32)
    out = run(image=img, text="X", x=4, y=4, size=16, color="#ff0000")["image"]
    assert out[0, :32, :32, 0].max() > 0.5
    assert out[0, 40:, 40:].max() == 0
    assert out[..., 1].max() == 0


def test_empty_text_is_identity():
    img = ramp()
    assert np.array_equal(run(image=img, text="")["image"], img)
