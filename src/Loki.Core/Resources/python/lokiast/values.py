"""Values the static evaluator produces besides plain Python data."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

UNRESOLVED_KEY = "__loki_unresolved__"


@dataclass(frozen=True)
class Unresolved:
    """A value that cannot be known without running code; `source` is the expression that computes it."""

    source: str

    def to_json(self) -> dict:
        return {UNRESOLVED_KEY: self.source}


@dataclass(eq=False)
class ExternalRef:
    """A module or attribute outside the sources we can read (torch, numpy, ...)."""

    dotted: str


@dataclass(eq=False)
class ModuleRef:
    """A module we can read, by file."""

    name: str
    path: str
    is_package: bool
    tree: ast.Module | None = None
    namespace: dict[str, Any] | None = None
    loading: bool = False


@dataclass(eq=False)
class FunctionRef:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    module: ModuleRef
    closure: list[dict] = field(default_factory=list)
    bound: Any = None  # cls / self bound by attribute access through a class
    owner: Any = None  # the class whose body defines it (for super())

    @property
    def name(self) -> str:
        return self.node.name

    def is_classmethod(self) -> bool:
        return any(isinstance(d, ast.Name) and d.id in ("classmethod", "staticmethod") for d in self.node.decorator_list)


@dataclass(eq=False)
class ClassRef:
    node: ast.ClassDef
    module: ModuleRef
    closure: list[dict] = field(default_factory=list)
    bases: list[Any] | None = None
    namespace: dict[str, Any] | None = None
    loading: bool = False

    @property
    def name(self) -> str:
        return self.node.name


@dataclass(eq=False)
class BuiltinFunction:
    name: str


@dataclass(eq=False)
class BoundMethod:
    obj: Any
    name: str


def is_unresolved(value: Any) -> bool:
    return isinstance(value, Unresolved)


def contains_unresolved(value: Any) -> bool:
    if isinstance(value, Unresolved):
        return True
    if isinstance(value, dict):
        return any(contains_unresolved(k) or contains_unresolved(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(contains_unresolved(v) for v in value)
    return False


def to_json(value: Any) -> Any:
    """Plain JSON data; anything that is not data becomes an unresolved marker naming what it is."""
    if isinstance(value, Unresolved):
        return value.to_json()
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {UNRESOLVED_KEY: repr(value)}
        return value
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(to_json(k))): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    if isinstance(value, ExternalRef):
        return {UNRESOLVED_KEY: value.dotted}
    if isinstance(value, (ClassRef, FunctionRef)):
        return {UNRESOLVED_KEY: value.name}
    if hasattr(value, "to_json"):
        return value.to_json()
    return {UNRESOLVED_KEY: type(value).__name__}
