"""Replaces every occurrence of a pattern in a text, literally or as a regular expression."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(text="", find="", replace="", regex=False, ignore_case=False):
    """re.subn with the pattern escaped unless regex is on."""
    import re

    if not find:
        return {"text": text, "count": 0}
    pattern = re.compile(find if regex else re.escape(find), re.IGNORECASE if ignore_case else 0)
    result, count = pattern.subn(replace if regex else replace.replace("\\", "\\\\"), text)
    return {"text": result, "count": count}


if __name__ == "__main__":
    raise SystemExit(run.main())
