"""Control flow and small helpers shared by the evaluator's parts."""
from __future__ import annotations

import ast
from typing import Any

from .values import ModuleRef, is_unresolved

MAX_STEPS = 200_000
MAX_DEPTH = 40


class GiveUp(Exception):
    """The current function body cannot be followed; its result is unresolved."""


class _Return(Exception):
    def __init__(self, value: Any):
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


_PLAIN = (str, int, float, bool, type(None), list, tuple, dict, set, frozenset, range)


def _src(module: ModuleRef | None, node: ast.AST, fallback: str | None = None) -> str:
    try:
        return ast.unparse(node)
    except Exception:  # noqa: BLE001
        return fallback or type(node).__name__


def _plain(v: Any) -> bool:
    return isinstance(v, _PLAIN) and not is_unresolved(v)


def _hashable(v: Any) -> bool:
    try:
        hash(v)
        return True
    except TypeError:
        return False


def _is_classmethod(node: ast.AST) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "classmethod" for d in getattr(node, "decorator_list", []))


def _is_harmless_decorator(d: ast.expr) -> bool:
    name = d.attr if isinstance(d, ast.Attribute) else d.id if isinstance(d, ast.Name) else ""
    return name in ("override", "property", "classproperty", "cache", "lru_cache", "abstractmethod", "final")
