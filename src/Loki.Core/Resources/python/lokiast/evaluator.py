"""A small abstract interpreter for the Python that node packs use to declare their nodes.

It executes module bodies, class bodies and function bodies over plain data (literals, dicts, lists, tuples,
numbers, strings) and references (modules, classes, functions). Anything it cannot compute becomes an
`Unresolved` value carrying the source expression; nothing is ever guessed and no pack code is imported."""
from __future__ import annotations

import ast
from typing import Any

from . import builtins_static as bs
from .control import MAX_DEPTH, MAX_STEPS, GiveUp, _Break, _Continue, _is_classmethod, _is_harmless_decorator, _Return, _src
from .expressions import ExpressionEvaluator
from .modules import ModuleIndex
from .objects import EnumMember, bind_arguments
from .statements import StatementExecutor
from .values import BoundMethod, BuiltinFunction, ClassRef, ExternalRef, FunctionRef, ModuleRef, Unresolved, is_unresolved

__all__ = ["Evaluator", "GiveUp"]


class Evaluator(StatementExecutor, ExpressionEvaluator):
    """Evaluates the modules of one `ModuleIndex`: namespaces, classes and calls (statements and expressions are mixins)."""

    def __init__(self, index: ModuleIndex):
        self.index = index
        self.steps = 0
        self.depth = 0
        self.current_module: ModuleRef | None = None

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

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise GiveUp("step budget exhausted")

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
