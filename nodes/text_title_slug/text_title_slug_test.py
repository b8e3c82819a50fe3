"""Tests of intent for text_title_slug (a composite LOKI Script): run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_here = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("text_title_slug_under_test", _here / "text_title_slug.py")
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def step(name):
    """The run function of a sibling library node, for checking the composite against its parts by hand."""
    spec = importlib.util.spec_from_file_location(f"{name}_step_of_text_title_slug", _here.parent / name / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run


def tiles():
    return str(_here / "examples" / "tiles.png")


def test_title_and_slug_share_the_cleaned_text():
    out = run(text="level_six_flows")
    assert out == {"title": "Level Six Flows", "slug": "level-six-flows", "replaced": 2}


def test_custom_replacement():
    out = run(text="a+b+c", find="+", replace=" plus ")
    assert out["title"] == "A Plus B Plus C" and out["replaced"] == 2
