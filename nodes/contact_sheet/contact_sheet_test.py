"""Tests of intent for the LOKI Flow contact_sheet: its generated flow script, run with the LOKI executor or ComfyUI."""
import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest

_spec = importlib.util.spec_from_file_location("contact_sheet_under_test", Path(__file__).with_name("contact_sheet.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)


def test_five_images_make_two_rows_of_thumbnails():
    sheet = np.asarray(run(images=ramp(b=5), thumb_size=16, title="")["sheet"])
    assert sheet.shape == (1, 2 * 16 + 4, 4 * 16 + 3 * 4, 3)


def test_title_changes_the_top_left_only():
    plain = np.asarray(run(images=ramp(b=2), thumb_size=32, title="")["sheet"])
    titled = np.asarray(run(images=ramp(b=2), thumb_size=32, title="X")["sheet"])
    assert np.abs(plain - titled)[:, :20, :20].max() > 0.2
