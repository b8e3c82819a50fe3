"""Reads the config layer ``<n>.json`` into an :class:`~loki_runtime.interface.Interface`.

Accepts the same loose shapes as the C# ``NodeConfigReader`` (kept in step with it on purpose): ports as an object
(name -> spec) or an array (of objects with ``name``, or bare names), a spec that is just a type string, lower-case
or alias types (``int``, ``str``, ``image``), a port with ``options`` and no type (a COMBO), ``node_name_internal``,
``//`` and ``/* */`` comments and trailing commas. Problems are reported all at once in a :class:`ConfigError`
with LOKI codes and JSON paths.
"""
from __future__ import annotations

import json
import os
from typing import Any

from . import errors
from .errors import ConfigError, Diagnostic

_KNOWN_KEYS = {"node_name", "version", "description", "category", "device", "output_node",
               "inputs", "outputs", "examples", "comfy"}
_KNOWN_PORT_KEYS = {"name", "type", "description", "required", "default", "min", "max", "step", "options",
                    "multiline"}


def read_json(path: str | os.PathLike) -> Any:
    """Reads JSON that may hold comments and trailing commas. Raises ConfigError (LOKI0100/LOKI0002)."""
    path = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except OSError as ex:
        raise ConfigError([Diagnostic(errors.FILE_UNREADABLE, f"cannot read config: {ex.strerror or ex}", path)]) from None
    return parse_json(text, path)


def parse_json(text: str, file: str) -> Any:
    """Parses lenient JSON text; ``file`` is only used in diagnostics."""
    try:
        return json.loads(_strip_comments_and_trailing_commas(text))
    except json.JSONDecodeError as ex:
        raise ConfigError([Diagnostic(errors.CONFIG_INVALID_JSON, f"config is not valid JSON: {ex.msg}", file, "$",
                                      ex.lineno)]) from None


def from_config(path: str | os.PathLike, fallback_name: str | None = None):
    """Reads ``<n>.json``; the node name falls back to the file's stem."""
    path = os.fspath(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    return from_dict(read_json(path), path, fallback_name or stem)


def from_dict(data: Any, file: str = "<config>", fallback_name: str = "node"):
    """Builds an Interface from parsed config JSON. Raises ConfigError listing every problem."""
    from .interface import Interface

    problems: list[Diagnostic] = []
    if not isinstance(data, dict):
        raise ConfigError([Diagnostic(errors.CONFIG_BAD_FIELD, "config must be a JSON object", file, "$")])
    name = _str(data, "node_name") or _str(data, "node_name_internal") or fallback_name
    device = (_str(data, "device") or "cpu").lower()
    if device not in ("cpu", "cuda"):
        problems.append(Diagnostic(errors.CONFIG_BAD_FIELD, f'device must be "cpu" or "cuda", not "{device}"', file,
                                   "$.device"))
        device = "cpu"
    comfy = data.get("comfy")
    if not (isinstance(comfy, dict) and isinstance(comfy.get("class"), str)):
        comfy = None
    examples = data.get("examples") or []
    if not isinstance(examples, list):
        problems.append(Diagnostic(errors.CONFIG_BAD_FIELD, "examples must be an array", file, "$.examples"))
        examples = []
    for i, example in enumerate(examples):
        if not isinstance(example, dict) or not isinstance(example.get("inputs"), dict):
            problems.append(Diagnostic(errors.CONFIG_BAD_FIELD, 'an example needs an "inputs" object', file,
                                       f"$.examples[{i}]"))
    interface = Interface(
        name=name,
        version=_str(data, "version") or "0.1.0",
        description=_str(data, "description"),
        category=_str(data, "category"),
        device=device,
        output_node=data.get("output_node") is True,
        inputs=_read_ports(data.get("inputs"), "$.inputs", True, file, problems),
        outputs=_read_ports(data.get("outputs"), "$.outputs", False, file, problems),
        comfy=comfy,
        examples=tuple(e for e in examples if isinstance(e, dict) and isinstance(e.get("inputs"), dict)),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        source=file,
    )
    if problems:
        raise ConfigError(problems)
    return interface


def _read_ports(node: Any, path: str, is_input: bool, file: str, problems: list[Diagnostic]) -> tuple:
    entries: list[tuple[str, Any, str]] = []
    if node is None:
        pass
    elif isinstance(node, dict):
        entries = [(k, v, f"{path}.{k}") for k, v in node.items()]
    elif isinstance(node, list):
        for i, item in enumerate(node):
            name = item.get("name") if isinstance(item, dict) else item if isinstance(item, str) else None
            if not isinstance(name, str):
                problems.append(Diagnostic(errors.CONFIG_BAD_FIELD, 'a port in an array needs a "name"', file,
                                           f"{path}[{i}]"))
                continue
            entries.append((name, item if isinstance(item, dict) else None, f"{path}[{i}]"))
    else:
        problems.append(Diagnostic(errors.CONFIG_BAD_FIELD, "ports must be an object (name -> spec) or an array",
                                   file, path))
    ports = []
    seen: set[str] = set()
    for name, spec, at in entries:
        if name in seen:
            problems.append(Diagnostic(errors.CONFIG_DUPLICATE_PORT, f'port "{name}" is declared twice', file, at))
            continue
        seen.add(name)
        ports.append(_read_port(name, spec, at, is_input, file, problems))
    return tuple(ports)


def _read_port(name: str, spec: Any, at: str, is_input: bool, file: str, problems: list[Diagnostic]):
    from .interface import ANY, COMBO, FLOAT, INT, Port, normalize_type

    if isinstance(spec, str):
        return Port(name, normalize_type(spec))
    if not isinstance(spec, dict):
        problems.append(Diagnostic(errors.CONFIG_BAD_PORT_TYPE, f'port "{name}" needs a spec object with a "type"',
                                   file, at))
        return Port(name, ANY)
    options = tuple(spec["options"]) if isinstance(spec.get("options"), list) else None
    raw_type = _str(spec, "type")
    if raw_type is None:
        if options is None:
            problems.append(Diagnostic(errors.CONFIG_BAD_PORT_TYPE, f'port "{name}" has no "type"', file, f"{at}.type"))
        raw_type = ANY if options is None else COMBO
    port = Port(
        name=name,
        type=normalize_type(raw_type),
        description=_str(spec, "description"),
        required=(not is_input) or spec.get("required") is not False,
        default=spec.get("default"),
        min=_num(spec, "min"),
        max=_num(spec, "max"),
        step=_num(spec, "step"),
        options=options,
        multiline=spec.get("multiline") is True,
        extra={k: v for k, v in spec.items() if k not in _KNOWN_PORT_KEYS},
    )
    default = port.default
    if port.type in (INT, FLOAT) and isinstance(default, (int, float)) and not isinstance(default, bool):
        if (port.min is not None and default < port.min) or (port.max is not None and default > port.max):
            problems.append(Diagnostic(errors.CONFIG_BAD_DEFAULT,
                                       f'default {default} of "{name}" lies outside [{port.min}, {port.max}]', file,
                                       f"{at}.default"))
    elif port.type == COMBO and port.options and isinstance(default, str) \
            and default not in [str(o) for o in port.options]:
        problems.append(Diagnostic(errors.CONFIG_BAD_DEFAULT, f'default "{default}" of "{name}" is not one of its options',
                                   file, f"{at}.default"))
    return port


def _str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) else None


def _num(obj: dict, key: str) -> float | None:
    value = obj.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _strip_comments_and_trailing_commas(text: str) -> str:
    """Blanks out comments (keeping newlines, so line numbers hold) and drops commas before ``}``/``]``."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    last = ""  # the last significant character outside strings: "{,}" stays invalid, as in System.Text.Json
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:end]))
            i = end
            continue
        elif c == ",":
            j = i + 1
            while j < n and text[j] in " \t\r\n":
                j += 1
            # A trailing comma may be followed by a comment; look past it too.
            rest = _strip_leading_comments(text, j)
            out.append(" " if rest < n and text[rest] in "}]" and last not in "{[," else c)
        else:
            out.append(c)
        if not in_string and not c.isspace():
            last = c
        i += 1
    return "".join(out)


def _strip_leading_comments(text: str, j: int) -> int:
    n = len(text)
    while j < n:
        if text.startswith("//", j):
            end = text.find("\n", j)
            j = n if end < 0 else end
        elif text.startswith("/*", j):
            end = text.find("*/", j + 2)
            j = n if end < 0 else end + 2
        elif text[j] in " \t\r\n":
            j += 1
        else:
            break
    return j
