"""A small PNG codec with numpy and zlib: 16-bit colour PNGs, which Pillow reduces to 8 bits (it keeps 16 bits only
for grey), and 8-bit PNGs when Pillow is not installed (a bare machine with only numpy and torch).

Only what LOKI needs: 8- or 16-bit, non-interlaced, colour types 0 (grey), 2 (RGB), 4 (grey+alpha), 6 (RGBA).
Files we write use the "Up" filter for every row (vectorised both ways); files from elsewhere may use any of the
five filters (Sub and Up are vectorised, Average and Paeth are decoded pixel by pixel).
"""
from __future__ import annotations

import os
import struct
import zlib

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def header(path: str | os.PathLike) -> dict | None:
    """The IHDR fields of a PNG file (width, height, bit_depth, color_type, interlace), or None if not a PNG."""
    with open(path, "rb") as f:
        head = f.read(33)
    if len(head) < 33 or not head.startswith(_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", head[16:29])
    return {"width": width, "height": height, "bit_depth": depth, "color_type": color, "interlace": interlace}


def is_readable(path: str | os.PathLike, depths: tuple = (16,)) -> bool:
    """True for a non-interlaced PNG of one of ``depths`` bits per channel that this module decodes."""
    info = header(path)
    return bool(info) and info["bit_depth"] in depths and info["color_type"] in _CHANNELS and info["interlace"] == 0


def read(path: str | os.PathLike):
    """The pixels as uint16 (16-bit files) or uint8 ``[H,W,C]`` (C = 1, 2, 3 or 4, in the file's channel order)."""
    import numpy as np

    info = header(path)
    if not info or not is_readable(path, (8, 16)):
        raise ValueError(f"{os.fspath(path)}: not an 8- or 16-bit non-interlaced grey or RGB(A) PNG")
    with open(path, "rb") as f:
        data = f.read()
    idat = bytearray()
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        elif kind == b"IEND":
            break
        pos += 12 + length
    width, height, channels = info["width"], info["height"], _CHANNELS[info["color_type"]]
    sample = info["bit_depth"] // 8
    bpp = channels * sample
    stride = width * bpp
    raw = np.frombuffer(zlib.decompress(bytes(idat)), dtype=np.uint8)
    if raw.size < height * (stride + 1):
        raise ValueError(f"{os.fspath(path)}: truncated image data")
    rows = raw[:height * (stride + 1)].reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        out[y] = _unfilter(int(rows[y, 0]), rows[y, 1:], previous, bpp)
        previous = out[y]
    if sample == 1:
        return out.reshape(height, width, channels)
    return out.view(">u2").reshape(height, width, channels).astype(np.uint16)


def write(path: str | os.PathLike, pixels) -> None:
    """Writes uint16 (16-bit PNG) or uint8 (8-bit PNG) ``[H,W,C]`` pixels, C = 1, 2, 3 or 4."""
    import numpy as np

    a = np.asarray(pixels)
    if a.ndim == 2:
        a = a[:, :, None]
    height, width, channels = a.shape
    color = {1: 0, 2: 4, 3: 2, 4: 6}[channels]
    depth = 8 if a.dtype == np.uint8 else 16
    samples = a if depth == 8 else a.astype(">u2")
    rows = np.ascontiguousarray(samples).view(np.uint8).reshape(height, width * channels * depth // 8)
    up = rows.copy()
    up[1:] = rows[1:] - rows[:-1]  # uint8 arithmetic wraps modulo 256, as the filter wants
    filtered = np.concatenate([np.full((height, 1), 2, dtype=np.uint8), up], axis=1)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0)
    body = _SIGNATURE + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(filtered.tobytes(), 6)) + _chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(body)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)


def _unfilter(kind: int, line, previous, bpp: int):
    import numpy as np

    if kind == 0:
        return line
    if kind == 1:  # Sub: running sum along each byte lane of a pixel
        lanes = line.reshape(-1, bpp)
        return np.cumsum(lanes, axis=0, dtype=np.uint8).reshape(-1)
    if kind == 2:  # Up
        return line + previous
    out = bytearray(len(line))
    raw = line.tobytes()
    prev = previous.tobytes()
    if kind == 3:  # Average
        for i in range(len(raw)):
            left = out[i - bpp] if i >= bpp else 0
            out[i] = (raw[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:  # Paeth
        for i in range(len(raw)):
            a = out[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            out[i] = (raw[i] + predictor) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter type {kind}")
    return np.frombuffer(bytes(out), dtype=np.uint8)
