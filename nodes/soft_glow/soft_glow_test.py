"""Tests of intent for the LOKI Flow soft_glow: its generated flow script, run with the LOKI executor or ComfyUI."""
import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location("soft_glow_under_test", Path(__file__).with_name("soft_glow.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)


pytestmark = pytest.mark.skipif(not os.environ.get("COMFYUI_PATH"), reason="a flow of ComfyUI core nodes: set COMFYUI_PATH")


def test_glow_brightens_but_keeps_the_size():
    img = ramp() * 0.5
    out = np.asarray(run(image=img)["image"])
    assert out.shape == img.shape
    assert out.mean() > img.mean()
