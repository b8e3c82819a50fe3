"""The builtins and data methods the static evaluator can compute safely (pure, bounded, on plain data)."""
from __future__ import annotations

import copy
from typing import Any

from .values import BoundMethod, BuiltinFunction, ClassRef, ExternalRef, FunctionRef, ModuleRef, Unresolved, is_unresolved

MUTATORS = {"update", "append", "extend", "insert", "pop", "setdefault", "remove", "clear", "sort", "reverse", "add", "discard", "popitem"}

_BUILTINS = {
    "dict", "list", "tuple", "set", "frozenset", "sorted", "reversed", "len", "str", "int", "float", "bool", "range",
    "min", "max", "abs", "round", "enumerate", "zip", "getattr", "hasattr", "isinstance", "any", "all", "sum", "repr",
    "map", "filter", "type", "print", "id", "super",
}
_CONSTANTS = {"True": True, "False": False, "None": None, "Ellipsis": ...}

# Methods that only read: safe to compute on plain data.
_READERS = {
    dict: {"keys", "values", "items", "get", "copy"},
    list: {"copy", "index", "count"},
    tuple: {"index", "count"},
    str: {"format", "join", "upper", "lower", "replace", "split", "rsplit", "strip", "lstrip", "rstrip", "startswith",
          "endswith", "title", "capitalize", "removeprefix", "removesuffix", "splitlines", "zfill", "casefold"},
}


def _copy_call(args: list, kwargs: dict, unknown: Unresolved) -> Any:
    return deep_copy(args[0]) if len(args) == 1 and not kwargs else unknown


# Values and calls of the standard library that are the same on every 64-bit machine ComfyUI runs on.
KNOWN_EXTERNAL_VALUES: dict[str, Any] = {
    "sys.maxsize": 2**63 - 1,
    "math.pi": 3.141592653589793,
    "math.e": 2.718281828459045,
    "math.inf": float("inf"),
}
def _cleandoc(args: list, kwargs: dict, unknown: Unresolved) -> Any:
    import inspect
    return inspect.cleandoc(args[0]) if len(args) == 1 and isinstance(args[0], str) else unknown


KNOWN_EXTERNAL_CALLS = {"copy.deepcopy": _copy_call, "copy.copy": _copy_call, "inspect.cleandoc": _cleandoc}


def builtin(name: str) -> Any:
    if name in _CONSTANTS:
        return _CONSTANTS[name]
    if name in _BUILTINS:
        return BuiltinFunction(name)
    if name == "__file__":
        return None
    return None


def truth(value: Any) -> bool | None:
    """Python truthiness, or None when the value is unknown."""
    if is_unresolved(value) or isinstance(value, (ExternalRef, BoundMethod)):
        return None
    if isinstance(value, (ClassRef, FunctionRef, ModuleRef, BuiltinFunction)):
        return True
    if isinstance(value, (str, int, float, bool, type(None), list, tuple, dict, set, frozenset, range)):
        return bool(value)
    return None


def iterate(value: Any) -> list | None:
    """The items of an iterable we know completely, else None."""
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, (list, tuple, str, range, set, frozenset)):
        if isinstance(value, range) and len(value) > 100_000:
            return None
        if isinstance(value, (set, frozenset)):
            try:
                return sorted(value)
            except TypeError:
                return None
        return list(value)
    if isinstance(value, _View):
        return value.items()
    return None


class _View:
    """dict.keys()/values()/items() results."""

    def __init__(self, d: dict, kind: str):
        self.d, self.kind = d, kind

    def items(self) -> list:
        if self.kind == "keys":
            return list(self.d.keys())
        if self.kind == "values":
            return list(self.d.values())
        return [tuple(p) for p in self.d.items()]


def subscript(container: Any, key: Any, source: str) -> Any:
    if is_unresolved(container) or is_unresolved(key):
        return Unresolved(source)
    if isinstance(container, _View):
        container = container.items()
    if isinstance(container, (dict, list, tuple, str)):
        try:
            value = container[key]
        except (KeyError, IndexError, TypeError):
            return Unresolved(source)
        return value
    if hasattr(container, "static_subscript"):
        return container.static_subscript(key, source)
    return Unresolved(source)


def method(obj: Any, name: str, unknown: Unresolved) -> Any:
    for kind, names in _READERS.items():
        if isinstance(obj, kind) and (name in names or name in MUTATORS):
            return BoundMethod(obj, name)
    if isinstance(obj, (set, list)) and name in MUTATORS:
        return BoundMethod(obj, name)
    return unknown


def call_method(ev: Any, obj: Any, name: str, args: list, kwargs: dict, unknown: Unresolved) -> Any:
    if any(is_unresolved(a) for a in args) and name not in ("update", "append", "get", "setdefault", "insert"):
        return unknown
    if isinstance(obj, dict):
        if name in ("keys", "values", "items"):
            return _View(obj, name)
        if name == "update":
            for a in args:
                if isinstance(a, _View):
                    a = dict(a.items())
                if not isinstance(a, dict):
                    _spoil_all(obj)
                    return unknown
                obj.update(a)
            obj.update(kwargs)
            return None
    if isinstance(obj, list) and name == "extend":
        items = iterate(args[0]) if args else None
        if items is None:
            return unknown
        obj.extend(items)
        return None
    try:
        return getattr(obj, name)(*args, **kwargs)
    except Exception:  # noqa: BLE001 - a failing call is unknown, never fatal
        return unknown


def _spoil_all(d: dict) -> None:
    """After an update with unknown content nothing about the dict is certain."""
    keys = list(d.keys())
    for k in keys:
        d[k] = Unresolved(f"[{k!r}] after an unknown update")


def call_builtin(ev: Any, name: str, args: list, kwargs: dict, unknown: Unresolved) -> Any:
    if name in ("getattr", "hasattr"):
        if len(args) >= 2 and isinstance(args[1], str):
            found = ev.getattr(args[0], args[1], None) if not isinstance(args[0], (dict, list, str)) else Unresolved("")
            missing = is_unresolved(found) or isinstance(found, ExternalRef)
            if name == "hasattr":
                return unknown if missing else True
            if missing and len(args) == 3 and isinstance(args[0], ClassRef) and not ev.class_attr(args[0], args[1], None):
                return args[2]
            return unknown if missing else found
        return unknown
    if name == "isinstance" and len(args) == 2 and isinstance(args[1], BuiltinFunction):
        py = {"dict": dict, "list": list, "tuple": tuple, "str": str, "int": int, "float": float, "bool": bool}.get(args[1].name)
        if py is not None and not is_unresolved(args[0]) and isinstance(args[0], (str, int, float, bool, dict, list, tuple, type(None))):
            return isinstance(args[0], py)
        return unknown
    if name == "print":
        return None
    if name in ("type", "id", "super", "map", "filter"):
        return unknown
    if name == "dict":
        out: dict = {}
        if args:
            src = args[0]
            if isinstance(src, _View):
                src = src.items()
            if isinstance(src, dict):
                out.update(src)
            else:
                items = iterate(src)
                if items is None or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in items):
                    return unknown
                for k, v in items:
                    if is_unresolved(k):
                        return unknown
                    out[k] = v
        out.update(kwargs)
        return out
    if name in ("list", "tuple", "set", "frozenset", "sorted", "reversed", "enumerate", "zip", "any", "all", "sum", "min", "max"):
        if not args:
            return {"list": [], "tuple": (), "set": set(), "frozenset": frozenset()}.get(name, unknown)
        seqs = [iterate(a) for a in args]
        if any(s is None for s in seqs) and name not in ("min", "max"):
            return unknown
        try:
            if name == "list":
                return list(seqs[0])
            if name == "tuple":
                return tuple(seqs[0])
            if name in ("set", "frozenset"):
                return set(seqs[0])
            if name == "sorted":
                if "key" in kwargs:
                    return unknown
                return sorted(seqs[0], reverse=bool(kwargs.get("reverse", False)))
            if name == "reversed":
                return list(reversed(seqs[0]))
            if name == "enumerate":
                start = args[1] if len(args) > 1 else kwargs.get("start", 0)
                return [(i + start, v) for i, v in enumerate(seqs[0])]
            if name == "zip":
                return [tuple(t) for t in zip(*seqs)]
            if name in ("any", "all", "sum"):
                if any(is_unresolved(v) for v in seqs[0]):
                    return unknown
                return {"any": any, "all": all, "sum": sum}[name](seqs[0])
            plain = [a for a in args]
            if any(is_unresolved(a) for a in plain):
                return unknown
            return (min if name == "min" else max)(*plain) if len(plain) > 1 else (min if name == "min" else max)(seqs[0])
        except TypeError:
            return unknown
    if any(is_unresolved(a) for a in args):
        return unknown
    try:
        if name == "len":
            items = iterate(args[0])
            return unknown if items is None else len(items)
        if name in ("str", "int", "float", "bool", "abs", "round", "repr", "range"):
            if not all(isinstance(a, (str, int, float, bool, type(None))) for a in args):
                return unknown
            return {"str": str, "int": int, "float": float, "bool": bool, "abs": abs, "round": round, "repr": repr, "range": range}[name](*args)
    except (TypeError, ValueError, OverflowError):
        return unknown
    return unknown


def deep_copy(value: Any) -> Any:
    try:
        return copy.deepcopy(value)
    except Exception:  # noqa: BLE001
        return value
