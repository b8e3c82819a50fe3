"""Tests of intent for the LOKI Flow photo_finish: its generated flow script, run with the LOKI executor or ComfyUI."""
import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location("photo_finish_under_test", Path(__file__).with_name("photo_finish.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)


def test_keeps_the_size_and_writes_the_caption():
    img = ramp(h=48, w=64)
    with_caption = np.asarray(run(image=img, caption="LOKI")["image"])
    without = np.asarray(run(image=img, caption="")["image"])
    assert with_caption.shape == img.shape
    assert np.abs(with_caption - without).max() > 0.2
    assert np.abs(with_caption[:, 32:, 40:] - without[:, 32:, 40:]).max() == 0
