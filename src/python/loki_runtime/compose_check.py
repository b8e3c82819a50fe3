"""The equivalence proof of a composite LOKI Script and the flow the build compiled from it.

    python -m loki_runtime.compose_check --script nodes/x/x.py --flow /tmp/x_flow.py [--names '{"inputs": {"N": "n"}}']

Runs every example of the script's config through the script (its own `run`, calling library nodes in memory) and
through the flow script (`loki convert FLOW --to script` of the compiled flow) on the LOKI executor, and compares
every output: arrays by shape, dtype and exact values, anything else by equality. Prints one JSON object:
`{"equal": bool, "examples": [{"name", "equal", "difference"}], "error": "..."}`; exit 0 when equal, 1 when not.
Nothing is approximated: the flow runs the same node code on the same values, so any difference is a real one.
A flow's interface names its ports as Python identifiers in snake case (the script's `N` is the flow's `n`):
`--names` maps the script's input and output names to the flow's, and the flow is called and read through it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

from . import examples
from .script import Script


def check(script_path: str | Path, flow_path: str | Path, names: dict | None = None) -> dict:
    """The comparison of the script and the flow on each example of the script's config. `names` maps the script's
    port names to the flow's (`{"inputs": {...}, "outputs": {...}}`); a name it leaves out is the same in both."""
    script_run = _entry(Path(script_path), "loki_compose_script")
    flow_run = _entry(Path(flow_path), "loki_compose_flow")
    to_flow = (names or {}).get("inputs") or {}
    from_flow = {flow: own for own, flow in ((names or {}).get("outputs") or {}).items()}
    listed = list(script_run.interface.examples)
    results = []
    for index, item in enumerate(listed):
        name = item.get("name", f"example{index + 1}")
        inputs = examples.example_inputs(script_run, item)
        expected = script_run(**inputs)
        got = flow_run(**{to_flow.get(k, k): v for k, v in inputs.items()}, backend="loki")
        got = {from_flow.get(k, k): v for k, v in got.items()}
        difference = compare(expected, got)
        results.append({"name": name, "equal": difference is None, "difference": difference})
    return {"equal": bool(results) and all(r["equal"] for r in results), "examples": results}


def compare(expected: dict, got: dict) -> str | None:
    """None when both output dicts hold the same values; else the first difference, readable."""
    if set(expected) != set(got):
        return f"outputs differ: script gives {sorted(expected)}, flow gives {sorted(got)}"
    for name in expected:
        difference = _compare_value(expected[name], got[name])
        if difference is not None:
            return f"{name}: {difference}"
    return None


def _compare_value(a: Any, b: Any) -> str | None:
    if hasattr(a, "shape") or hasattr(b, "shape"):
        import numpy as np

        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape:
            return f"shape {list(a.shape)} vs {list(b.shape)}"
        if a.dtype != b.dtype:
            return f"dtype {a.dtype} vs {b.dtype}"
        if not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
            diff = np.abs(a.astype(np.complex128) - b.astype(np.complex128))
            return f"{int(np.count_nonzero(diff))} values differ, by up to {float(np.nanmax(diff)):.6g}"
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        return compare(a, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        # A decomposed function's result may be a tuple of arrays (scipy's (z, p, k)): compared item by item.
        if type(a) is not type(b) or len(a) != len(b):
            return f"{type(a).__name__} of {len(a)} vs {type(b).__name__} of {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            difference = _compare_value(x, y)
            if difference is not None:
                return f"[{i}]: {difference}"
        return None
    return None if a == b else f"{a!r} vs {b!r}"


def _entry(path: Path, prefix: str) -> Script:
    name = f"{prefix}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    found = [v for v in vars(module).values() if isinstance(v, Script)]
    if not found:
        raise ImportError(f"{path} has no LOKI entry function")
    return found[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loki_runtime.compose_check")
    parser.add_argument("--script", required=True)
    parser.add_argument("--flow", required=True)
    parser.add_argument("--names", type=json.loads, default=None, help="the flow's port names: JSON {inputs: {...}, outputs: {...}}")
    args = parser.parse_args(argv)
    try:
        result = check(args.script, args.flow, args.names)
    except Exception as ex:  # a failing run is an answer here (the build refuses the flow), not a crash
        result = {"equal": False, "examples": [], "error": f"{type(ex).__name__}: {ex}"}
    sys.stdout.write(json.dumps(result) + "\n")
    return 0 if result["equal"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
