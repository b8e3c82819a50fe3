"""Runs the ``examples`` of a node's config (contracts §1) and checks their ``expect`` block.

    from loki_runtime import examples
    outputs, problems = examples.run_example(run, "basic")   # run: the script's Script object

File inputs are relative to the node folder. ``expect`` maps an output to a value (numbers compared to 1e-6,
anything else exactly) or to ``{"shape": [...]}`` (the array's shape), ``{"dtype": "float32"}``,
``{"min": x}`` / ``{"max": x}`` (bounds of the values). Used by tests and the pack's smoke runner.
"""
from __future__ import annotations

import math
import os
from typing import Any

from .errors import LokiError


def find_example(run, example: Any) -> dict:
    """The example called ``example`` (or at that index, or the dict itself)."""
    if isinstance(example, dict):
        return example
    listed = list(run.interface.examples)
    if isinstance(example, int):
        return listed[example]
    for i, item in enumerate(listed):
        if item.get("name", f"example{i + 1}") == example:
            return item
    names = ", ".join(str(e.get("name", f"example{i + 1}")) for i, e in enumerate(listed)) or "none"
    raise LokiError(f'{run.interface.name} has no example "{example}" (examples: {names})')


def run_example(run, example: Any) -> tuple[dict, list[str]]:
    """Runs one example; returns the outputs and the list of ``expect`` mismatches (empty when all hold)."""
    item = find_example(run, example)
    outputs = run(**example_inputs(run, item))
    return outputs, check_expect(outputs, item.get("expect") or {})


def example_inputs(run, example: Any) -> dict:
    """The inputs of an example as a call takes them: file inputs as absolute paths (they are relative to the node folder)."""
    item = find_example(run, example)
    inputs = {}
    for name, value in item.get("inputs", {}).items():
        port = _input(run, name)
        if port is not None and port.is_file:
            value = [_resolve(run, v) for v in value] if isinstance(value, list) else _resolve(run, value)
        inputs[name] = value
    return inputs


def check_expect(outputs: dict, expect: dict) -> list[str]:
    """Mismatches between outputs and an ``expect`` block, as readable lines."""
    problems = []
    for name, wanted in expect.items():
        if name not in outputs:
            problems.append(f"{name}: no such output")
            continue
        got = outputs[name]
        if isinstance(wanted, dict) and set(wanted) <= {"shape", "dtype", "min", "max"}:
            problems.extend(_check_array(name, got, wanted))
        elif not _same(got, wanted):
            problems.append(f"{name}: expected {wanted!r}, got {got!r}")
    return problems


def _check_array(name: str, got: Any, wanted: dict) -> list[str]:
    problems = []
    value = got["waveform"] if isinstance(got, dict) and "waveform" in got else got
    shape = list(getattr(value, "shape", ()))
    if "shape" in wanted and shape != list(wanted["shape"]):
        problems.append(f"{name}: expected shape {list(wanted['shape'])}, got {shape}")
    if "dtype" in wanted and str(getattr(value, "dtype", type(value).__name__)) != wanted["dtype"]:
        problems.append(f"{name}: expected dtype {wanted['dtype']}, got {getattr(value, 'dtype', None)}")
    if "min" in wanted and float(value.min()) < wanted["min"] - 1e-6:
        problems.append(f"{name}: values go down to {float(value.min())}, below {wanted['min']}")
    if "max" in wanted and float(value.max()) > wanted["max"] + 1e-6:
        problems.append(f"{name}: values go up to {float(value.max())}, above {wanted['max']}")
    return problems


def _same(got: Any, wanted: Any) -> bool:
    if isinstance(wanted, (int, float)) and not isinstance(wanted, bool) and isinstance(got, (int, float)):
        return math.isclose(float(got), float(wanted), rel_tol=1e-6, abs_tol=1e-6)
    return got == wanted


def _input(run, name: str):
    try:
        return run.interface.input(name)
    except KeyError:
        return None


def _resolve(run, value: Any) -> Any:
    if isinstance(value, str) and not os.path.isabs(value):
        return str(run.folder / value)
    return value
