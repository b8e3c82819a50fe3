"""The Python module of one step: a function of the step's inputs that runs the step's statements as they are
written in the original (comments kept) and returns the step's outputs.

Every port is `typing.Any` (opaque): values pass between steps untouched. The docstring's Args/Returns sections
name the ports, so `loki wrap` reads the interface from it. Module-level names the statements use come from the
original module: its own import statements are repeated (so the step's requirements are found), anything else is
imported from the module itself.
"""
from __future__ import annotations

import ast
import builtins
import io
import tokenize

from .cutting import Step

_BUILTINS = set(dir(builtins))


def module_text(name: str, step: Step, lines: list[str], module_scope: dict[str, str], origin: str,
                summary: str, future: list[str], result: str) -> tuple[str, bool]:
    """The module's text and whether it imports names from the original module itself."""
    globals_used = [n for n in step.reads if n in module_scope or n not in _BUILTINS]
    globals_used = [n for n in globals_used if n not in step.inputs and n not in _local_names(step)]
    imports, from_origin = [], []
    for n in globals_used:
        statement = module_scope.get(n)
        if statement and statement not in imports:
            imports.append(statement)
        elif statement is None:
            from_origin.append(n)
    out = [f'"""Step {name} of {origin}: {summary}"""']
    out += future
    out += ["import typing", ""] if not imports else ["import typing"]
    out += imports
    if from_origin:
        module = origin.rsplit(":", 1)[0]
        out.append(f"from {module} import {', '.join(from_origin)}")
    if imports or from_origin:
        out.append("")
    out.append("")
    params = ", ".join(f"{n}: typing.Any" for n in step.inputs)
    returns = "typing.Any" if len(step.outputs) == 1 else f"tuple[{', '.join('typing.Any' for _ in step.outputs)}]"
    out.append(f"def {name}({params}) -> {returns}:")
    out.append(_docstring(summary, step, result))
    for unit in step.units:
        out.extend(_unit_lines(unit, lines))
    if not step.returns:
        out.append(f"    return {', '.join(step.outputs)}")
    return "\n".join(out) + "\n", bool(from_origin)


def output_ports(outputs: list[str]) -> list[str]:
    """The port names of a step's outputs: the variable's own name, lowercased when it starts with a capital (a
    docstring reads `A: ...` in a Returns section as a type, not a name)."""
    ports: list[str] = []
    for name in outputs:
        port = name if not name[0].isupper() else name.lower()
        while port in ports or (port != name and port in outputs):
            port += "_value"
        ports.append(port)
    return ports


def _docstring(summary: str, step: Step, result: str) -> str:
    doc = [f'    """{_escape(summary)}', ""]
    if step.inputs:
        doc.append("    Args:")
        doc += [f"        {n}: the value of `{n}` before the step." for n in step.inputs]
    doc.append("    Returns:")
    doc += [f"        {p}: {'what the function returns' if n == result and step.returns else f'the value of `{n}` after the step'}."
            for n, p in zip(step.outputs, output_ports(step.outputs))]
    doc.append('    """')
    return "\n".join(doc)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _local_names(step: Step) -> set[str]:
    return {n for u in step.units for n in u.access.writes}


def _unit_lines(unit, lines: list[str]) -> list[str]:
    """The unit's source lines re-indented to a function body (comments above it included). Statements with a
    string literal over several lines, or tabs, are written by `ast.unparse` instead: re-indenting would change
    them."""
    stmt = unit.stmt
    text_lines = lines[unit.first_line - 1:unit.last_line]
    indent = stmt.col_offset
    comments = text_lines[:stmt.lineno - unit.first_line]
    code = text_lines[stmt.lineno - unit.first_line:]
    if _unsafe_to_reindent(code):
        body = ast.unparse(stmt).splitlines()
        return ["    " + c.strip() for c in comments] + ["    " + b for b in body]
    out = []
    for line in comments + code:
        lead = len(line) - len(line.lstrip(" "))
        out.append(("    " + line[min(lead, indent):]).rstrip() if line.strip() else "")
    return out


def _unsafe_to_reindent(code: list[str]) -> bool:
    text = "\n".join(code)
    if "\t" in text:
        return True
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text.lstrip(" ") + "\n").readline):
            if tok.type == tokenize.STRING and tok.start[0] != tok.end[0]:
                return True
            if getattr(tokenize, "FSTRING_MIDDLE", None) == tok.type and "\n" in tok.string:
                return True
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return True
    return False


def module_scope(tree: ast.Module, package: str) -> dict[str, str]:
    """Module-level names bound by an import → that import written for the name alone (absolute); names the
    module defines otherwise are left out (they are imported from the module)."""
    scope: dict[str, str] = {}
    for node in _module_statements(tree.body):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                text = f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else "")
                scope.setdefault(bound, text)
        elif isinstance(node, ast.ImportFrom) and not any(a.name == "*" for a in node.names):
            module = _absolute(node, package)
            if module is None:
                continue
            for alias in node.names:
                bound = alias.asname or alias.name
                scope.setdefault(bound, f"from {module} import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
    return scope


def _absolute(node: ast.ImportFrom, package: str) -> str | None:
    if not node.level:
        return node.module
    parts = package.split(".") if package else []
    if node.level - 1 > len(parts) or not package:
        return None
    base = parts[:len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _module_statements(body: list[ast.stmt]):
    """Top-level statements, and those inside module-level `if` and `try` (optional imports)."""
    for node in body:
        yield node
        if isinstance(node, ast.If):
            yield from _module_statements(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            yield from _module_statements(node.body + [s for h in node.handlers for s in h.body] + node.orelse)
