"""Annotations that declare LOKI port types on plain Python functions.

Used when a script has no ``<n>.json``: :func:`loki_runtime.interface.from_function` reads them.

    from typing import Annotated, Literal
    from loki_runtime.types import Image, Mask, Range, Multiline

    def run(image: Image, radius: Annotated[int, Range(0, 64)] = 3,
            mode: Literal["fast", "slow"] = "fast", note: Annotated[str, Multiline()] = "") -> Image: ...

This module imports nothing heavy: it is read by ``--help``.
"""
from __future__ import annotations


class PortType:
    """Base of the type markers. ``comfy_type`` is the ComfyUI type name the marker stands for."""

    comfy_type = "*"


class Image(PortType):
    """``IMAGE``: numpy float32 ``[B,H,W,C]`` in 0..1 in a script; PNG files on the command line."""

    comfy_type = "IMAGE"


class Mask(PortType):
    """``MASK``: numpy float32 ``[B,H,W]`` in 0..1; greyscale PNG files on the command line."""

    comfy_type = "MASK"


class Audio(PortType):
    """``AUDIO``: ``{"waveform": float32 [B,C,T], "sample_rate": int}``; WAV files on the command line."""

    comfy_type = "AUDIO"


class Latent(PortType):
    """``LATENT``: ComfyUI's latent dict, passed through untouched."""

    comfy_type = "LATENT"


class Conditioning(PortType):
    """``CONDITIONING``: passed through untouched."""

    comfy_type = "CONDITIONING"


class Model(PortType):
    """``MODEL``: passed through untouched."""

    comfy_type = "MODEL"


class Any(PortType):
    """``*``: ComfyUI's wildcard; any value, passed through untouched."""

    comfy_type = "*"


_OPAQUE_CACHE: dict[str, type] = {}


def Opaque(comfy_type: str) -> type:  # noqa: N802 - reads like a type in annotations
    """A marker for any other ComfyUI type, e.g. ``Opaque("VAE")``. Values are passed through untouched."""
    name = comfy_type.strip().upper()
    if name not in _OPAQUE_CACHE:
        _OPAQUE_CACHE[name] = type(f"Opaque_{name}", (PortType,), {"comfy_type": name})
    return _OPAQUE_CACHE[name]


class Range:
    """``Annotated[int, Range(min, max, step)]``: bounds (inclusive) and widget step of an INT or FLOAT."""

    __slots__ = ("min", "max", "step")

    def __init__(self, min: float | None = None, max: float | None = None, step: float | None = None) -> None:  # noqa: A002
        self.min = min
        self.max = max
        self.step = step

    def __repr__(self) -> str:
        return f"Range({self.min!r}, {self.max!r}, {self.step!r})"


class Multiline:
    """``Annotated[str, Multiline()]``: a multi-line text box in ComfyUI."""

    def __repr__(self) -> str:
        return "Multiline()"


class Description(str):
    """``Annotated[int, Description("...")]``: the port's tooltip and ``--help`` text (a bare string works too)."""


class Output:
    """``Annotated[Image, Output("result")]`` in a return annotation: names an output."""

    __slots__ = ("name", "description")

    def __init__(self, name: str, description: str | None = None) -> None:
        self.name = name
        self.description = description
