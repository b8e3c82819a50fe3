"""Tests of intent for image_thumbnail (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("image_thumbnail_under_test", _here / "image_thumbnail.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_image_thumbnail", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_square_of_the_asked_size():
    for size in (8, 24, 40):
        assert run(image=tiles(), size=size)["image"].shape == (1, size, size, 3)


def test_values_stay_in_range():
    out = run(image=tiles(), size=16)["image"]
    assert out.min() >= 0.0 and out.max() <= 1.0
