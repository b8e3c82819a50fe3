"""`loki decompose FILE.py:FUNCTION`: the plan of a function cut into steps, as plain data (nothing is imported).

    {"function", "qualname", "line", "module", "installed", "result", "nodes": [node, ...]}

`min_lines` None (the default) picks the largest step size of `DEFAULT_MIN_LINES` that still cuts the body in two
or more steps, so a small function is cut statement by statement rather than refused; a size given explicitly is
kept (one step at that size is refused). The plan says which size it used (`min_lines`).

The first node is the function itself, a composite: `calls` lists its steps in order (each `{"node", "inputs",
"outputs"}`) and `returns` the names it returns (one per output). A step node carries `code` (see `step_source`)
or, when it was big enough to be cut again (`depth`), is a composite of its own; a step that calls one of the
module's own functions decomposed in turn (`callees`, `depth`) is that function's composite, with its parameters as
inputs (the call's `input_ports`; `inputs` are the values passed). Every node has `name`, `description`, `inputs`,
`outputs`, `first_line`, `last_line`.
"""
from __future__ import annotations

import ast
import os
import sys

from . import callees, cutting, decompose_refusals, step_names, step_source
from .signature import parse_function

Refusal = decompose_refusals.Refusal

#: The step sizes tried, largest first, when none is given: macro steps when the body is long enough.
DEFAULT_MIN_LINES = (3, 2, 1)


def plan(path: str, qualname: str, min_lines: int | None = None, depth: int = 2) -> dict:
    source, tree, fn = parse_function(path, qualname)
    lines = source.decode("utf-8", errors="replace").splitlines()
    module, package, installed = module_name(path)
    future = [ast.unparse(n) for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    where = _Module(lines, step_source.module_scope(tree, package), module, future, _external_roots(tree, module),
                    callees.local_functions(tree))
    cut = _cut(fn, qualname, min_lines, depth, where, (fn.name,))
    root = {
        "name": step_names.snake(fn.name) or "function",
        "kind": "composite",
        "description": _docstring(fn) or f"{qualname} as a flow of its steps.",
        "inputs": cut.params,
        "outputs": [],
        "first_line": fn.lineno,
        "last_line": fn.end_lineno or fn.lineno,
        "returns": cut.returns,
    }
    nodes = [root]
    taken = {root["name"]}
    root["calls"] = _steps(root["name"], cut.steps, depth, cut, nodes, taken)
    return {
        "function": fn.name,
        "qualname": qualname,
        "line": fn.lineno,
        "module": module,
        "installed": installed,
        "result": cut.result,
        "min_lines": cut.min_lines,
        "nodes": nodes,
        "local_names": sorted(cut.every_local),
    }


class _Module:
    """What every function of the module shares: its lines, its imports, its external roots and own functions."""

    def __init__(self, lines, scope, module, future, externals, functions):
        self.lines, self.scope, self.module, self.future = lines, scope, module, future
        self.externals, self.functions = externals, functions


class _Cut:
    """One function cut into steps: its parameters, steps, returned names and, for each step that calls a function
    decomposed in turn, that function's own cut (`inner`, by statement id, with the arguments it is called with)."""

    def __init__(self, fn, qualname, where, params, steps, returns, result, min_lines, every_local, inner):
        self.fn, self.qualname, self.where, self.params, self.steps = fn, qualname, where, params, steps
        self.returns, self.result, self.min_lines, self.every_local, self.inner = returns, result, min_lines, every_local, inner

    @property
    def origin(self) -> str:
        return f"{self.where.module}:{self.qualname}"


def _cut(fn, qualname: str, min_lines: int | None, depth: int, where: _Module, stack: tuple[str, ...]) -> _Cut:
    """Cuts `fn` (refusals raised); `stack` holds the functions being cut around it, which are never recursed into."""
    decompose_refusals.check(fn, qualname)
    statements = decompose_refusals._statements(fn)
    params = callees.parameters(fn)
    every_local = set(params) | {n for s in statements for n in cutting.statement_access(s).writes}
    result = next(n for n in ("result", "returned", "function_result") if n not in every_local)
    returns, needed = [result], []
    value = statements[-1].value
    if _plain(value, fn.returns):
        returns = needed = [value.id] if isinstance(value, ast.Name) else [e.id for e in value.elts]
        statements = statements[:-1]
    inner = _callees(statements, depth, min_lines, where, stack, every_local)
    units = cutting.units_of(statements, where.lines, where.externals, {k: v[0].fn.name for k, v in inner.items()})
    sizes = DEFAULT_MIN_LINES if min_lines is None else (min_lines,)
    for size in sizes:
        steps = cutting.cut(units, params, needed, size, paragraphs=True, result=result)
        if len(steps) >= 2:
            break
    else:
        why = f"with --min-lines {min_lines}" if min_lines is not None else "even one statement per step"
        raise Refusal(decompose_refusals.NOTHING_TO_CUT, f"{qualname} is one step already (nothing to cut {why})", fn.lineno)
    every_local |= {n for cut, _ in inner.values() for n in cut.every_local}
    return _Cut(fn, qualname, where, params, steps, returns, result, size, every_local, inner)


def _callees(statements, depth: int, min_lines, where: _Module, stack, local_names) -> dict[int, tuple[_Cut, list[str]]]:
    """The statements calling one of the module's own functions that is decomposed in turn (depth left, one value
    returned, decomposable): their callee's cut and the arguments in the callee's parameter order."""
    found = {}
    for stmt in statements if depth > 1 else []:
        call = callees.call_of(stmt, where.functions, local_names, stack)
        if call is None:
            continue
        name, arguments = call
        try:
            cut = _cut(where.functions[name], name, min_lines, depth - 1, where, stack + (name,))
        except Refusal:
            continue  # not decomposable: the call stays a statement of an ordinary step
        if len(cut.returns) == 1:
            found[id(stmt)] = (cut, arguments)
    return found


def _steps(prefix: str, steps: list[cutting.Step], depth: int, cut: _Cut, nodes: list[dict], taken: set[str]) -> list[dict]:
    names = step_names.assign(prefix, steps, taken)
    where = cut.where
    calls = []
    for name, step in zip(names, steps):
        first, last = step.units[0].first_line, step.units[-1].last_line
        summary = _summary(step, first, last)
        ports = step_source.output_ports(step.outputs)
        node = {"name": name, "description": summary, "inputs": step.inputs, "outputs": step.outputs, "output_ports": ports,
                "first_line": first, "last_line": last, "external": step.external}
        nodes.append(node)
        call = {"node": name, "inputs": step.inputs, "outputs": step.outputs, "output_ports": ports}
        if step.callee:
            # The module's own function, decomposed in turn: a composite with the callee's interface.
            inner_cut, arguments = cut.inner[id(step.units[0].stmt)]
            own_ports = step_source.output_ports(inner_cut.returns)
            node.update(kind="composite", inputs=inner_cut.params, outputs=inner_cut.returns, output_ports=own_ports, returns=[],
                        description=step.units[0].comment and summary or _docstring(inner_cut.fn) or summary,
                        first_line=inner_cut.fn.lineno, last_line=inner_cut.fn.end_lineno or inner_cut.fn.lineno)
            node["calls"] = _steps(name, inner_cut.steps, depth - 1, inner_cut, nodes, taken)
            call.update(inputs=arguments, input_ports=inner_cut.params, output_ports=own_ports)
            calls.append(call)
            continue
        inner = None
        if depth > 1 and not step.external and len(step.units) > 1 and step.lines >= 2 * cut.min_lines:
            needed = [o for o in step.outputs if o != cut.result or not step.returns]
            inner = cutting.cut(step.units, step.inputs, needed, cut.min_lines, paragraphs=False, result=cut.result)
        if inner is not None and len(inner) > 1:
            node["kind"] = "composite"
            node["returns"] = []
            node["calls"] = _steps(prefix, inner, depth - 1, cut, nodes, taken)
        else:
            node["kind"] = "step"
            node["code"], node["uses_module"] = step_source.module_text(
                name, step, where.lines, where.scope, cut.origin, summary, where.future, cut.result)
        calls.append(call)
    return calls


def _docstring(fn) -> str:
    """The first paragraph of `fn`'s docstring, on one line ("" when it has none)."""
    text = ast.get_docstring(fn, clean=True)
    return text.strip().split("\n\n")[0].replace("\n", " ") if text else ""


def _summary(step: cutting.Step, first: int, last: int) -> str:
    comment = step.units[0].comment
    if comment:
        text = comment[0].upper() + comment[1:]
        return text if text.endswith(".") else text + "."
    if step.external or step.callee:
        return f"Calls {step.external or step.callee} (lines {first}-{last})."
    made = ", ".join(step.outputs) or "nothing"
    used = ", ".join(step.inputs) or "no inputs"
    return f"Computes {made} from {used} (lines {first}-{last})."


def _plain(value: ast.expr, annotation: ast.expr | None) -> bool:
    """A return value the composite gives back itself: one name, or a tuple of names when the return annotation is
    a `tuple[...]` of as many outputs. Anything else is computed by a step."""
    if isinstance(value, ast.Name):
        return True
    if not (isinstance(value, ast.Tuple) and all(isinstance(e, ast.Name) for e in value.elts)):
        return False
    if not (isinstance(annotation, ast.Subscript) and getattr(annotation.value, "id", getattr(annotation.value, "attr", "")) in ("tuple", "Tuple")):
        return False
    elements = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
    return len(elements) == len(value.elts) and len(set(e.id for e in value.elts)) == len(value.elts)


def module_name(path: str) -> tuple[str, str, bool]:
    """(dotted module name, its package, whether it lives where Python finds it installed: the standard library,
    site-packages or dist-packages)."""
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    parts = [] if os.path.basename(path) == "__init__.py" else [os.path.splitext(os.path.basename(path))[0]]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    module = ".".join(parts)
    package = module if os.path.basename(path) == "__init__.py" else module.rpartition(".")[0]
    installed = os.path.basename(folder) in ("site-packages", "dist-packages") or os.path.isfile(os.path.join(folder, "os.py"))
    return module, package, installed


def _external_roots(tree: ast.Module, module: str) -> dict[str, str]:
    """Module-level names bound to third-party modules: not the standard library, not the module's own package."""
    own = module.split(".")[0]
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    roots = {}
    for node in step_source._module_statements(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top not in stdlib and top != own:
                    roots[alias.asname or top] = alias.name
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            top = node.module.split(".")[0]
            if top not in stdlib and top != own:
                for alias in node.names:
                    roots[alias.asname or alias.name] = node.module
    return roots
