"""Which names a statement of a function body reads and writes, at function scope.

Comprehensions, lambdas and nested definitions have scopes of their own: their local names are neither read nor
written by the statement (a nested def reads its free names and writes its own name). An in-place change of a
value counts as reading and writing its name, so data flow sees it: `x.a = v`, `x[i] = v`, `del x[i]`,
`x.append(v)` and the other mutating methods below, and `out=x` keywords.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

MUTATING_METHODS = frozenset({
    "append", "extend", "insert", "pop", "popitem", "remove", "clear", "sort", "reverse", "update", "setdefault",
    "add", "discard", "difference_update", "intersection_update", "symmetric_difference_update", "appendleft",
    "extendleft", "popleft", "rotate", "fill", "resize", "put", "itemset", "setflags", "write", "seek", "paste",
    "putpixel", "putdata", "putalpha", "thumbnail", "__setitem__", "__delitem__",
})

_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith, ast.Match) + \
    ((ast.TryStar,) if hasattr(ast, "TryStar") else ())


@dataclass
class Access:
    """Names in first-use order: `reads` (loaded, possibly before any write), `writes` (bound or changed in place),
    `maybe` (written only on some paths: inside a branch, a loop or a try)."""

    reads: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)
    maybe: set[str] = field(default_factory=set)
    calls: list[str] = field(default_factory=list)

    def read(self, name: str) -> None:
        if name not in self.reads:
            self.reads.append(name)

    def write(self, name: str, conditional: bool) -> None:
        if name not in self.writes:
            self.writes.append(name)
        if conditional:
            self.maybe.add(name)


def statement_access(stmt: ast.stmt) -> Access:
    """The names `stmt` (a statement of the function body) reads and writes."""
    access = Access()
    _Visitor(access, conditional=isinstance(stmt, _COMPOUND)).visit(stmt)
    return access


def call_name(func: ast.expr) -> str:
    """`np.linalg.norm` for a call of `np.linalg.norm`, `text.split` for a method; "" when not a dotted name."""
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
        return ".".join(reversed(parts))
    return ".".join(reversed(parts)) if parts else ""


def _base_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


class _Visitor(ast.NodeVisitor):
    def __init__(self, access: Access, conditional: bool, local: frozenset[str] = frozenset()):
        self.access = access
        self.conditional = conditional
        self.local = local  # names bound by an enclosing comprehension or lambda

    def _read(self, name: str) -> None:
        if name not in self.local:
            self.access.read(name)

    def _write(self, name: str) -> None:
        if name not in self.local:
            self.access.write(name, self.conditional)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self._read(node.id)
        elif isinstance(node.ctx, ast.Store):
            self._write(node.id)
        else:  # del x: the value must exist
            self._read(node.id)

    def _changed(self, target: ast.expr) -> None:
        name = _base_name(target)
        if name is not None:
            self._read(name)
            self._write(name)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self._changed(node)
        self.visit(node.value)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self._changed(node)
        self.visit(node.value)
        self.visit(node.slice)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        if isinstance(node.target, ast.Name):
            self._read(node.target.id)
            self._write(node.target.id)
        else:
            self.visit(node.target)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)  # the value is evaluated before the targets are bound
        for target in node.targets:
            self.visit(target)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
            self.visit(node.target)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        if isinstance(node.target, ast.Name):
            self.access.write(node.target.id, self.conditional)  # := binds in the function even inside a comprehension

    def visit_Call(self, node: ast.Call) -> None:
        name = call_name(node.func)
        if name and name not in self.access.calls:
            self.access.calls.append(name)
        if isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING_METHODS:
            self._changed(node.func.value)
        for keyword in node.keywords:
            if keyword.arg == "out":
                self._changed(keyword.value)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self.visit(node.iter)
        self.visit(node.target)
        for stmt in node.body + node.orelse:
            self.visit(stmt)

    visit_AsyncFor = visit_For

    def _comprehension(self, node, elements: list[ast.expr]) -> None:
        bound = set(self.local)
        for i, gen in enumerate(node.generators):
            # The first iterable is evaluated in the enclosing scope.
            _Visitor(self.access, self.conditional, frozenset(bound) if i else self.local).visit(gen.iter)
            bound |= _targets(gen.target)
            inner = _Visitor(self.access, self.conditional, frozenset(bound))
            for cond in gen.ifs:
                inner.visit(cond)
        inner = _Visitor(self.access, self.conditional, frozenset(bound))
        for element in elements:
            inner.visit(element)

    def visit_ListComp(self, node: ast.ListComp) -> None:
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_ListComp
    visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self._comprehension(node, [node.key, node.value])

    def visit_Lambda(self, node: ast.Lambda) -> None:
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(default)
        _Visitor(self.access, self.conditional, self.local | _arguments(node.args)).visit(node.body)

    def visit_FunctionDef(self, node) -> None:
        for expr in node.decorator_list + node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(expr)
        inner_local = _arguments(node.args) | _assigned(node.body)
        inner = _Visitor(self.access, self.conditional, self.local | inner_local)
        for stmt in node.body:
            inner.visit(stmt)
        self._write(node.name)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.visit(expr)
        inner = _Visitor(self.access, self.conditional, self.local | _assigned(node.body))
        for stmt in node.body:
            inner.visit(stmt)
        self._write(node.name)

    def visit_Import(self, node) -> None:
        for alias in node.names:
            self._write(alias.asname or alias.name.split(".")[0])

    visit_ImportFrom = visit_Import

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self._write(node.name)
        for stmt in node.body:
            self.visit(stmt)


def _targets(node: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _arguments(args: ast.arguments) -> frozenset[str]:
    every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a is not None]
    return frozenset(a.arg for a in every)


def _assigned(body: list[ast.stmt]) -> frozenset[str]:
    """Names a nested function or class body binds itself (its own locals)."""
    names = set()
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
    return frozenset(names)
