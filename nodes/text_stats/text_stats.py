"""Counts the characters, words and lines of a text."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(text=""):
    """len, split and splitlines."""
    return {"characters": len(text), "words": len(text.split()), "lines": len(text.splitlines())}


if __name__ == "__main__":
    raise SystemExit(run.main())
