"""Tests of intent for image_finish (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("image_finish_under_test", _here / "image_finish.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_image_finish", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_levels_stretch_then_caption_is_drawn():
    plain = run(image=tiles(), caption="")["image"]
    captioned = run(image=tiles(), caption="LOKI")["image"]
    assert plain.shape == (1, 48, 64, 3)
    assert not np.array_equal(plain[:, :20], captioned[:, :20])  # the caption's corner changed
    assert np.array_equal(plain[:, 30:], captioned[:, 30:])  # the rest did not


def test_sharpening_amount_matters():
    soft = run(image=tiles(), caption="", amount=0.0)["image"]
    hard = run(image=tiles(), caption="", amount=3.0)["image"]
    assert np.abs(hard - soft).max() > 0.05


def test_equals_its_steps_by_hand():
    leveled = step("image_levels")(image=tiles(), black_point=0.04, white_point=0.96, gamma=1.1)["image"]
    sharp = step("image_sharpen")(image=leveled, amount=0.8, radius=1.5, threshold=0.02)["image"]
    assert np.array_equal(run(image=tiles(), caption="")["image"], sharp)
