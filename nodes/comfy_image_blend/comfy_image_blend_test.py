"""Tests of intent for comfy_image_blend: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("comfy_image_blend_under_test", Path(__file__).with_name("comfy_image_blend.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

import os

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("COMFYUI_PATH"), reason="wraps a ComfyUI core node: set COMFYUI_PATH")


def test_normal_blend_at_half_is_the_mean():
    a, b = ramp(), 1.0 - ramp()
    out = run(image1=a, image2=b, blend_factor=0.5, blend_mode="normal")["image"]
    assert np.allclose(np.asarray(out), 0.5, atol=1e-5)
