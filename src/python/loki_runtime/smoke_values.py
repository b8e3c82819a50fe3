"""Values for the smoke runner: example inputs in ComfyUI's form, outputs in comparable form, and comparisons.

Images and masks are compared as float arrays within a tolerance (a script's outputs went through 8-bit PNG
files, rounded, so they can differ from the node's tensors by half a step); numbers, text and booleans must be
equal. When Pillow is missing (a bare GPU machine with only torch and numpy), PNG inputs are decoded here.
"""
from __future__ import annotations

import math
import os
import struct
import zlib
from typing import Any

#: Largest difference allowed between a script's PNG output and the node's tensor (8-bit rounding plus slack).
FILE_TOLERANCE = 1.0 / 255.0 + 1e-6
#: Largest difference allowed between the CPU and the CUDA run of one node.
DEVICE_TOLERANCE = 1e-3
#: 16-bit WAV quantisation.
AUDIO_TOLERANCE = 2.0 / 32768.0


def absolute_inputs(port, value: Any, folder: str) -> Any:
    """File inputs of an example are relative to the node folder."""
    if not port.is_file:
        return value
    if isinstance(value, (list, tuple)):
        return [os.path.join(folder, v) for v in value]
    return os.path.join(folder, value)


def load_file_input(port, value: Any):
    """A file input as numpy (IMAGE [B,H,W,C], MASK [B,H,W], AUDIO dict), through the runtime's readers."""
    from . import files

    try:
        return files.load_input(port, value)
    except ModuleNotFoundError as missing:
        if missing.name != "PIL" or port.type not in ("IMAGE", "MASK"):
            raise
        return _decode_png_fallback(port, value)


def to_node_value(port, value: Any, device: Any = None) -> Any:
    """A runtime value as ComfyUI passes it to a node: tensors for IMAGE/MASK/AUDIO on ``device``."""
    from . import arrays

    if port is None or not port.is_file or value is None:
        return value
    if port.type == "AUDIO":
        return {**value, "waveform": arrays.to_torch(value["waveform"], device)}
    return arrays.to_torch(value, device)


def comparable(port, value: Any) -> Any:
    """numpy for tensors and arrays (on the CPU), the value itself otherwise."""
    from . import arrays

    if port is not None and port.type == "AUDIO" and isinstance(value, dict):
        return {"waveform": arrays.to_numpy(value["waveform"]), "sample_rate": value.get("sample_rate")}
    if arrays.is_torch_tensor(value) or type(value).__module__ == "numpy":
        return arrays.to_numpy(value)
    return value


def compare(port_type: str, left: Any, right: Any, tolerance: float) -> str | None:
    """None when equal (within ``tolerance`` for arrays), else a short reason."""
    if port_type == "AUDIO":
        if left.get("sample_rate") != right.get("sample_rate"):
            return f"sample rate {left.get('sample_rate')} != {right.get('sample_rate')}"
        return compare("ARRAY", left["waveform"], right["waveform"], max(tolerance, AUDIO_TOLERANCE))
    if hasattr(left, "shape") and hasattr(right, "shape"):
        a, b = left, right
        if port_type == "IMAGE" and a.ndim == b.ndim == 4 and a.shape[-1] != b.shape[-1]:
            channels = min(a.shape[-1], b.shape[-1])  # RGBA written to PNG reads back as RGB (alpha → mask)
            a, b = a[..., :channels], b[..., :channels]
        if tuple(a.shape) != tuple(b.shape):
            return f"shape {tuple(left.shape)} != {tuple(right.shape)}"
        if a.size == 0:
            return None
        diff = float(abs(a.astype("float64") - b.astype("float64")).max())
        return None if diff <= tolerance else f"max difference {diff:.6f} > {tolerance:.6f}"
    if isinstance(left, float) or isinstance(right, float):
        try:
            same = math.isclose(float(left), float(right), rel_tol=1e-6, abs_tol=1e-9)
        except (TypeError, ValueError):
            same = False
        return None if same else f"{left!r} != {right!r}"
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)) and len(left) == len(right):
        for a, b in zip(left, right):
            reason = compare(port_type, a, b, tolerance)
            if reason:
                return reason
        return None
    return None if left == right else f"{left!r} != {right!r}"


def check_expect(expect: dict, outputs: dict) -> str | None:
    """An example's ``expect``: ``{"shape": [...]}`` for arrays, else the exact value."""
    for name, wanted in (expect or {}).items():
        if name not in outputs:
            return f"expected output {name!r} is missing"
        got = outputs[name]
        if isinstance(wanted, dict) and "shape" in wanted:
            shape = list(getattr(got, "shape", ()))
            if shape != list(wanted["shape"]):
                return f"{name}: shape {shape} != expected {wanted['shape']}"
        elif isinstance(wanted, dict) and "approx" in wanted:
            if not math.isclose(float(got), float(wanted["approx"]), rel_tol=1e-4, abs_tol=1e-6):
                return f"{name}: {got!r} != expected ≈{wanted['approx']!r}"
        else:
            reason = compare("", got.tolist() if hasattr(got, "tolist") else got, wanted, 0)
            if reason:
                return f"{name}: {reason} (expected)"
    return None


def _decode_png_fallback(port, value: Any):
    import numpy as np

    paths = value if isinstance(value, (list, tuple)) else [value]
    frames = [_read_png(os.fspath(p)) for p in paths]
    batch = np.stack(frames).astype("float32") / 255.0
    if port.type == "MASK":
        return batch[..., 0] if batch.shape[-1] < 4 else 1.0 - batch[..., 3]
    return batch[..., :3] if batch.shape[-1] >= 3 else np.repeat(batch[..., :1], 3, axis=-1)


def _read_png(path: str):
    """Decodes an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB, RGBA) without Pillow."""
    import numpy as np

    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"{path}: only 8-bit non-interlaced grey/RGB(A) PNGs decode without Pillow")
    raw, stride = zlib.decompress(idat), width * channels
    out = np.zeros((height, stride), dtype=np.int32)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        row = np.zeros(stride, dtype=np.int32)
        for x in range(stride):
            left = row[x - channels] if x >= channels else 0
            up, corner = prev[x], prev[x - channels] if x >= channels else 0
            predictor = (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]
            row[x] = (line[x] + predictor) & 0xFF
        out[y], prev = row, row
    return out.reshape(height, width, channels)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)
