"""Tests of intent for text_slugify: run as pytest from the repository or the pack."""
import importlib.util
from pathlib import Path

import numpy as np

_spec = importlib.util.spec_from_file_location("text_slugify_under_test", Path(__file__).with_name("text_slugify.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
run = _mod.run


def ramp(h=32, w=48, b=1):
    """A deterministic RGB gradient batch [B,H,W,3] in 0..1."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([x / (w - 1), y / (h - 1), (x + y) / (w + h - 2)], axis=-1)
    return np.repeat(img[None], b, axis=0)

def _text(out):
    return out["text"]


def test_folds_accents_and_separators():
    assert _text(run(text="Héllo, Wörld!  LOKI")) == "hello-world-loki"


def test_cuts_at_a_word_boundary():
    assert _text(run(text="alpha beta gamma", max_length=12)) == "alpha-beta"
