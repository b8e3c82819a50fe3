"""Infers an :class:`~loki_runtime.interface.Interface` from a Python function's signature, annotations and docstring.

Understood annotations: ``int``, ``float``, ``str``, ``bool``, ``Literal[...]`` (a COMBO), the markers of
:mod:`loki_runtime.types` (``Image``, ``Mask``, ``Audio``, ``Latent``, ``Any``, ``Opaque("VAE")``...),
``Optional[T]``/``T | None``, and ``Annotated[T, Range(...), Multiline(), "description"]``. Without an annotation
the default's type decides. Descriptions come from a Google-style ``Args:`` section of the docstring.

Outputs come from ``outputs=`` or the return annotation: one type (named after it: ``image``, ``mask``, ``text``,
``value``...), ``tuple[...]`` of types, a ``NamedTuple`` class, or ``Annotated[T, Output("name")]``.

A default value may be an object with a ``loki_port()`` method returning port fields (``default``, ``min``,
``extra``...): ``loki_runtime.flow`` uses that for seeds with ``control_after_generate``.
"""
from __future__ import annotations

import inspect
import re
import typing
from typing import Any, Mapping, Sequence

from . import types as loki_types

_NO_DEFAULT = inspect.Parameter.empty
_SIMPLE = {bool: "BOOLEAN", int: "INT", float: "FLOAT", str: "STRING"}
_BY_NAME = {"bool": "BOOLEAN", "int": "INT", "float": "FLOAT", "str": "STRING", "Image": "IMAGE", "Mask": "MASK",
            "Audio": "AUDIO", "Latent": "LATENT", "Conditioning": "CONDITIONING", "Model": "MODEL", "Any": "*"}
_OUTPUT_NAMES = {"IMAGE": "image", "MASK": "mask", "AUDIO": "audio", "STRING": "text", "INT": "value",
                 "FLOAT": "value", "BOOLEAN": "value", "COMBO": "value", "*": "result"}


def from_function(fn, name: str | None = None, *, outputs: Any = None, description: str | None = None,
                  skip: Sequence[str] = (), source: str | None = None):
    """Builds the Interface of ``fn``. ``skip`` names parameters that are not ports (e.g. runtime options)."""
    from .interface import Interface

    signature = inspect.signature(fn)
    hints = _type_hints(fn)
    summary, arg_docs = parse_docstring(inspect.getdoc(fn))
    inputs = []
    for param in signature.parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or param.name in skip:
            continue
        annotation = hints.get(param.name, param.annotation)
        inputs.append(port_from_annotation(param.name, annotation, param.default, arg_docs.get(param.name)))
    if outputs is not None:
        out_ports = ports_from_spec(outputs)
    else:
        out_ports = outputs_from_annotation(hints.get("return", signature.return_annotation))
    return Interface(
        name=name or fn.__name__,
        description=description or summary,
        inputs=tuple(inputs),
        outputs=tuple(out_ports),
        source=source or getattr(getattr(fn, "__code__", None), "co_filename", None),
    )


def port_from_annotation(name: str, annotation: Any, default: Any = _NO_DEFAULT, description: str | None = None):
    """One input port from an annotation and a default (``inspect.Parameter.empty`` when there is none)."""
    from .interface import Port

    fields: dict[str, Any] = {"description": description}
    if default is not _NO_DEFAULT and hasattr(default, "loki_port"):
        overrides = dict(default.loki_port())
        default = overrides.pop("default", None)
        fields.update(overrides)
    base, meta = _unwrap_annotated(annotation)
    base, optional = _unwrap_optional(base)
    for item in meta:
        if isinstance(item, loki_types.Range):
            fields.update(min=item.min, max=item.max, step=item.step)
        elif isinstance(item, loki_types.Multiline):
            fields["multiline"] = True
        elif isinstance(item, str):
            fields["description"] = str(item)
    comfy_type, options = _type_of(base, default)  # anything unknown (np.ndarray, dict...) is opaque "*"
    if options is not None:
        fields["options"] = options
    fields.setdefault("extra", {})
    # No default: a required input. A default of None: an optional one. Any other default: required, with a
    # default (a ComfyUI widget in the "required" section), unless the annotation is Optional[...].
    required = fields.pop("required", True) and not optional and default is not None
    return Port(name=name, type=fields.pop("type", comfy_type), required=required,
                default=None if default is _NO_DEFAULT else default, **fields)


def outputs_from_annotation(annotation: Any) -> list:
    """Output ports from a return annotation; empty when it says nothing usable (None, dict, missing)."""
    if annotation is None or annotation is inspect.Signature.empty or annotation is type(None):
        return []
    if isinstance(annotation, type) and issubclass(annotation, tuple) and hasattr(annotation, "_fields"):
        hints = typing.get_type_hints(annotation, include_extras=True)
        return [_output_port(f, hints.get(f, Any), f) for f in annotation._fields]
    origin = typing.get_origin(annotation)
    if origin is tuple:
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        return _dedupe([_output_port(None, a, None) for a in args])
    if origin is dict or annotation is dict:
        return []
    return [_output_port(None, annotation, None)]


def ports_from_spec(spec: Any) -> list:
    """Output ports from ``outputs=``: ``{"image": "IMAGE"}``, ``{"image": {"type": ...}}``, names, or pairs."""
    from .config import from_dict
    from .interface import Port

    if isinstance(spec, Mapping):
        return list(from_dict({"outputs": dict(spec)}, "<outputs>").outputs)
    ports = []
    for item in spec:
        if isinstance(item, Port):
            ports.append(item)
        elif isinstance(item, str):
            ports.append(Port(item, "*"))
        else:
            item_name, item_type = item
            ports.append(from_dict({"outputs": {item_name: item_type}}, "<outputs>").outputs[0])
    return ports


def parse_docstring(doc: str | None) -> tuple[str | None, dict[str, str]]:
    """The summary (first paragraph) and per-argument descriptions of a Google- or NumPy-style docstring."""
    if not doc:
        return None, {}
    lines = inspect.cleandoc(doc).splitlines()
    summary_lines = []
    for line in lines:
        if not line.strip():
            break
        summary_lines.append(line.strip())
    summary = " ".join(summary_lines) or None
    args: dict[str, str] = {}
    in_args = False
    entry_indent = None
    current = None
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        word = stripped.rstrip(":").lower()
        if word in _SECTIONS and (stripped.endswith(":") or stripped.lower() == word):
            in_args, entry_indent, current = word in _ARG_SECTIONS, None, None
            continue
        if not in_args or not stripped or set(stripped) <= {"-"}:
            continue
        if entry_indent is None:
            entry_indent = indent
        if indent < entry_indent:
            in_args = False
            continue
        match = _ENTRY.match(stripped) if indent == entry_indent else None
        if match:
            current = match.group("name")
            # NumPy style (``name : type``) has the type after the colon; the text follows on the next lines.
            args[current] = "" if match.group("space") else match.group("text").strip()
        elif current is not None:
            args[current] = (args[current] + " " + stripped).strip()
    return summary, {k: v for k, v in args.items() if v}


_ARG_SECTIONS = {"args", "arguments", "parameters", "params"}
_SECTIONS = _ARG_SECTIONS | {"returns", "return", "yields", "raises", "examples", "example", "notes", "note",
                             "see also", "attributes", "outputs"}
_ENTRY = re.compile(r"^\*{0,2}(?P<name>\w+)(?:\s*\([^)]*\))?(?P<space>\s+)?:(?P<text>.*)$")


def _output_port(name: str | None, annotation: Any, fallback: str | None):
    from .interface import Port

    base, meta = _unwrap_annotated(annotation)
    description = None
    for item in meta:
        if isinstance(item, loki_types.Output):
            name, description = item.name, item.description
        elif isinstance(item, str):
            description = str(item)
    comfy_type, _ = _type_of(base, _NO_DEFAULT)
    comfy_type = comfy_type or "*"
    return Port(name or fallback or _OUTPUT_NAMES.get(comfy_type, comfy_type.lower()), comfy_type, description)


def _dedupe(ports: list) -> list:
    from dataclasses import replace

    seen: dict[str, int] = {}
    result = []
    for port in ports:
        count = seen.get(port.name, 0) + 1
        seen[port.name] = count
        result.append(port if count == 1 else replace(port, name=f"{port.name}_{count}"))
    return result


def _type_of(base: Any, default: Any) -> tuple[str, tuple | None]:
    """The ComfyUI type of an (unwrapped) annotation, and the options of a Literal."""
    if base is inspect.Parameter.empty or base is None or base is Any:
        if default is _NO_DEFAULT or default is None:
            return "*", None
        return _SIMPLE.get(type(default), "*"), None
    if typing.get_origin(base) is typing.Literal:
        return "COMBO", tuple(typing.get_args(base))
    if isinstance(base, type):
        if issubclass(base, loki_types.PortType):
            return base.comfy_type, None
        for simple, comfy_type in _SIMPLE.items():
            if base is simple:
                return comfy_type, None
        return "*", None
    if isinstance(base, str):
        key = base.strip().split(".")[-1].split("[")[0]
        return _BY_NAME.get(key, "*"), None
    return "*", None


def _unwrap_annotated(annotation: Any) -> tuple[Any, tuple]:
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        return args[0], tuple(args[1:])
    return annotation, ()


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or (origin is not None and getattr(origin, "__name__", "") == "UnionType"):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) < len(typing.get_args(annotation)):
            return (args[0] if len(args) == 1 else Any), True
    return annotation, False


def _type_hints(fn) -> dict[str, Any]:
    """Resolved annotations (string annotations included); unresolvable ones are kept as strings."""
    try:
        return typing.get_type_hints(fn, include_extras=True)
    except Exception:  # noqa: BLE001 - a forward reference we cannot resolve: fall back to one by one
        pass
    namespace = dict(vars(typing))
    namespace.update(vars(loki_types))
    namespace.update(getattr(fn, "__globals__", {}))
    hints = {}
    for key, value in getattr(fn, "__annotations__", {}).items():
        if isinstance(value, str):
            try:
                value = eval(value, namespace)  # noqa: S307 - the function's own annotation text
            except Exception:  # noqa: BLE001
                pass
        hints[key] = value
    return hints
