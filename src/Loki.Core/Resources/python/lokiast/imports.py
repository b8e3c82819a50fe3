"""Lists the top-level modules a module or a folder imports, split into standard library, local and third party."""
from __future__ import annotations

import ast
import os
import sys

_SKIP_DIRS = {".git", "__pycache__", ".venv", "venv", "env", "node_modules", ".tox", "build", "dist", ".mypy_cache"}


def scan(path: str) -> dict:
    path = os.path.abspath(path)
    files = [path] if os.path.isfile(path) else sorted(_python_files(path))
    root = os.path.dirname(path) if os.path.isfile(path) else path
    found: dict[str, dict] = {}
    errors = []
    for file in files:
        try:
            with open(file, "rb") as f:
                tree = ast.parse(f.read(), filename=file)
        except (SyntaxError, ValueError, OSError) as ex:
            errors.append({"file": os.path.relpath(file, root), "line": getattr(ex, "lineno", 0) or 0, "message": str(ex)})
            continue
        for node, guarded in _imports(tree):
            for name in _names(node):
                entry = found.setdefault(name, {"module": name, "files": [], "optional": True})
                rel = os.path.relpath(file, root).replace(os.sep, "/")
                if rel not in entry["files"]:
                    entry["files"].append(rel)
                entry["optional"] = entry["optional"] and guarded
    stdlib = set(getattr(sys, "stdlib_module_names", ())) | {"__future__"}
    out = {"stdlib": [], "local": [], "third_party": [], "errors": errors}
    for name in sorted(found):
        entry = found[name]
        if name in stdlib:
            out["stdlib"].append(name)
        elif _is_local(name, root, [os.path.dirname(os.path.join(root, f)) for f in entry["files"]]):
            out["local"].append(name)
        else:
            out["third_party"].append(entry)
    return out


def _python_files(folder: str):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for name in filenames:
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


def _imports(tree: ast.Module):
    """Every import statement, with whether it sits under try/except or `if TYPE_CHECKING` (optional)."""
    def walk(body, guarded):
        for node in body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                yield node, guarded
            elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
                yield from walk(node.body, True)
                for h in node.handlers:
                    yield from walk(h.body, True)
                yield from walk(node.orelse, guarded)
                yield from walk(node.finalbody, guarded)
            elif isinstance(node, ast.If):
                checking = "TYPE_CHECKING" in ast.unparse(node.test)
                yield from walk(node.body, guarded or checking)
                yield from walk(node.orelse, guarded)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.With, ast.For, ast.While)):
                yield from walk(node.body, guarded)
    yield from walk(tree.body, False)


def _names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name.split(".")[0] for a in node.names]
    if isinstance(node, ast.ImportFrom) and not node.level and node.module:
        return [node.module.split(".")[0]]
    return []


def _is_local(name: str, root: str, dirs: list[str]) -> bool:
    for d in [root] + dirs:
        if os.path.isfile(os.path.join(d, name + ".py")) or os.path.isdir(os.path.join(d, name)):
            return True
    return False
