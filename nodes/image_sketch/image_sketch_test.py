"""Tests of intent for image_sketch (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("image_sketch_under_test", _here / "image_sketch.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_image_sketch", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_strokes_are_dark_on_light_paper():
    out = run(image=tiles())["image"]
    assert out.shape == (1, 48, 64, 3)
    assert np.allclose(out[..., 0], out[..., 1]) and np.allclose(out[..., 1], out[..., 2])  # grey
    assert np.median(out) > 0.8 and out.min() < np.median(out) - 0.2  # mostly paper, some darker strokes


def test_stronger_edges_darken_the_strokes():
    assert run(image=tiles(), strength=4.0)["image"].mean() < run(image=tiles(), strength=0.5)["image"].mean()
