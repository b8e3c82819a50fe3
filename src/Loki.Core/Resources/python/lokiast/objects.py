"""Runtime objects of the static evaluator that are not plain data: enum members, super(), bound arguments."""
from __future__ import annotations

from typing import Any

from .values import ClassRef, FunctionRef, Unresolved


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

    def __init__(self, ev: Any, owner: ClassRef, bound: Any):
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


def bind_arguments(ev: Any, fn: FunctionRef, args: list, kwargs: dict) -> dict | None:
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
