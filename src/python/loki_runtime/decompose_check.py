"""Is a decomposed function equal to its original? Both run on the same generated inputs, through the composite's
interface, and must give the same results (or raise the same error), leaving their inputs in the same state.

    python -m loki_runtime.decompose_check --file F.py --function NAME --composite nodes/<n>/<n>.py
        [--module DOTTED --installed] [--trials 24] [--seed 0] [--flow FLOW_SCRIPT [--names JSON]]

Prints one JSON object: {"equal", "trials", "returned", "raised", "examples", "difference": {"inputs", "original",
"decomposed"}}; `examples` holds up to three input sets that returned normally and are plain JSON (config examples).
Exit 0 equal, 1 different or unproven (fewer than 3 runs returned normally), 2 the original or the composite
cannot be loaded. The composite runs its steps in this process (``loki_runtime.compose``): the node folders
beside its own.

With `--flow` (the flow script `loki convert --to script` makes of the composite's compiled flow) every input set
also runs through that flow on the LOKI executor (its nodes found through `LOKI_LIBRARY`), called through the
flow's port names (`--names`, as `compose_check` takes them), and must give the original's outcome as well:
`"flow": {"equal": bool, "difference": ...}` says whether it did. The composite script and the flow are proven on
the same generated inputs, arrays and other values no config example can hold included.
"""
from __future__ import annotations

import argparse
import copy
import importlib
import importlib.util
import json
import math
import sys
from pathlib import Path

from . import generated_inputs

MIN_RETURNED = 3
EXAMPLES = 3


def load_original(file: str, qualname: str, module: str | None, installed: bool):
    """The function itself: imported by its module name when installed, else from its file (its folder on sys.path)."""
    if installed and module:
        target = importlib.import_module(module)
    else:
        path = Path(file).resolve()
        sys.path.insert(0, str(path.parent))
        name = f"loki_original_{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        target = importlib.util.module_from_spec(spec)
        sys.modules[name] = target
        spec.loader.exec_module(target)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target


def load_composite(path: str):
    """The composite's `@script.entry` function; its steps are found by `compose.node` beside its folder."""
    from .node_registry import script_of

    return script_of(Path(path).resolve().parent)


def load_flow(path: str):
    """The flow script's entry (`Flow.entry`), run with `backend="loki"`."""
    from .compose_check import _entry

    return _entry(Path(path).resolve(), "loki_decompose_flow")


def outcome(call, inputs: dict):
    """("returned", value, inputs after) or ("raised", "Type: message", inputs after)."""
    mine = copy.deepcopy(inputs)
    try:
        return ("returned", call(mine), mine)
    except Exception as ex:  # the error itself is the outcome to compare
        return ("raised", f"{type(ex).__name__}: {ex}", mine)


def same(a, b) -> bool:
    """Exact equality, element by element for arrays and containers (NaN equals NaN)."""
    if type(a).__name__ == "ndarray" or type(b).__name__ == "ndarray":
        import numpy as np

        return type(a) is type(b) and a.shape == b.shape and a.dtype == b.dtype and bool(
            np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if _number(a) and _number(b):
        # A typed port turns 3 into 3.0 on one path and not the other (the runtime coerces dict results only).
        return a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return repr(a) == repr(b)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check(original, composite, trials: int = 24, seed: int = 0, flow=None, names: dict | None = None) -> dict:
    # Inputs the composite's interface admits: a typed port takes only its type (a bool is no INT there).
    families = generated_inputs.settle_families(original, seed, fixed=generated_inputs.port_families(composite.interface.inputs))
    outputs = [p.name for p in composite.interface.outputs]

    # The original is presented through the composite's own interface (inputs coerced, outputs normalised the same
    # way), so what is compared is what the steps compute, not what a typed port does to a value.
    from .script import Script

    wrapped = Script(original, composite.interface, composite.folder)

    def as_values(result: dict):
        if len(outputs) > 1:
            return tuple(result[o] for o in outputs)
        return next(iter(result.values())) if result else None

    to_flow = (names or {}).get("inputs") or {}
    from_flow = {mine: own for own, mine in ((names or {}).get("outputs") or {}).items()}

    def run_flow(inputs: dict):
        got = flow(**{to_flow.get(k, k): v for k, v in inputs.items()}, backend="loki")
        return as_values({from_flow.get(k, k): v for k, v in got.items()})

    returned = raised = 0
    examples = []
    recorder = _StepInputs()
    flow_difference = None
    for inputs in generated_inputs.generate(original, trials, seed, families):
        want = outcome(lambda i: as_values(wrapped(**i)), inputs)
        with recorder:
            got = outcome(lambda i: as_values(composite(**i)), inputs)
        if want[0] != got[0] or not same(want[1], got[1]) or not same(want[2], got[2]):
            return {"equal": False, "trials": trials, "returned": returned, "raised": raised, "families": families,
                    "difference": {"inputs": _show(inputs), "original": _show(want[:2]), "decomposed": _show(got[:2])}}
        if flow is not None and flow_difference is None:
            # The flow's errors come back in the executor's words, and a flow hands values on rather than changing
            # its caller's: its outcome and a normal return's value are what is compared, exactly.
            ran = outcome(run_flow, inputs)
            if want[0] != ran[0] or (want[0] == "returned" and not same(want[1], ran[1])):
                flow_difference = {"inputs": _show(inputs), "original": _show(want[:2]), "flow": _show(ran[:2])}
        returned += want[0] == "returned"
        raised += want[0] == "raised"
        example = _as_json(inputs) if want[0] == "returned" and len(examples) < EXAMPLES else None
        if example is not None and example not in examples:  # three different examples, not one thrice
            examples.append(example)
    result = {"equal": returned >= MIN_RETURNED, "trials": trials, "returned": returned, "raised": raised, "families": families,
              "examples": examples, "step_examples": recorder.found}
    if flow is not None:
        result["flow"] = {"equal": flow_difference is None and returned >= MIN_RETURNED, "difference": flow_difference}
    return result


class _StepInputs:
    """While active, records the plain-JSON inputs each step node is called with (up to EXAMPLES per node, calls
    that returned normally): examples for the configs of steps that are composites themselves."""

    def __init__(self):
        self.found: dict[str, list] = {}

    def __enter__(self):
        from . import compose

        self._call = compose.NodeCall.__call__
        recorder, call = self, self._call

        def recording(node, **inputs):
            before = _as_json(inputs)
            result = call(node, **inputs)
            seen = recorder.found.setdefault(node.name, [])
            if before is not None and len(seen) < EXAMPLES and before not in seen:
                seen.append(before)
            return result

        compose.NodeCall.__call__ = recording
        return self

    def __exit__(self, *exc):
        from . import compose

        compose.NodeCall.__call__ = self._call
        return False


def _as_json(inputs: dict):
    """The inputs as JSON when they survive the round trip unchanged (they can then be a config example), else None."""
    try:
        back = json.loads(json.dumps(inputs, allow_nan=False))
    except (TypeError, ValueError):
        return None
    return back if same(back, inputs) else None


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 400 else text[:400] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loki_runtime.decompose_check")
    parser.add_argument("--file", required=True)
    parser.add_argument("--function", required=True)
    parser.add_argument("--module")
    parser.add_argument("--installed", action="store_true")
    parser.add_argument("--composite", required=True)
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--flow", help="the flow script of the composite's compiled flow, run on the LOKI executor too")
    parser.add_argument("--names", type=json.loads, default=None, help="the flow's port names: JSON {inputs: {...}, outputs: {...}}")
    args = parser.parse_args(argv)
    try:
        original = load_original(args.file, args.function, args.module, args.installed)
        composite = load_composite(args.composite)
        flow = load_flow(args.flow) if args.flow else None
    except Exception as ex:  # reported as one JSON line, never a traceback
        print(json.dumps({"error": f"{type(ex).__name__}: {ex}"}))
        return 2
    result = check(original, composite, args.trials, args.seed, flow, args.names)
    print(json.dumps(result, ensure_ascii=True))
    return 0 if result["equal"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
