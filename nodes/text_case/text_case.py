"""Changes the case of a text: upper, lower, title, sentence, snake_case or camelCase."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(text="", mode="lower"):
    """One of six case conversions; snake and camel split on anything that is not a letter or digit."""
    import re

    if mode == "upper":
        return {"text": text.upper()}
    if mode == "lower":
        return {"text": text.lower()}
    if mode == "title":
        return {"text": text.title()}
    if mode == "sentence":
        return {"text": re.sub(r"(^\s*|[.!?]\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), text.lower())}
    words = [w for w in re.split(r"[^0-9A-Za-z]+|(?<=[a-z])(?=[A-Z])", text) if w]
    if mode == "snake":
        return {"text": "_".join(w.lower() for w in words)}
    if mode == "camel":
        return {"text": "".join(w.lower() if i == 0 else w.capitalize() for i, w in enumerate(words))}
    raise ValueError(f"unknown mode {mode!r}")


if __name__ == "__main__":
    raise SystemExit(run.main())
