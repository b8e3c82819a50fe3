"""The interface of a LOKI node: its input and output ports, and validation of input values.

An :class:`Interface` is read from the config layer ``<n>.json`` (:func:`from_config`, same loose shapes as the C#
``NodeConfigReader``) or inferred from a function's signature (:func:`from_function`). Scripts, nodes and flows
are all built from it. This module imports nothing heavy (``--help`` uses it).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import InputError

IMAGE, MASK, AUDIO = "IMAGE", "MASK", "AUDIO"
INT, FLOAT, STRING, BOOLEAN, COMBO, ANY = "INT", "FLOAT", "STRING", "BOOLEAN", "COMBO", "*"
FILE_TYPES = frozenset({IMAGE, MASK, AUDIO})
WIDGET_TYPES = frozenset({INT, FLOAT, STRING, BOOLEAN, COMBO})

_ALIASES = {
    "int": INT, "integer": INT,
    "float": FLOAT, "number": FLOAT, "double": FLOAT,
    "str": STRING, "string": STRING, "text": STRING,
    "bool": BOOLEAN, "boolean": BOOLEAN,
    "combo": COMBO, "enum": COMBO, "choice": COMBO,
    "image": IMAGE, "mask": MASK, "audio": AUDIO,
    "*": ANY, "any": ANY,
}
_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}


def normalize_type(name: str) -> str:
    """Maps a type as found in the wild (``image``, ``int``, ``str``...) to its ComfyUI name (as ``PortTypes.Normalize``)."""
    t = name.strip()
    return _ALIASES.get(t.lower(), t.upper())


@dataclass(frozen=True)
class Port:
    """One input or output. ``default`` is None when there is none (as in the config layer)."""

    name: str
    type: str
    description: str | None = None
    required: bool = True
    default: Any = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    options: tuple | None = None
    multiline: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_file(self) -> bool:
        """IMAGE, MASK and AUDIO: files on a script's command line, arrays in Python, tensors in ComfyUI."""
        return self.type in FILE_TYPES

    @property
    def is_widget(self) -> bool:
        """INT, FLOAT, STRING, BOOLEAN and COMBO: values a ComfyUI widget edits."""
        return self.type in WIDGET_TYPES

    @property
    def is_opaque(self) -> bool:
        """Any other type (LATENT, MODEL, ``*``...): passed through untouched."""
        return not self.is_file and not self.is_widget

    @property
    def has_default(self) -> bool:
        return self.default is not None

    @property
    def flag(self) -> str:
        """The command-line flag: ``--black-point`` for ``black_point``."""
        return "--" + self.name.replace("_", "-")

    def coerce(self, value: Any) -> Any:
        """Checks and converts a widget value (strings from a command line included); other types pass through.

        Raises :class:`InputError` naming the port when the value is unusable or out of range.
        """
        if self.type == INT:
            number = _to_int(self.name, value)
            self._check_range(number)
            return number
        if self.type == FLOAT:
            number = _to_float(self.name, value)
            self._check_range(number)
            return number
        if self.type == BOOLEAN:
            return _to_bool(self.name, value)
        if self.type == STRING:
            if value is None or isinstance(value, (dict, list, tuple, bytes)):
                raise InputError(self.name, f"expected text, got {type(value).__name__}")
            return str(value)
        if self.type == COMBO:
            return self._pick_option(value)
        return value

    def _check_range(self, number: float) -> None:
        if self.min is not None and number < self.min:
            raise InputError(self.name, f"{number!r} is below the minimum {_fmt(self.min)}")
        if self.max is not None and number > self.max:
            raise InputError(self.name, f"{number!r} is above the maximum {_fmt(self.max)}")

    def _pick_option(self, value: Any) -> Any:
        if not self.options:
            return value
        for option in self.options:
            if option == value or str(option) == str(value):
                return option
        shown = ", ".join(repr(o) for o in self.options)
        raise InputError(self.name, f"{value!r} is not one of the options ({shown})")

    def describe(self) -> str:
        """One line for ``--help``: type, default, range or options, description."""
        parts = [self.type if self.type != ANY else "any"]
        if self.type == STRING and self.multiline:
            parts[0] += " (multiline)"
        if self.options:
            parts.append("one of: " + ", ".join(str(o) for o in self.options))
        if self.min is not None or self.max is not None:
            low = _fmt(self.min) if self.min is not None else "-inf"
            high = _fmt(self.max) if self.max is not None else "inf"
            parts.append(f"range {low}..{high}" + (f" step {_fmt(self.step)}" if self.step is not None else ""))
        if self.has_default:
            parts.append(f"default {self.default!r}")
        elif not self.required:
            parts.append("optional")
        else:
            parts.append("required")
        text = "; ".join(parts)
        return f"{self.description} [{text}]" if self.description else f"[{text}]"


@dataclass(frozen=True)
class Interface:
    """A node's ports and metadata. Port order is declaration order (widget order, flag order)."""

    name: str
    inputs: tuple[Port, ...] = ()
    outputs: tuple[Port, ...] = ()
    description: str | None = None
    category: str | None = None
    version: str = "0.1.0"
    device: str = "cpu"
    output_node: bool = False
    comfy: Mapping[str, Any] | None = None
    examples: tuple = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)
    source: str | None = field(default=None, compare=False)

    def input(self, name: str) -> Port:
        """The input called ``name`` (KeyError when there is none)."""
        for port in self.inputs:
            if port.name == name:
                return port
        raise KeyError(name)

    def output(self, name: str) -> Port:
        """The output called ``name`` (KeyError when there is none)."""
        for port in self.outputs:
            if port.name == name:
                return port
        raise KeyError(name)

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.inputs)

    @property
    def output_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.outputs)

    def validate(self, values: Mapping[str, Any], *, fill_defaults: bool = True) -> dict[str, Any]:
        """Checks a set of input values: unknown names, missing required inputs, widget coercion and ranges.

        File and opaque inputs are returned as given (see :mod:`loki_runtime.files` for loading files).
        Defaults are filled in for absent inputs that have one; absent optional inputs without one stay absent.
        """
        known = set(self.input_names)
        for name in values:
            if name not in known:
                raise InputError(name, f"unknown input (inputs: {', '.join(self.input_names) or 'none'})")
        result: dict[str, Any] = {}
        for port in self.inputs:
            if port.name in values and values[port.name] is not None:
                result[port.name] = port.coerce(values[port.name])
            elif port.has_default and fill_defaults:
                result[port.name] = port.coerce(port.default)
            elif port.required and not port.has_default:
                raise InputError(port.name, "is required")
        return result

    def to_dict(self) -> dict[str, Any]:
        """The config-layer form (``<n>.json``), keys in the canonical order of the contracts."""
        data: dict[str, Any] = {"node_name": self.name, "version": self.version}
        if self.description:
            data["description"] = self.description
        if self.category:
            data["category"] = self.category
        data["device"] = self.device
        data["output_node"] = self.output_node
        data["inputs"] = {p.name: _port_dict(p, is_input=True) for p in self.inputs}
        data["outputs"] = {p.name: _port_dict(p, is_input=False) for p in self.outputs}
        if self.comfy:
            data["comfy"] = dict(self.comfy)
        if self.examples:
            data["examples"] = list(self.examples)
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data


def _port_dict(port: Port, *, is_input: bool) -> dict[str, Any]:
    spec: dict[str, Any] = {"type": port.type}
    if port.description:
        spec["description"] = port.description
    if is_input and not port.required:
        spec["required"] = False
    for key in ("default", "min", "max", "step"):
        value = getattr(port, key)
        if value is not None:
            spec[key] = value
    if port.options is not None:
        spec["options"] = list(port.options)
    if port.multiline:
        spec["multiline"] = True
    for key, value in port.extra.items():
        spec.setdefault(key, value)
    return spec


def _fmt(number: float | None) -> str:
    if number is None:
        return "none"
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _to_int(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise InputError(name, f"expected an integer, got {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) or hasattr(value, "__index__") or hasattr(value, "item"):
        value = value.item() if hasattr(value, "item") else value
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            raise InputError(name, f"expected an integer, got {value!r}")
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            return int(text, 0) if text.lower().startswith(("0x", "-0x")) else int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                raise InputError(name, f"expected an integer, got {value!r}") from None
            if number.is_integer():
                return int(number)
            raise InputError(name, f"expected an integer, got {value!r}") from None
    raise InputError(name, f"expected an integer, got {type(value).__name__}")


def _to_float(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise InputError(name, f"expected a number, got {value!r}")
    if hasattr(value, "item") and not isinstance(value, (int, float, str)):
        value = value.item()
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError):
        raise InputError(name, f"expected a number, got {value!r}") from None
    if math.isnan(number):
        raise InputError(name, "expected a number, got NaN")
    return number


def _to_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise InputError(name, f"expected true or false, got {value!r}")


# The readers live in their own modules; re-exported here so that ``interface.from_config`` etc. is the API.
from .config import from_config, from_dict, read_json  # noqa: E402
from .signature import from_function  # noqa: E402

__all__ = [
    "Port", "Interface", "normalize_type", "from_config", "from_dict", "from_function", "read_json",
    "IMAGE", "MASK", "AUDIO", "INT", "FLOAT", "STRING", "BOOLEAN", "COMBO", "ANY", "FILE_TYPES", "WIDGET_TYPES",
]
