"""Reads a composite LOKI Script: a `run()` whose body only calls other LOKI nodes and passes their values on.

A node is bound at module level with `NAME = compose.node("<node folder>", __file__)` (or `node(...)` imported from
`loki_runtime.compose`). The body of `run` may hold, besides its docstring:

  x = NODE(a=..., b=...)            the call's outputs (a dict)
  v = NODE(...)["out"]              one output of a call
  v = x["out"]                      one output of an earlier call
  return {"name": VALUE, ...}       the script's outputs
  return NODE(...) / return x       every output of one call

where an argument or returned VALUE is a literal constant (number, text, boolean), a parameter of `run`, a value
named above, or `NODE(...)["out"]`. Anything else (arithmetic, branches, loops, other calls) is refused with a code
and the line, because a flow of nodes cannot say it. Nothing is imported or run.
"""
from __future__ import annotations

import ast

NOT_A_CALL = "LOKI6101"  # a statement or value that is not a node call, a constant, a parameter or a named value
POSITIONAL = "LOKI6102"  # a node called with positional arguments (a flow links inputs by name)
UNKNOWN_NAME = "LOKI6103"  # a name that is neither a parameter of run nor a value named before
WHOLE_RESULT = "LOKI6104"  # a call's whole result (a dict) passed where one value is needed
NO_RUN = "LOKI6105"  # no run function, or run with *args/**kwargs
BAD_BINDING = "LOKI6106"  # compose.node(...) without a literal node name


class Refused(Exception):
    def __init__(self, code: str, message: str, line: int):
        super().__init__(message)
        self.code, self.line = code, line


def read(path: str) -> dict:
    """The composite reading of the script at `path`: `{"composite": false}` when it binds no node."""
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    tree = ast.parse(source, filename=path)
    try:
        bindings = _bindings(tree)
        if not bindings:
            return {"composite": False}
        run = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "run"), None)
        if run is None:
            raise Refused(NO_RUN, "no function run() to compile", 1)
        return {"composite": True, **_Body(bindings, run).read()}
    except Refused as ex:
        return {"composite": True, "refused": {"code": ex.code, "message": str(ex), "line": ex.line}}


def _bindings(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = compose.node("x", ...)`: variable → node folder name."""
    found: dict[str, str] = {}
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
            continue
        call = statement.value
        if not (isinstance(call, ast.Call) and _is_node_binder(call.func)):
            continue
        if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
            raise Refused(BAD_BINDING, "compose.node() needs the node's folder name as a literal text", statement.lineno)
        found[statement.targets[0].id] = call.args[0].value
    return found


def _is_node_binder(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr == "node" and isinstance(func.value, ast.Name) and func.value.id == "compose"
    return isinstance(func, ast.Name) and func.id == "node"


class _Body:
    """Walks run()'s statements in order, numbering calls and naming the values they give."""

    def __init__(self, bindings: dict[str, str], run: ast.FunctionDef):
        self.bindings = bindings
        self.run = run
        self.calls: list[dict] = []
        self.values: dict[str, dict] = {}  # name → value reference
        self.results: dict[str, int] = {}  # name → call index (whole result)
        self.outputs: dict[str, dict] | None = None
        self.return_line = 0
        args = run.args
        if args.vararg or args.kwarg:
            raise Refused(NO_RUN, "run() with *args or **kwargs cannot become a flow", run.lineno)
        self.parameters = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]

    def read(self) -> dict:
        body = list(self.run.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            body = body[1:]
        for statement in body:
            if self.outputs is not None:
                raise Refused(NOT_A_CALL, "a statement after return", statement.lineno)
            self._statement(statement)
        if self.outputs is None:
            raise Refused(NOT_A_CALL, "run() returns nothing a flow could output", self.run.lineno)
        return {"parameters": self.parameters, "calls": self.calls, "outputs": self.outputs,
                "run_line": self.run.lineno, "return_line": self.return_line}

    def _statement(self, statement: ast.stmt) -> None:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            name = statement.targets[0].id
            if name in self.parameters:
                raise Refused(NOT_A_CALL, f"'{name}' reassigns a parameter of run()", statement.lineno)
            value = statement.value
            before = len(self.calls)
            self._assign(name, value)
            if len(self.calls) > before:
                self.calls[-1]["name"] = name  # the outermost call of the statement gives the value its name
            return
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and self._is_node_call(statement.value):
            self._call(statement.value)
            return
        if isinstance(statement, ast.Return) and statement.value is not None:
            self.outputs = self._returned(statement.value)
            self.return_line = statement.lineno
            return
        raise Refused(NOT_A_CALL, f"{type(statement).__name__.lower()} statement is not a node call", statement.lineno)

    def _assign(self, name: str, value: ast.expr) -> None:
        if isinstance(value, ast.Call) and self._is_node_call(value):
            self.results[name] = self._call(value)
            self.values.pop(name, None)
        else:
            self.values[name] = self._value(value)
            self.results.pop(name, None)

    def _returned(self, value: ast.expr) -> dict:
        if isinstance(value, ast.Dict):
            outputs: dict[str, dict] = {}
            for key, item in zip(value.keys, value.values):
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise Refused(NOT_A_CALL, "the returned dict needs literal text keys", value.lineno)
                outputs[key.value] = self._value(item)
            return outputs
        if isinstance(value, ast.Call) and self._is_node_call(value):
            return {"*": {"kind": "result", "call": self._call(value)}}
        if isinstance(value, ast.Name) and value.id in self.results:
            return {"*": {"kind": "result", "call": self.results[value.id]}}
        raise Refused(NOT_A_CALL, "run() must return a dict of values or one node call's result", value.lineno)

    def _is_node_call(self, call: ast.Call) -> bool:
        return isinstance(call.func, ast.Name) and call.func.id in self.bindings

    def _call(self, call: ast.Call) -> int:
        if call.args:
            raise Refused(POSITIONAL, f"{call.func.id}() is called with positional arguments; name each input", call.lineno)
        arguments: dict[str, dict] = {}
        for keyword in call.keywords:
            if keyword.arg is None:
                raise Refused(POSITIONAL, f"{call.func.id}(**...) hides the inputs; name each input", call.lineno)
            arguments[keyword.arg] = self._value(keyword.value)
        index = len(self.calls)
        self.calls.append({"node": self.bindings[call.func.id], "variable": call.func.id, "line": call.lineno, "arguments": arguments})
        return index

    def _value(self, value: ast.expr) -> dict:
        constant = _constant(value)
        if constant is not _NONE:
            return {"kind": "constant", "value": constant}
        if isinstance(value, ast.Name):
            if value.id in self.values:
                return self.values[value.id]
            if value.id in self.parameters:
                return {"kind": "parameter", "name": value.id}
            if value.id in self.results:
                raise Refused(WHOLE_RESULT, f"'{value.id}' is a node's whole result; pick one output: {value.id}[\"name\"]", value.lineno)
            raise Refused(UNKNOWN_NAME, f"'{value.id}' is neither a parameter of run() nor a value named before", value.lineno)
        if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant) and isinstance(value.slice.value, str):
            source = value.value
            if isinstance(source, ast.Call) and self._is_node_call(source):
                return {"kind": "output", "call": self._call(source), "output": value.slice.value}
            if isinstance(source, ast.Name) and source.id in self.results:
                return {"kind": "output", "call": self.results[source.id], "output": value.slice.value}
        if isinstance(value, ast.Call) and self._is_node_call(value):
            raise Refused(WHOLE_RESULT, f"{value.func.id}() gives a dict of outputs; pick one: {value.func.id}(...)[\"name\"]", value.lineno)
        raise Refused(NOT_A_CALL, f"{type(value).__name__.lower()} expression is not a node call, a constant or a named value", value.lineno)


_NONE = object()


def _constant(value: ast.expr):
    """A literal number, text or boolean (a negative number included); `_NONE` for anything else."""
    if isinstance(value, ast.Constant) and isinstance(value.value, (bool, int, float, str)):
        return value.value
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, (ast.USub, ast.UAdd)) and isinstance(value.operand, ast.Constant) \
            and isinstance(value.operand.value, (int, float)) and not isinstance(value.operand.value, bool):
        return -value.operand.value if isinstance(value.op, ast.USub) else value.operand.value
    return _NONE
