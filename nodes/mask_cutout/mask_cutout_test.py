"""Tests of intent for mask_cutout (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("mask_cutout_under_test", _here / "mask_cutout.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_mask_cutout", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_background_shows_where_the_mask_is_empty():
    warm = str(_here / "examples" / "warm.png")
    out = run(image=tiles(), background=warm, color="#66cc33", tolerance=0.45)
    background = step("mask_composite")(background=warm, foreground=tiles(), mask=np.zeros((1, 48, 64), np.float32))["image"]
    empty = out["mask"][0] == 0.0
    assert empty.any() and (~empty).any()
    assert np.allclose(out["image"][0][empty], background[0][empty])


def test_growing_widens_the_mask():
    warm = str(_here / "examples" / "warm.png")
    small = run(image=tiles(), background=warm, color="#66cc33", tolerance=0.45, grow=0)["mask"]
    large = run(image=tiles(), background=warm, color="#66cc33", tolerance=0.45, grow=6)["mask"]
    assert (large > 0).sum() > (small > 0).sum()
