"""Finds and parses the modules of a pack (and, optionally, of ComfyUI itself) by name or relative import."""
from __future__ import annotations

import ast
import os
from typing import Any, Callable

from .values import ExternalRef, ModuleRef


class ModuleIndex:
    """Resolves dotted names against search roots; never imports anything."""

    def __init__(self, roots: list[str], special: Callable[[str], Any] | None = None):
        self.roots = [os.path.abspath(r) for r in roots]
        self.special = special
        self._by_path: dict[str, ModuleRef] = {}
        self.errors: list[dict] = []

    def module_for_file(self, path: str, name: str) -> ModuleRef | None:
        path = os.path.abspath(path)
        if path in self._by_path:
            return self._by_path[path]
        try:
            with open(path, "rb") as f:
                source = f.read()
            tree = ast.parse(source, filename=path)
        except (OSError, SyntaxError, ValueError) as ex:
            self.errors.append({"file": path, "message": f"cannot parse: {ex}", "line": getattr(ex, "lineno", 0) or 0})
            return None
        mod = ModuleRef(name=name, path=path, is_package=os.path.basename(path) == "__init__.py", tree=tree)
        self._by_path[path] = mod
        return mod

    def resolve(self, dotted: str) -> Any:
        """A ModuleRef, a special value, or an ExternalRef when the module is not among the roots."""
        if self.special is not None:
            special = self.special(dotted)
            if special is not None:
                return special
        parts = dotted.split(".")
        for root in self.roots:
            found = self._find(root, parts, dotted)
            if found is not None:
                return found
        return ExternalRef(dotted)

    def resolve_relative(self, module: ModuleRef, level: int, name: str | None) -> Any:
        base = os.path.dirname(module.path)
        for _ in range(level - 1):
            base = os.path.dirname(base)
        pkg_name = module.name.split(".")
        pkg_name = pkg_name[: len(pkg_name) - (level - (1 if module.is_package else 0))] if level else pkg_name
        parts = name.split(".") if name else []
        dotted = ".".join([p for p in pkg_name if p] + parts)
        if not parts:
            init = os.path.join(base, "__init__.py")
            if os.path.isfile(init):
                return self.module_for_file(init, dotted) or ExternalRef(dotted)
            return self._namespace_package(base, dotted)
        found = self._find(base, parts, dotted)
        return found if found is not None else ExternalRef(dotted)

    def submodule(self, module: ModuleRef, attr: str) -> Any:
        if not module.is_package:
            return None
        base = os.path.dirname(module.path)
        return self._find(base, [attr], f"{module.name}.{attr}")

    def _find(self, root: str, parts: list[str], dotted: str) -> ModuleRef | None:
        path = os.path.join(root, *parts)
        if os.path.isfile(path + ".py"):
            return self.module_for_file(path + ".py", dotted)
        if os.path.isfile(os.path.join(path, "__init__.py")):
            return self.module_for_file(os.path.join(path, "__init__.py"), dotted)
        if os.path.isdir(path) and any(n.endswith(".py") or os.path.isdir(os.path.join(path, n)) for n in _listdir(path)):
            return self._namespace_package(path, dotted)
        return None

    def _namespace_package(self, path: str, dotted: str) -> ModuleRef:
        key = os.path.join(os.path.abspath(path), "__init__.py")
        if key not in self._by_path:
            self._by_path[key] = ModuleRef(name=dotted, path=key, is_package=True, tree=ast.Module(body=[], type_ignores=[]))
        return self._by_path[key]


def _listdir(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []
