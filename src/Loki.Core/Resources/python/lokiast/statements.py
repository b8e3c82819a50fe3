"""Statement execution of the static evaluator: module, class and function bodies."""
from __future__ import annotations

import ast
from typing import Any

from . import builtins_static as bs
from .control import GiveUp, _Break, _Continue, _Return, _src
from .values import ClassRef, FunctionRef, ModuleRef, Unresolved, is_unresolved


class StatementExecutor:
    """Mixin of :class:`~lokiast.evaluator.Evaluator`: runs statements over the evaluator's scopes."""

    def exec_block(self, body: list[ast.stmt], scopes: list[dict], module: ModuleRef, top: bool = False,
                   class_scope: bool = False) -> None:
        for stmt in body:
            self.tick()
            try:
                self.exec_stmt(stmt, scopes, module, class_scope)
            except GiveUp:
                if not top:
                    raise
                # At module or class level a statement we cannot follow only spoils what it assigns.
                for name in _assigned_names([stmt]):
                    scopes[0][name] = Unresolved(_src(module, stmt, name))

    def exec_stmt(self, stmt: ast.stmt, scopes: list[dict], module: ModuleRef, class_scope: bool = False) -> None:
        local = scopes[0]
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            closure = scopes[1:] if class_scope else scopes
            local[stmt.name] = FunctionRef(stmt, module, closure)
        elif isinstance(stmt, ast.ClassDef):
            local[stmt.name] = ClassRef(stmt, module, scopes[1:] if class_scope else scopes)
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname:
                    local[alias.asname] = self.index.resolve(alias.name)
                else:
                    top_name = alias.name.split(".")[0]
                    local[top_name] = self.index.resolve(top_name)
        elif isinstance(stmt, ast.ImportFrom):
            self._import_from(stmt, local, module)
        elif isinstance(stmt, ast.Assign):
            value = self.eval(stmt.value, scopes, module)
            for target in stmt.targets:
                self.assign(target, value, scopes, module)
        elif isinstance(stmt, ast.AnnAssign):
            if stmt.value is not None:
                self.assign(stmt.target, self.eval(stmt.value, scopes, module), scopes, module)
        elif isinstance(stmt, ast.AugAssign):
            self._aug_assign(stmt, scopes, module)
        elif isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Constant):
                return
            if isinstance(stmt.value, ast.Call):
                self.eval(stmt.value, scopes, module)
        elif isinstance(stmt, ast.Return):
            raise _Return(None if stmt.value is None else self.eval(stmt.value, scopes, module))
        elif isinstance(stmt, ast.If):
            test = self.eval(stmt.test, scopes, module)
            truth = bs.truth(test)
            if truth is None:
                self._spoil(stmt.body + stmt.orelse, scopes, module)
                if _contains_return(stmt.body + stmt.orelse):
                    raise GiveUp("branch on an unknown condition returns")
            else:
                self.exec_block(stmt.body if truth else stmt.orelse, scopes, module)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            self._for(stmt, scopes, module)
        elif isinstance(stmt, ast.While):
            self._spoil(stmt.body, scopes, module)
            if _contains_return(stmt.body):
                raise GiveUp("loop returns")
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ == "TryStar":
            try:
                self.exec_block(stmt.body, scopes, module)
                self.exec_block(stmt.orelse, scopes, module)
            finally:
                self.exec_block(stmt.finalbody, scopes, module)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            self.exec_block(stmt.body, scopes, module)
        elif isinstance(stmt, ast.Delete):
            for target in stmt.targets:
                if isinstance(target, ast.Subscript):
                    container = self.eval(target.value, scopes, module)
                    key = self.eval(target.slice, scopes, module)
                    if isinstance(container, (dict, list)) and not is_unresolved(key):
                        try:
                            del container[key]
                        except (KeyError, IndexError, TypeError):
                            pass
                elif isinstance(target, ast.Name):
                    local.pop(target.id, None)
        elif isinstance(stmt, ast.Break):
            raise _Break()
        elif isinstance(stmt, ast.Continue):
            raise _Continue()
        elif isinstance(stmt, ast.Raise):
            raise GiveUp("raise")
        elif isinstance(stmt, (ast.Pass, ast.Global, ast.Nonlocal, ast.Assert)):
            return
        else:
            raise GiveUp(type(stmt).__name__)

    def _import_from(self, stmt: ast.ImportFrom, local: dict, module: ModuleRef) -> None:
        if stmt.level:
            source = self.index.resolve_relative(module, stmt.level, stmt.module)
        else:
            source = self.index.resolve(stmt.module or "")
        for alias in stmt.names:
            if alias.name == "*":
                if isinstance(source, ModuleRef):
                    ns = self.module_namespace(source)
                    local.update({k: v for k, v in ns.items() if not k.startswith("_")})
                continue
            local[alias.asname or alias.name] = self.getattr(source, alias.name, stmt)

    def _aug_assign(self, stmt: ast.AugAssign, scopes: list[dict], module: ModuleRef) -> None:
        current = self.eval(stmt.target, scopes, module) if not isinstance(stmt.target, ast.Name) else self.lookup(stmt.target.id, scopes, stmt, module)
        value = self.eval(stmt.value, scopes, module)
        if isinstance(current, list) and isinstance(stmt.op, ast.Add) and isinstance(value, (list, tuple)):
            current.extend(value)  # in place, like Python
            return
        if isinstance(current, dict) and isinstance(stmt.op, ast.BitOr) and isinstance(value, dict):
            current.update(value)
            return
        result = self.binop(stmt.op, current, value, stmt, module)
        self.assign(stmt.target, result, scopes, module)

    def _for(self, stmt: ast.For, scopes: list[dict], module: ModuleRef) -> None:
        iterable = self.iterate(self.eval(stmt.iter, scopes, module))
        if iterable is None:
            self._spoil(stmt.body + stmt.orelse, scopes, module)
            self._spoil_target(stmt.target, scopes, module)
            if _contains_return(stmt.body):
                raise GiveUp("loop over unknown values returns")
            return
        broke = False
        for item in iterable:
            self.tick()
            self.assign(stmt.target, item, scopes, module)
            try:
                self.exec_block(stmt.body, scopes, module)
            except _Break:
                broke = True
                break
            except _Continue:
                continue
        if not broke:
            self.exec_block(stmt.orelse, scopes, module)

    def _spoil(self, body: list[ast.stmt], scopes: list[dict], module: ModuleRef) -> None:
        for name in _assigned_names(body):
            scopes[0][name] = Unresolved(name)
        for node in body:
            for sub in ast.walk(node):
                # d["k"] = v or d.update(...) under an unknown condition: the container is no longer known.
                target = None
                if isinstance(sub, (ast.Assign, ast.AugAssign)):
                    for t in (sub.targets if isinstance(sub, ast.Assign) else [sub.target]):
                        if isinstance(t, ast.Subscript):
                            target = t.value
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr in bs.MUTATORS:
                    target = sub.func.value
                if isinstance(target, ast.Name):
                    self._spoil_name(target.id, scopes, module)

    def _spoil_name(self, name: str, scopes: list[dict], module: ModuleRef) -> None:
        for scope in scopes:
            if name in scope:
                scope[name] = Unresolved(name)
                return

    def _spoil_target(self, target: ast.expr, scopes: list[dict], module: ModuleRef) -> None:
        for name in _target_names(target):
            scopes[0][name] = Unresolved(name)

    def assign(self, target: ast.expr, value: Any, scopes: list[dict], module: ModuleRef) -> None:
        if isinstance(target, ast.Name):
            scopes[0][target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            items = self.iterate(value)
            if items is None or len(items) != len(target.elts) or any(isinstance(e, ast.Starred) for e in target.elts):
                for name in _target_names(target):
                    scopes[0][name] = Unresolved(_src(module, target, name))
                return
            for t, v in zip(target.elts, items):
                self.assign(t, v, scopes, module)
        elif isinstance(target, ast.Subscript):
            container = self.eval(target.value, scopes, module)
            key = self.eval(target.slice, scopes, module)
            if isinstance(container, dict):
                if is_unresolved(key):
                    raise GiveUp("unknown key")
                container[key] = value
            elif isinstance(container, list) and isinstance(key, int):
                try:
                    container[key] = value
                except IndexError:
                    raise GiveUp("index")
        elif isinstance(target, ast.Attribute):
            obj = self.eval(target.value, scopes, module)
            if hasattr(obj, "static_setattr"):
                obj.static_setattr(target.attr, value)
            elif isinstance(obj, ClassRef):
                self.class_namespace(obj)[target.attr] = value
            elif isinstance(obj, ModuleRef) and obj.namespace is not None:
                obj.namespace[target.attr] = value


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for e in target.elts for n in _target_names(e.value if isinstance(e, ast.Starred) else e)]
    return []


def _assigned_names(body: list[ast.stmt]) -> list[str]:
    names: list[str] = []
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    names.extend(_target_names(t))
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
                names.extend(_target_names(node.target))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.extend((a.asname or a.name).split(".")[0] for a in node.names if a.name != "*")
    return names


def _contains_return(body: list[ast.stmt]) -> bool:
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Return):
                return True
    return False
