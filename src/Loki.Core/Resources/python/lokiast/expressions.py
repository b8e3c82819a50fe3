"""Expression evaluation of the static evaluator: literals, names, operators, comprehensions and calls."""
from __future__ import annotations

import ast
import operator
from typing import Any

from . import builtins_static as bs
from .control import GiveUp, _hashable, _plain, _src
from .objects import SuperRef
from .values import ClassRef, ExternalRef, FunctionRef, ModuleRef, Unresolved, is_unresolved

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


class ExpressionEvaluator:
    """Mixin of :class:`~lokiast.evaluator.Evaluator`: computes expressions, or `Unresolved` naming their source."""

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
