"""WAV files ⇄ ComfyUI's AUDIO value ``{"waveform": float32 [B,C,T] in -1..1, "sample_rate": int}``.

Reads PCM 8/16/24/32-bit and IEEE float 32/64-bit WAV (plain or WAVE_FORMAT_EXTENSIBLE), parsing the RIFF chunks
with ``struct`` because the stdlib ``wave`` module reads neither float nor extensible files before Python 3.12.
Writes 16-bit PCM with ``wave``. A batch of B > 1 is written as ``<stem>_<i>.wav``.
"""
from __future__ import annotations

import os
import struct
import wave

from .arrays import audio_dict
from .image_io import batch_paths

_PCM, _FLOAT, _EXTENSIBLE = 1, 3, 0xFFFE


def read_wav(path: str | os.PathLike) -> dict:
    """``{"waveform": [1,C,T] float32, "sample_rate": int}`` from a WAV file."""
    import numpy as np

    path = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError(f"{path}: not a RIFF/WAVE file")
    fmt = None
    samples = None
    pos = 12
    while pos + 8 <= len(data):
        kind, size = struct.unpack("<4sI", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b"fmt ":
            fmt = body
        elif kind == b"data":
            samples = body
        pos += 8 + size + (size & 1)
    if fmt is None or samples is None:
        raise ValueError(f"{path}: WAV without a fmt or data chunk")
    tag, channels, rate, _, align, bits = struct.unpack("<HHIIHH", fmt[:16])
    if tag == _EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack("<H", fmt[24:26])[0]
    width = bits // 8
    frames = len(samples) // (width * channels)
    raw = samples[:frames * width * channels]
    if tag == _FLOAT and bits in (32, 64):
        values = np.frombuffer(raw, dtype="<f4" if bits == 32 else "<f8").astype(np.float32)
    elif tag == _PCM and bits == 8:
        values = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif tag == _PCM and bits == 16:
        values = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif tag == _PCM and bits == 24:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        ints = np.where(ints >= 1 << 23, ints - (1 << 24), ints)
        values = ints.astype(np.float32) / float(1 << 23)
    elif tag == _PCM and bits == 32:
        values = (np.frombuffer(raw, dtype="<i4").astype(np.float64) / float(1 << 31)).astype(np.float32)
    else:
        raise ValueError(f"{path}: unsupported WAV encoding (format {tag}, {bits} bits)")
    waveform = values.reshape(frames, channels).T[None]
    return {"waveform": np.ascontiguousarray(waveform), "sample_rate": int(rate)}


def read_wavs(paths) -> dict:
    """One batch from several WAV files of one sample rate, channel count and length."""
    import numpy as np

    items = [read_wav(p) for p in paths]
    first = items[0]
    for path, item in zip(paths, items):
        if item["sample_rate"] != first["sample_rate"] or item["waveform"].shape[1:] != first["waveform"].shape[1:]:
            raise ValueError(f"{os.fspath(path)} differs from {os.fspath(paths[0])} in sample rate, channels or "
                             "length: a batch needs them equal")
    return {"waveform": np.concatenate([i["waveform"] for i in items]), "sample_rate": first["sample_rate"]}


def write_wav(audio: dict, path: str | os.PathLike) -> str:
    """Writes one clip (``[C,T]`` or ``[1,C,T]`` waveform) as 16-bit PCM WAV; returns the path."""
    import numpy as np

    value = audio_dict(audio)
    waveform = value["waveform"]
    if waveform.shape[0] != 1:
        raise ValueError(f"write_wav takes one clip, got a batch of {waveform.shape[0]} (use write_wav_batch)")
    # Scaled by 32768 like the reader, so a round trip is exact to half a step (+1.0 clips to 32767).
    pcm = np.clip(np.rint(waveform[0].T.astype(np.float64) * 32768.0), -32768, 32767).astype("<i2")
    path = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with wave.open(path, "wb") as w:
        w.setnchannels(waveform.shape[1])
        w.setsampwidth(2)
        w.setframerate(value["sample_rate"])
        w.writeframes(pcm.tobytes())
    return path


def write_wav_batch(audio: dict, folder: str | os.PathLike, stem: str) -> list[str]:
    """Writes ``[B,C,T]`` as ``<stem>.wav`` or ``<stem>_<i>.wav``; returns the paths in batch order."""
    value = audio_dict(audio)
    waveform = value["waveform"]
    paths = batch_paths(folder, stem, waveform.shape[0], ".wav")
    return [write_wav({**value, "waveform": waveform[i:i + 1]}, p) for i, p in enumerate(paths)]
