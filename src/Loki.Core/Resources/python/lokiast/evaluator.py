"""A small abstract interpreter for the Python that node packs use to declare their nodes.

It executes module bodies, class bodies and function bodies over plain data (literals, dicts, lists, tuples,
numbers, strings) and references (modules, classes, functions). Anything it cannot compute becomes an
`Unresolved` value carrying the source expression; nothing is ever guessed and no pack code is imported.
"""
from __future__ import annotations

import ast
import operator
from typing import Any

from . import builtins_static as bs
from .modules import ModuleIndex
from .values import (BoundMethod, BuiltinFunction, ClassRef, ExternalRef, FunctionRef, ModuleRef, Unresolved,
                     is_unresolved)

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


_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow, ast.LShift: operator.lshift,
    ast.RShift: operator.rshift, ast.BitOr: operator.or_, ast.BitAnd: operator.and_, ast.BitXor: operator.xor,
}
_CMPOPS = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
    ast.GtE: operator.ge, ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
    ast.Is: operator.is_, ast.IsNot: operator.is_not,
}
_PLAIN = (str, int, float, bool, type(None), list, tuple, dict, set, frozenset, range)


class Evaluator:
    """Evaluates modules of one `ModuleIndex`. `hooks` may provide `call(callee, args, kwargs)` overrides."""

    def __init__(self, index: ModuleIndex):
        self.index = index
        self.steps = 0
        self.depth = 0
        self.current_module: ModuleRef | None = None

    # ---- modules and classes ------------------------------------------------------------------

    def module_namespace(self, module: ModuleRef) -> dict:
        if module.namespace is not None:
            return module.namespace
        module.namespace = {"__name__": module.name, "__file__": module.path}
        module.loading = True
        previous = self.current_module
        self.current_module = module
        try:
            self.exec_block(module.tree.body, [module.namespace], module, top=True)
        except (GiveUp, _Return, _Break, _Continue):
            pass
        finally:
            module.loading = False
            self.current_module = previous
        return module.namespace

    def class_namespace(self, cls: ClassRef) -> dict:
        if cls.namespace is not None:
            return cls.namespace
        cls.namespace = {"__doc__": ast.get_docstring(cls.node, clean=False)}
        cls.loading = True
        try:
            cls.bases = [self.eval(b, cls.closure, cls.module) for b in cls.node.bases]
            self.exec_block(cls.node.body, [cls.namespace] + cls.closure, cls.module, top=True, class_scope=True)
        except (GiveUp, _Return, _Break, _Continue):
            pass
        finally:
            cls.loading = False
        return cls.namespace

    def mro(self, cls: ClassRef) -> list[Any]:
        self.class_namespace(cls)
        out, todo = [], [cls]
        while todo:
            c = todo.pop(0)
            if any(c is o for o in out):
                continue
            out.append(c)
            if isinstance(c, ClassRef):
                self.class_namespace(c)
                todo.extend(c.bases or [])
        return out

    def class_attr(self, cls: ClassRef, name: str, default: Any = KeyError) -> Any:
        for c in self.mro(cls):
            if isinstance(c, ClassRef) and name in c.namespace:
                value = c.namespace[name]
                if isinstance(value, FunctionRef):
                    # Through the class only a classmethod gets `cls`; a plain function or staticmethod stays unbound.
                    value = FunctionRef(value.node, value.module, value.closure, bound=cls if _is_classmethod(value.node) else None, owner=c)
                return value
            if not isinstance(c, ClassRef) and hasattr(c, "class_attr"):
                found = c.class_attr(name)
                if found is not None:
                    return found
        if default is KeyError:
            return Unresolved(f"{cls.name}.{name}")
        return default

    def is_enum_class(self, cls: ClassRef) -> bool:
        for c in self.mro(cls):
            if isinstance(c, ExternalRef) and c.dotted.split(".")[-1] in ("Enum", "StrEnum", "IntEnum"):
                return True
        return False

    def iterate(self, value: Any) -> list | None:
        if isinstance(value, ClassRef) and self.is_enum_class(value):
            return [self.enum_member(value, k) for k, v in self.class_namespace(value).items()
                    if not k.startswith("_") and not isinstance(v, (FunctionRef, ClassRef))]
        return bs.iterate(value)

    def enum_member(self, cls: ClassRef, name: str) -> Any:
        value = self.class_namespace(cls).get(name)
        if any(isinstance(b, ExternalRef) and b.dotted.split(".")[-1] in ("StrEnum", "str") or b is bs.builtin("str")
               for b in self.mro(cls)) or any(isinstance(b, BuiltinFunction) and b.name == "str" for b in (cls.bases or [])):
            return value  # a str enum member is a str everywhere nodes use it
        return EnumMember(cls.name, name, value)

    # ---- statements ---------------------------------------------------------------------------

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise GiveUp("step budget exhausted")

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

    # ---- expressions --------------------------------------------------------------------------

    def lookup(self, name: str, scopes: list[dict], node: ast.AST, module: ModuleRef) -> Any:
        for scope in scopes:
            if name in scope:
                return scope[name]
        builtin = bs.builtin(name)
        if builtin is not None:
            return builtin
        return Unresolved(name)

    def eval(self, node: ast.expr, scopes: list[dict], module: ModuleRef) -> Any:
        self.tick()
        try:
            return self._eval(node, scopes, module)
        except GiveUp:
            return Unresolved(_src(module, node))
        except RecursionError:
            return Unresolved(_src(module, node))

    def _eval(self, node: ast.expr, scopes: list[dict], module: ModuleRef) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.lookup(node.id, scopes, node, module)
        if isinstance(node, ast.Dict):
            out: dict = {}
            for k, v in zip(node.keys, node.values):
                if k is None:
                    spread = self.eval(v, scopes, module)
                    if not isinstance(spread, dict):
                        return Unresolved(_src(module, node))
                    out.update(spread)
                else:
                    key = self.eval(k, scopes, module)
                    if is_unresolved(key) or not _hashable(key):
                        return Unresolved(_src(module, node))
                    out[key] = self.eval(v, scopes, module)
            return out
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items: list = []
            for e in node.elts:
                if isinstance(e, ast.Starred):
                    spread = self.iterate(self.eval(e.value, scopes, module))
                    if spread is None:
                        return Unresolved(_src(module, node))
                    items.extend(spread)
                else:
                    items.append(self.eval(e, scopes, module))
            if isinstance(node, ast.Tuple):
                return tuple(items)
            if isinstance(node, ast.Set):
                return set(items) if all(_hashable(i) for i in items) else Unresolved(_src(module, node))
            return items
        if isinstance(node, ast.Attribute):
            return self.getattr(self.eval(node.value, scopes, module), node.attr, node)
        if isinstance(node, ast.Subscript):
            container = self.eval(node.value, scopes, module)
            key = self.eval(node.slice, scopes, module)
            return bs.subscript(container, key, _src(module, node))
        if isinstance(node, ast.Slice):
            parts = [None if p is None else self.eval(p, scopes, module) for p in (node.lower, node.upper, node.step)]
            if any(is_unresolved(p) for p in parts):
                return Unresolved(_src(module, node))
            return slice(*parts)
        if isinstance(node, ast.BinOp):
            return self.binop(node.op, self.eval(node.left, scopes, module), self.eval(node.right, scopes, module), node, module)
        if isinstance(node, ast.UnaryOp):
            v = self.eval(node.operand, scopes, module)
            if isinstance(node.op, ast.Not):
                t = bs.truth(v)
                return Unresolved(_src(module, node)) if t is None else (not t)
            if is_unresolved(v) or not isinstance(v, (int, float)):
                return Unresolved(_src(module, node))
            return {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Invert: operator.invert}[type(node.op)](v)
        if isinstance(node, ast.BoolOp):
            return self._boolop(node, scopes, module)
        if isinstance(node, ast.Compare):
            left = self.eval(node.left, scopes, module)
            for op, comp in zip(node.ops, node.comparators):
                right = self.eval(comp, scopes, module)
                if not (_plain(left) and _plain(right)) and not isinstance(op, (ast.Is, ast.IsNot)):
                    return Unresolved(_src(module, node))
                try:
                    if not _CMPOPS[type(op)](left, right):
                        return False
                except TypeError:
                    return Unresolved(_src(module, node))
                left = right
            return True
        if isinstance(node, ast.IfExp):
            t = bs.truth(self.eval(node.test, scopes, module))
            if t is None:
                return Unresolved(_src(module, node))
            return self.eval(node.body if t else node.orelse, scopes, module)
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(str(v.value))
                elif isinstance(v, ast.FormattedValue):
                    val = self.eval(v.value, scopes, module)
                    if not isinstance(val, (str, int, float, bool)) or v.format_spec is not None:
                        return Unresolved(_src(module, node))
                    parts.append({-1: str, 115: str, 114: repr, 97: ascii}[v.conversion](val))
            return "".join(parts)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            return self._comprehension(node, scopes, module)
        if isinstance(node, ast.Call):
            return self._call_node(node, scopes, module)
        if isinstance(node, ast.Lambda):
            return Unresolved(_src(module, node))
        return Unresolved(_src(module, node))

    def _boolop(self, node: ast.BoolOp, scopes: list[dict], module: ModuleRef) -> Any:
        value: Any = None
        for v in node.values:
            value = self.eval(v, scopes, module)
            t = bs.truth(value)
            if t is None:
                return Unresolved(_src(module, node))
            if isinstance(node.op, ast.And) and not t:
                return value
            if isinstance(node.op, ast.Or) and t:
                return value
        return value

    def _comprehension(self, node: ast.AST, scopes: list[dict], module: ModuleRef) -> Any:
        local: dict = {}
        inner = [local] + scopes
        results: list = []

        def run(generators: list[ast.comprehension]) -> bool:
            if not generators:
                if isinstance(node, ast.DictComp):
                    results.append((self.eval(node.key, inner, module), self.eval(node.value, inner, module)))
                else:
                    results.append(self.eval(node.elt, inner, module))
                return True
            gen = generators[0]
            items = self.iterate(self.eval(gen.iter, inner, module))
            if items is None:
                return False
            for item in items:
                self.tick()
                self.assign(gen.target, item, inner, module)
                ok = True
                for cond in gen.ifs:
                    t = bs.truth(self.eval(cond, inner, module))
                    if t is None:
                        return False
                    ok = ok and t
                if ok and not run(generators[1:]):
                    return False
            return True

        if not run(node.generators):
            return Unresolved(_src(module, node))
        if isinstance(node, ast.DictComp):
            if any(is_unresolved(k) or not _hashable(k) for k, _ in results):
                return Unresolved(_src(module, node))
            return dict(results)
        if isinstance(node, ast.SetComp):
            return set(results) if all(_hashable(r) for r in results) else Unresolved(_src(module, node))
        return results

    def binop(self, op: ast.operator, left: Any, right: Any, node: ast.AST, module: ModuleRef) -> Any:
        if not (_plain(left) and _plain(right)):
            return Unresolved(_src(module, node))
        if isinstance(op, ast.Pow) and isinstance(right, int) and right > 4096:
            return Unresolved(_src(module, node))
        if isinstance(op, ast.Mult) and (isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple))):
            n = right if isinstance(right, int) else left
            if isinstance(n, int) and n > 100_000:
                return Unresolved(_src(module, node))
        if isinstance(op, ast.Mod) and isinstance(left, str):
            try:
                return left % (tuple(right) if isinstance(right, list) else right)
            except (TypeError, ValueError, KeyError):
                return Unresolved(_src(module, node))
        try:
            return _BINOPS[type(op)](left, right)
        except Exception:  # noqa: BLE001 - any arithmetic failure only means "unknown here"
            return Unresolved(_src(module, node))

    def getattr(self, obj: Any, name: str, node: ast.AST) -> Any:
        if is_unresolved(obj):
            return Unresolved(f"{obj.source}.{name}")
        if isinstance(obj, ExternalRef):
            dotted = f"{obj.dotted}.{name}"
            return bs.KNOWN_EXTERNAL_VALUES.get(dotted, ExternalRef(dotted))
        if isinstance(obj, ModuleRef):
            ns = self.module_namespace(obj)
            if name in ns:
                return ns[name]
            sub = self.index.submodule(obj, name)
            if sub is not None:
                ns[name] = sub
                return sub
            return Unresolved(f"{obj.name}.{name}")
        if isinstance(obj, ClassRef):
            value = self.class_attr(obj, name)
            if is_unresolved(value) and name in ("__name__", "__qualname__"):
                return obj.name
            if self.is_enum_class(obj) and not isinstance(value, (FunctionRef, ClassRef)) and not name.startswith("_") \
                    and name in self.class_namespace(obj):
                return self.enum_member(obj, name)
            return value
        if hasattr(obj, "static_getattr"):
            return obj.static_getattr(name)
        return bs.method(obj, name, Unresolved(f"{type(obj).__name__}.{name}"))

    def _call_node(self, node: ast.Call, scopes: list[dict], module: ModuleRef) -> Any:
        if isinstance(node.func, ast.Name) and node.func.id == "super" and not node.args:
            context = self.lookup("__loki_super__", scopes, node, module)
            return SuperRef(self, *context) if isinstance(context, tuple) else Unresolved(_src(module, node))
        callee = self.eval(node.func, scopes, module)
        args: list = []
        kwargs: dict = {}
        for a in node.args:
            if isinstance(a, ast.Starred):
                spread = self.iterate(self.eval(a.value, scopes, module))
                if spread is None:
                    return Unresolved(_src(module, node))
                args.extend(spread)
            else:
                args.append(self.eval(a, scopes, module))
        for kw in node.keywords:
            if kw.arg is None:
                spread = self.eval(kw.value, scopes, module)
                if not isinstance(spread, dict):
                    return Unresolved(_src(module, node))
                kwargs.update(spread)
            else:
                kwargs[kw.arg] = self.eval(kw.value, scopes, module)
        result = self.call(callee, args, kwargs, node, module)
        if is_unresolved(result) and not result.source:
            return Unresolved(_src(module, node))
        return result

    def call(self, callee: Any, args: list, kwargs: dict, node: ast.AST, module: ModuleRef) -> Any:
        unknown = Unresolved(_src(module, node))
        if hasattr(callee, "static_call"):
            return callee.static_call(self, args, kwargs, unknown)
        if isinstance(callee, BuiltinFunction):
            return bs.call_builtin(self, callee.name, args, kwargs, unknown)
        if isinstance(callee, BoundMethod):
            return bs.call_method(self, callee.obj, callee.name, args, kwargs, unknown)
        if isinstance(callee, FunctionRef):
            return self.call_function(callee, args, kwargs, unknown)
        if isinstance(callee, ExternalRef) and callee.dotted in bs.KNOWN_EXTERNAL_CALLS:
            return bs.KNOWN_EXTERNAL_CALLS[callee.dotted](args, kwargs, unknown)
        return unknown

    def call_function(self, fn: FunctionRef, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        if self.depth >= MAX_DEPTH:
            return unknown
        decorators = [d for d in fn.node.decorator_list if not (isinstance(d, ast.Name) and d.id in ("classmethod", "staticmethod"))]
        if decorators and not all(_is_harmless_decorator(d) for d in decorators):
            return unknown
        is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.node.decorator_list)
        if fn.bound is not None and not is_static:
            args = [fn.bound] + list(args)
        local = bind_arguments(self, fn, args, kwargs)
        if local is None:
            return unknown
        if fn.owner is not None and (fn.bound is not None or args):
            local["__loki_super__"] = (fn.owner, fn.bound if fn.bound is not None else args[0])
        self.depth += 1
        try:
            self.exec_block(fn.node.body, [local] + fn.closure, fn.module)
        except _Return as r:
            # What a helper could not compute is named by the call that asked for it, not by its insides.
            return unknown if is_unresolved(r.value) else r.value
        except (GiveUp, _Break, _Continue):
            return unknown
        finally:
            self.depth -= 1
        return None


class EnumMember:
    """A member of a non-str Enum: `.name` and `.value` are known; it serialises as its value."""

    def __init__(self, cls_name: str, name: str, value: Any):
        self.cls_name, self.name, self.value = cls_name, name, value

    def static_getattr(self, name: str) -> Any:
        if name == "name":
            return self.name
        if name == "value":
            return self.value
        return Unresolved(f"{self.cls_name}.{self.name}.{name}")

    def to_json(self) -> Any:
        from .values import to_json
        return to_json(self.value)


class SuperRef:
    """`super()` inside a method: attribute lookup continues after the defining class in the MRO."""

    def __init__(self, ev: Evaluator, owner: ClassRef, bound: Any):
        self.ev, self.owner, self.bound = ev, owner, bound

    def static_getattr(self, name: str) -> Any:
        mro = self.ev.mro(self.bound) if isinstance(self.bound, ClassRef) else []
        after = False
        for c in mro:
            if c is self.owner:
                after = True
                continue
            if after and isinstance(c, ClassRef) and name in self.ev.class_namespace(c):
                value = c.namespace[name]
                if isinstance(value, FunctionRef):
                    return FunctionRef(value.node, value.module, value.closure, bound=self.bound, owner=c)  # super() binds methods too
                return value
        return Unresolved(f"super().{name}")


def bind_arguments(ev: Evaluator, fn: FunctionRef, args: list, kwargs: dict) -> dict | None:
    a = fn.node.args
    positional = list(a.posonlyargs) + list(a.args)
    local: dict = {}
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    kwargs = dict(kwargs)
    for i, param in enumerate(positional):
        if i < len(args):
            local[param.arg] = args[i]
        elif param.arg in kwargs:
            local[param.arg] = kwargs.pop(param.arg)
        elif defaults[i] is not None:
            local[param.arg] = ev.eval(defaults[i], fn.closure, fn.module)
        else:
            return None
    if len(args) > len(positional):
        if a.vararg is None:
            return None
        local[a.vararg.arg] = tuple(args[len(positional):])
    elif a.vararg is not None:
        local[a.vararg.arg] = ()
    for param, default in zip(a.kwonlyargs, a.kw_defaults):
        if param.arg in kwargs:
            local[param.arg] = kwargs.pop(param.arg)
        elif default is not None:
            local[param.arg] = ev.eval(default, fn.closure, fn.module)
        else:
            return None
    if a.kwarg is not None:
        local[a.kwarg.arg] = kwargs
    elif kwargs:
        return None
    return local


def _is_classmethod(node: ast.AST) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "classmethod" for d in getattr(node, "decorator_list", []))


def _is_harmless_decorator(d: ast.expr) -> bool:
    name = d.attr if isinstance(d, ast.Attribute) else d.id if isinstance(d, ast.Name) else ""
    return name in ("override", "property", "classproperty", "cache", "lru_cache", "abstractmethod", "final")


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
