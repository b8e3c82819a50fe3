"""Calls into the module's own functions that `loki decompose` recurses into, up to `--depth`.

A statement `x = helper(a, b=c)` whose callee is a plain function defined at the top level of the same module (not
an external package, not the function itself or one of its callers) becomes a step of its own, and that step is the
callee's own decomposition: a composite node with the callee's parameters as inputs and its return value as output,
calling the callee's steps. It qualifies only when the call can be a node of a flow: one name assigned, every
argument a local value passed by position or keyword (no `*`/`**`), every parameter of the callee given (a flow has
no place for a default the caller leaves out), and the callee one value returned and itself decomposable.
"""
from __future__ import annotations

import ast


def local_functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """The plain functions defined at the module's top level, by name."""
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def parameters(fn: ast.FunctionDef) -> list[str]:
    return [a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs]


def call_of(stmt: ast.stmt, functions: dict[str, ast.FunctionDef], local_names: set[str], stack: tuple[str, ...]):
    """(callee, the argument names in the callee's parameter order) when `stmt` is such a call, else None."""
    if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
        return None
    call = stmt.value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)) or call.func.id in stack or call.func.id in local_names:
        return None
    fn = functions.get(call.func.id)
    if fn is None or fn.args.vararg or fn.args.kwarg:
        return None
    names = parameters(fn)
    positional = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    given: dict[str, str] = {}
    if len(call.args) > len(positional):
        return None
    for param, arg in zip(positional, call.args):
        if not (isinstance(arg, ast.Name) and arg.id in local_names):
            return None
        given[param] = arg.id
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg in given or keyword.arg not in names:
            return None
        if not (isinstance(keyword.value, ast.Name) and keyword.value.id in local_names):
            return None
        given[keyword.arg] = keyword.value.id
    if set(given) != set(names):
        return None
    return fn.name, [given[p] for p in names]
