"""Tests of intent for image_info: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_info_under_test", Path(__file__).with_name("image_info.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_reports_shape():
    out = run(image=ramp(h=10, w=20, b=3))
    assert (out["width"], out["height"], out["batch_size"]) == (20, 10, 3)
    assert 0.0 < out["mean"] < 1.0
