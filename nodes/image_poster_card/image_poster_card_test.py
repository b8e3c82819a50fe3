"""Tests of intent for image_poster_card (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("image_poster_card_under_test", _here / "image_poster_card.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_image_poster_card", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_card_is_padded_and_posterized():
    out = run(image=tiles(), title="", levels=2)["image"]
    assert out.shape == (1, 80, 80, 3)
    assert np.allclose(out[0, 0, 0], 0x20 / 255, atol=1 / 255)  # the pad colour above the picture (anchored bottom)
    picture = out[0, 32:, 8:72]
    assert len(np.unique(np.round(picture * 255))) <= 2  # two tones per channel


def test_title_is_drawn_in_the_band():
    plain = run(image=tiles(), title="")["image"]
    titled = run(image=tiles(), title="LOKI")["image"]
    assert not np.array_equal(plain[:, :20], titled[:, :20])
    assert np.array_equal(plain[:, 40:], titled[:, 40:])
