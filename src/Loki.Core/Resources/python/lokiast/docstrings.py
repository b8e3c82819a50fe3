"""Docstring sections in the three common styles: Google, NumPy and reST (Sphinx)."""
from __future__ import annotations

import re

_GOOGLE_PARAMS = {"args", "arguments", "parameters", "params", "keyword args", "keyword arguments", "other parameters"}
_GOOGLE_RETURNS = {"returns", "return", "yields"}
_GOOGLE_OTHER = {"raises", "examples", "example", "notes", "note", "see also", "references", "attributes", "todo", "warning", "warnings"}
_PARAM_LINE = re.compile(r"^\s*\*{0,2}(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(\((?P<type>[^)]*)\))?\s*:\s*(?P<desc>.*)$")
_NUMPY_PARAM = re.compile(r"^(?P<name>\*{0,2}[A-Za-z_][A-Za-z0-9_]*(\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*(:\s*(?P<type>.*))?$")
_REST = re.compile(r"^:(?P<kind>param|parameter|arg|argument|type|returns?|rtype)(\s+(?P<rest>[^:]*))?:\s*(?P<desc>.*)$")


def parse(doc: str) -> dict:
    """{"summary", "description", "params": {name: {"description", "type"}}, "returns": [{"name", "type", "description"}]}"""
    lines = doc.expandtabs().splitlines()
    result = {"summary": "", "description": "", "params": {}, "returns": []}
    body_end = _first_section(lines)
    paragraphs = "\n".join(lines[:body_end]).strip().split("\n\n")
    result["summary"] = " ".join(paragraphs[0].split()) if paragraphs and paragraphs[0] else ""
    result["description"] = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    if any(_REST.match(line.strip()) for line in lines):
        _rest(lines, result)
    elif _numpy_sections(lines):
        _numpy(lines, result)
    else:
        _google(lines, result)
    return result


def _first_section(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        s = line.strip()
        if _REST.match(s):
            return i
        if s.rstrip(":").lower() in _GOOGLE_PARAMS | _GOOGLE_RETURNS | _GOOGLE_OTHER and s.endswith(":"):
            return i
        if i + 1 < len(lines) and re.fullmatch(r"-{3,}", lines[i + 1].strip() or "x") and s:
            return i
    return len(lines)


def _google(lines: list[str], result: dict) -> None:
    section, indent, current = None, None, None
    for line in lines:
        s = line.strip()
        key = s.rstrip(":").lower()
        if s.endswith(":") and key in _GOOGLE_PARAMS | _GOOGLE_RETURNS | _GOOGLE_OTHER and _indent(line) <= (indent or 99):
            section = "params" if key in _GOOGLE_PARAMS else "returns" if key in _GOOGLE_RETURNS else None
            indent, current = None, None
            continue
        if section is None or not s:
            continue
        if indent is None:
            indent = _indent(line)
        if _indent(line) == indent:
            m = _PARAM_LINE.match(line)
            if section == "params" and m:
                current = {"description": m.group("desc").strip(), "type": (m.group("type") or "").strip() or None}
                result["params"][m.group("name")] = current
            elif section == "returns":
                if m and m.group("name") and not m.group("name")[0].isupper():
                    current = {"name": m.group("name"), "type": (m.group("type") or "").strip() or None, "description": m.group("desc").strip()}
                else:
                    current = {"name": None, "type": None, "description": s}
                result["returns"].append(current)
            else:
                current = None
        elif current is not None:
            current["description"] = (current["description"] + " " + s).strip()


def _numpy_sections(lines: list[str]) -> bool:
    return any(re.fullmatch(r"-{3,}", lines[i + 1].strip() or "x") and lines[i].strip().lower() in ("parameters", "returns", "other parameters", "yields")
               for i in range(len(lines) - 1))


def _numpy(lines: list[str], result: dict) -> None:
    section, current, i = None, None, 0
    while i < len(lines):
        s = lines[i].strip()
        if i + 1 < len(lines) and re.fullmatch(r"-{3,}", lines[i + 1].strip() or "x") and s:
            low = s.lower()
            section = "params" if low in ("parameters", "other parameters") else "returns" if low in ("returns", "yields") else None
            current, i = None, i + 2
            continue
        if section and s and _indent(lines[i]) == 0:
            m = _NUMPY_PARAM.match(s)
            if m:
                if section == "params":
                    current = {"description": "", "type": (m.group("type") or "").strip() or None}
                    for name in m.group("name").split(","):
                        result["params"][name.strip().lstrip("*")] = current
                else:
                    has_type = m.group("type") is not None
                    current = {"name": m.group("name") if has_type else None,
                               "type": (m.group("type") or s).strip() if True else None, "description": ""}
                    result["returns"].append(current)
        elif section and s and current is not None:
            current["description"] = (current["description"] + " " + s).strip()
        i += 1


def _rest(lines: list[str], result: dict) -> None:
    current = None
    for line in lines:
        s = line.strip()
        m = _REST.match(s)
        if m:
            kind, rest, desc = m.group("kind"), (m.group("rest") or "").strip(), m.group("desc").strip()
            if kind in ("param", "parameter", "arg", "argument"):
                parts = rest.split()
                name = parts[-1] if parts else ""
                current = result["params"].setdefault(name, {"description": "", "type": None})
                current["description"] = desc
                if len(parts) > 1:
                    current["type"] = " ".join(parts[:-1])
            elif kind == "type":
                result["params"].setdefault(rest, {"description": "", "type": None})["type"] = desc
                current = None
            elif kind in ("returns", "return"):
                current = {"name": None, "type": None, "description": desc}
                result["returns"].append(current)
            elif kind == "rtype":
                if result["returns"]:
                    result["returns"][-1]["type"] = desc
                current = None
        elif current is not None and s:
            current["description"] = (current["description"] + " " + s).strip()
        elif not s:
            current = None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
