"""Tests of intent for image_batch_repeat: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_batch_repeat_under_test", Path(__file__).with_name("image_batch_repeat.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_repeat_and_reverse():
    img = np.arange(3, dtype=np.float32)[:, None, None, None] * np.ones((3, 1, 1, 3), np.float32)
    out = run(image=img, times=2, reverse=True)["image"]
    assert out[:, 0, 0, 0].tolist() == [2, 1, 0, 2, 1, 0]
