"""Function shapes `loki decompose` refuses, each with its code (mirrored in LokiCodes.cs, LOKI6130-6169).

A step is a pure function of named values in, named values out, run one after the other: a return that leaves
the function early, a write to a global, a generator or a dynamic look at the local scope has no such form.
"""
from __future__ import annotations

import ast

EARLY_RETURN = "LOKI6130"
GLOBAL_WRITE = "LOKI6131"
GENERATOR = "LOKI6132"
DYNAMIC_SCOPE = "LOKI6133"
METHOD = "LOKI6134"
VARIADIC = "LOKI6135"
NOTHING_TO_CUT = "LOKI6136"
NO_RESULT = "LOKI6143"

_DYNAMIC = {"locals", "vars", "exec", "eval", "super", "globals"}


class Refusal(Exception):
    """Why a function cannot be decomposed: a code, a message and the line at fault."""

    def __init__(self, code: str, message: str, line: int):
        super().__init__(message)
        self.code = code
        self.line = line


def check(fn: ast.FunctionDef | ast.AsyncFunctionDef, qualname: str) -> None:
    """Raises the first `Refusal` that applies to `fn`, in source order within each rule."""
    name = qualname
    if isinstance(fn, ast.AsyncFunctionDef):
        raise Refusal(GENERATOR, f"{name} is an async function: its steps would have to be awaited", fn.lineno)
    if "." in qualname and not any(_decorator(d) == "staticmethod" for d in fn.decorator_list):
        raise Refusal(METHOD, f"{name} is a method: it needs an instance (only plain functions and static methods are decomposed)", fn.lineno)
    body = _own_nodes(fn)
    for node in body:
        if isinstance(node, (ast.Yield, ast.YieldFrom, ast.Await)):
            raise Refusal(GENERATOR, f"{name} is a generator or awaits: a step must return its values once", node.lineno)
    for node in body:
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            kind = "global" if isinstance(node, ast.Global) else "nonlocal"
            raise Refusal(GLOBAL_WRITE, f"{name} declares {kind} {', '.join(node.names)}: a step may only change its own values", node.lineno)
    for node in body:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _DYNAMIC:
            raise Refusal(DYNAMIC_SCOPE, f"{name} calls {node.func.id}(), which looks at the function's own scope", node.lineno)
    statements = _statements(fn)
    for node in body:
        if isinstance(node, ast.Return) and (not statements or node is not statements[-1]):
            raise Refusal(EARLY_RETURN, f"{name} returns early (line {node.lineno}): only a return as its last statement can be cut", node.lineno)
    if not statements or not isinstance(statements[-1], ast.Return) or statements[-1].value is None:
        raise Refusal(NO_RESULT, f"{name} returns no value: a flow of steps needs an output", fn.lineno)
    args = fn.args
    used = {n.id for n in body if isinstance(n, ast.Name)}
    for variadic in (args.vararg, args.kwarg):
        if variadic is not None and variadic.arg in used:
            stars = "*" if variadic is args.vararg else "**"
            raise Refusal(VARIADIC, f"{name} uses {stars}{variadic.arg}, which cannot be a node input", fn.lineno)


def _statements(fn) -> list[ast.stmt]:
    """The body without its docstring."""
    body = list(fn.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        body = body[1:]
    return body


def _own_nodes(fn) -> list[ast.AST]:
    """Every node of the function's own scope: nested functions, lambdas and classes are left out."""
    found: list[ast.AST] = []
    todo: list[ast.AST] = list(fn.body)
    while todo:
        node = todo.pop(0)
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        todo[:0] = list(ast.iter_child_nodes(node))
    return found


def _decorator(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
