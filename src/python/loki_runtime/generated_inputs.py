"""Inputs generated for a plain Python function, to compare it with its decomposition (``decompose_check``).

Each parameter gets a family of values (int, float, str, bool, list, ndarray, None) from, in order: its
annotation, its default, its name; a parameter none of these tells is tried with each family and keeps the one
the function accepts most often. Values come from a seeded ``random.Random``: the same seed gives the same inputs.
"""
from __future__ import annotations

import inspect
import random
import typing

FAMILIES = ("int", "float", "str", "bool", "list", "ndarray")

_WORDS = ["alpha", "beta", "gamma", "loki", "fox", "node", "flow", "a", "I", "über", "x_1", "3.5", "--", "(hi)",
          "supercalifragilistic", "tab\tbed", "end."]
_NAME_HINTS = (
    (("text", "string", "s", "prefix", "suffix", "name", "sep", "word", "line", "label", "fmt", "pattern", "chars"), "str"),
    (("n", "count", "size", "width", "num", "index", "k", "length", "depth", "level", "i", "j", "steps", "bits", "tabsize"), "int"),
    (("flag", "strict", "reverse", "copy"), "bool"),
    (("x", "y", "value", "amount", "scale", "factor", "alpha", "sigma", "ratio", "threshold", "limit", "gamma", "t"), "float"),
    (("items", "values", "seq", "sequence", "lst", "elements", "data"), "list"),
    (("a", "arr", "array", "image", "img", "m", "matrix", "v", "vec"), "ndarray"),
)


def family_of(parameter: inspect.Parameter) -> str | None:
    """The family a parameter's annotation, default or name implies; None when nothing does."""
    return declared_family(parameter) or name_hint(parameter)


def declared_family(parameter: inspect.Parameter) -> str | None:
    """The family the parameter's annotation or default states."""
    family = _from_annotation(parameter.annotation)
    if family:
        return family
    default = parameter.default
    if default is not inspect.Parameter.empty and default is not None:
        for kind, family in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), ((list, tuple), "list")):
            if isinstance(default, kind):
                return family
        if type(default).__name__ == "ndarray":
            return "ndarray"
    return None


def name_hint(parameter: inspect.Parameter) -> str | None:
    """The family the parameter's name suggests (`n` an int, `a` an array): a first guess only."""
    name = parameter.name.lower()
    for names, family in _NAME_HINTS:
        if name in names or name.startswith(tuple(n + "_" for n in names if len(n) > 1)):
            return family
    return None


def _from_annotation(annotation) -> str | None:
    if annotation is inspect.Parameter.empty:
        return None
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    origin = typing.get_origin(annotation)
    if origin is not None and not isinstance(annotation, str):
        text = getattr(origin, "__name__", str(origin))
    text = text.replace("typing.", "").split("[")[0].split("|")[0].strip()
    return {"int": "int", "float": "float", "str": "str", "bool": "bool", "list": "list", "List": "list",
            "Sequence": "list", "tuple": "list", "ndarray": "ndarray", "NDArray": "ndarray", "ArrayLike": "ndarray"}.get(text)


_PORT_FAMILIES = {"INT": "int", "FLOAT": "float", "STRING": "str", "BOOLEAN": "bool"}


def port_families(ports) -> dict[str, object]:
    """What a node interface admits per input: a family for INT/FLOAT/STRING/BOOLEAN ports (clamped to their range),
    the options themselves for COMBO; opaque ports are left to the function."""
    found = {}
    for port in ports:
        if port.type == "COMBO" and port.options:
            found[port.name] = tuple(port.options)
        elif port.type in _PORT_FAMILIES:
            found[port.name] = (_PORT_FAMILIES[port.type], port.min, port.max)
    return found


def value(family, rng: random.Random, default=inspect.Parameter.empty):
    """One value of `family`; near the default half of the time when there is one. A family may be a tuple of
    choices (a COMBO's options) or `(family, min, max)` (a ranged port)."""
    if isinstance(family, tuple) and family and family[0] in FAMILIES and len(family) == 3:
        kind, low, high = family
        picked = value(kind, rng, default)
        if kind in ("int", "float"):
            picked = max(low, picked) if low is not None else picked
            picked = min(high, picked) if high is not None else picked
            picked = int(picked) if kind == "int" else float(picked)
        return picked
    if isinstance(family, tuple):
        return rng.choice(family)
    near = default is not inspect.Parameter.empty and default is not None and rng.random() < 0.5
    if family == "int":
        base = int(default) if near and isinstance(default, (int, float)) else 0
        return base + rng.choice([0, 1, 2, 3, 4, 5, 7, 8, 10, 16, 40, -1, -3])
    if family == "float":
        base = float(default) if near and isinstance(default, (int, float)) else 0.0
        return round(base + rng.choice([0.0, 0.5, 1.0, 2.25, -1.5, rng.uniform(-3, 6)]), 6)
    if family == "bool":
        return rng.random() < 0.5
    if family == "str":
        return _text(rng)
    if family == "list":
        return [rng.randint(-5, 9) for _ in range(rng.randint(0, 8))]
    if family == "ndarray":
        import numpy as np

        shape = rng.choice([(6,), (3, 4), (2, 3, 4), (5, 1), (1,)])
        return np.random.default_rng(rng.randrange(2 ** 32)).normal(size=shape).round(4)
    raise ValueError(f"unknown family {family}")


def _text(rng: random.Random) -> str:
    lines = []
    indent = rng.choice(["", "", "    ", "\t", "  "])
    for _ in range(rng.randint(1, 5)):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 14))]
        lines.append(indent + " ".join(words) + rng.choice(["", "", " ", "  "]))
    return rng.choice(["\n", "\n", "\n\n", "\r\n"]).join(lines) + rng.choice(["", "\n"])


def generate(function, trials: int, seed: int, families: dict | None = None) -> list[dict]:
    """`trials` keyword argument sets for `function`; `families` overrides the family of named parameters."""
    rng = random.Random(seed)
    params = [p for p in inspect.signature(function).parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    chosen = {p.name: (families or {}).get(p.name) or family_of(p) or "str" for p in params}
    sets = []
    for _ in range(trials):
        inputs = {}
        for p in params:
            if p.default is None and rng.random() < 0.3:
                inputs[p.name] = None
            else:
                inputs[p.name] = value(chosen[p.name], rng, p.default)
        sets.append(inputs)
    return sets


def settle_families(function, seed: int, probe_trials: int = 8, fixed: dict | None = None) -> dict:
    """For each parameter nothing describes, the family under which `function` raises least often; `fixed`
    (e.g. from the node's ports) wins over everything. A family guessed from the name alone is kept unless the
    function never runs with it (`x` read as a number where the code takes an array): then it is probed like the
    others, the guess first on a tie."""
    params = [p for p in inspect.signature(function).parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    families = {p.name: (fixed or {}).get(p.name) or family_of(p) for p in params}
    for p in params:
        hinted = not (fixed or {}).get(p.name) and not declared_family(p) and families[p.name] is not None
        if hinted and _ok_count(function, families, p.name, families[p.name], probe_trials, seed) == 0:
            families[p.name] = None
        if families[p.name] is not None:
            continue
        guess = name_hint(p) if hinted else None
        best, best_ok = "str", -1
        for family in ([guess] if guess else []) + [f for f in _available(FAMILIES) if f != guess]:
            ok = _ok_count(function, families, p.name, family, probe_trials, seed)
            if ok > best_ok:
                best, best_ok = family, ok
        families[p.name] = best
    return {k: v or "str" for k, v in families.items()}


def _ok_count(function, families: dict, name: str, family, probe_trials: int, seed: int) -> int:
    """How many of `probe_trials` generated inputs run `function` normally with `name` of `family`."""
    trial = {k: v or "str" for k, v in families.items()}
    trial[name] = family
    return sum(1 for inputs in generate(function, probe_trials, seed, trial) if _runs(function, inputs))


def _available(families) -> list[str]:
    import importlib.util

    return [f for f in families if f != "ndarray" or importlib.util.find_spec("numpy") is not None]


def _runs(function, inputs: dict) -> bool:
    try:
        function(**inputs)
        return True
    except Exception:
        return False
