"""Tests of intent for image_edge_detect: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("image_edge_detect_under_test", Path(__file__).with_name("image_edge_detect.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def test_flat_image_has_no_edges():
    assert run(image=np.full((1, 8, 8, 3), 0.5, np.float32), device="cpu")["image"].max() == 0


def test_vertical_step_gives_a_vertical_line():
    img = np.zeros((1, 8, 8, 3), np.float32)
    img[:, :, 4:] = 1
    out = run(image=img, device="cpu")["image"][0, :, :, 0]
    assert out[:, 3:5].min() > 0.2 and out[:, 0:2].max() == 0 and out[:, 6:].max() == 0


def test_cuda_matches_cpu_when_available():
    import pytest
    import torch

    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    img = ramp()
    assert np.allclose(run(image=img, device="cuda")["image"], run(image=img, device="cpu")["image"], atol=1e-5)
