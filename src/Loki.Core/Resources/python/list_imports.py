"""Lists the imports of Python files with the standard library's ast (no file is executed).

Usage: python3 list_imports.py FILE...   Prints one JSON object: {file: {"imports": [...], "error": str|null}}.
Each import: {"module": top-level name, "full": dotted name, "line": n, "optional": bool, "stdlib": bool}.
An import is optional when it sits in a try block whose handlers catch ImportError (or broader).
"""
import ast
import json
import sys

_CATCHES_IMPORT = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _handler_catches_import(handler):
    if handler.type is None:
        return True
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in _CATCHES_IMPORT for n in names)


def _scan(tree):
    found = []

    def visit(node, optional):
        if isinstance(node, ast.Try):
            guarded = optional or any(_handler_catches_import(h) for h in node.handlers)
            for child in node.body:
                visit(child, guarded)
            for child in node.handlers + node.orelse + node.finalbody:
                visit(child, optional)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((alias.name, node.lineno, optional))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno, optional))
        for child in ast.iter_child_nodes(node):
            visit(child, optional)

    visit(tree, False)
    return found


def main(paths):
    stdlib = set(getattr(sys, "stdlib_module_names", ()))
    result = {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), filename=path)
        except (OSError, SyntaxError, ValueError) as exc:
            result[path] = {"imports": [], "error": f"{type(exc).__name__}: {exc}"}
            continue
        imports = []
        for full, line, optional in _scan(tree):
            top = full.split(".")[0]
            imports.append({"module": top, "full": full, "line": line, "optional": optional,
                            "stdlib": top in stdlib or top == "__future__"})
        result[path] = {"imports": imports, "error": None}
    json.dump(result, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
