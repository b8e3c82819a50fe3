"""Port-aware adaptation between files, in-memory values and outputs written to a folder.

:func:`load_input` turns whatever a caller gives for a file-typed input (a path, several paths, a folder, a numpy
array, a torch tensor, a PIL image, an audio dict) into the runtime's numpy form. :func:`normalize_output` puts a
function's result in that same form, and :func:`save_output` writes it where the script CLI puts its outputs.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .errors import InputError
from .interface import AUDIO, IMAGE, MASK, Port

WAV_SUFFIXES = (".wav", ".wave")


def load_input(port: Port, value: Any) -> Any:
    """The value of an input as the function receives it (numpy for IMAGE, MASK, AUDIO; widgets coerced)."""
    if not port.is_file:
        return port.coerce(value) if port.is_widget else value
    if _is_pathlike(value) or (isinstance(value, (list, tuple)) and value and all(_is_pathlike(v) for v in value)):
        return _load_files(port, [value] if _is_pathlike(value) else list(value))
    from . import arrays

    if _is_pil(value):
        value = arrays.pil_to_array(value.convert("RGBA") if "A" in value.getbands() else value)
    if port.type == IMAGE:
        return arrays.image_array(value, port.name)
    if port.type == MASK:
        return arrays.mask_array(value, port.name)
    return arrays.audio_dict(value, port.name)


def normalize_output(port: Port, value: Any) -> Any:
    """An output in the runtime's form: numpy arrays for IMAGE/MASK/AUDIO (torch accepted), widgets coerced."""
    if value is None:
        return None
    if port.is_file:
        return load_input(port, value)
    return port.coerce(value) if port.is_widget else value


def save_output(port: Port, value: Any, folder: str | os.PathLike, bits: int = 8, as_comfyui: bool = False,
                metadata: tuple[dict[str, str], int] | None = None) -> Any:
    """Writes one output under ``folder``; returns what ``--json`` shows: a path, a list of paths, or the value.
    ``as_comfyui``: an IMAGE/MASK a ComfyUI saver node defines is written with that node's pixels (image_io);
    ``metadata``: the saver's (tEXt chunks, compress level) for those PNGs (png_metadata)."""
    from . import audio_io, image_io

    if value is None:
        return None
    if port.type == IMAGE:
        return _one_or_many(image_io.write_image_batch(value, folder, port.name, bits, as_comfyui, metadata))
    if port.type == MASK:
        return _one_or_many(image_io.write_mask_batch(value, folder, port.name, bits, as_comfyui, metadata))
    if port.type == AUDIO:
        return _one_or_many(audio_io.write_wav_batch(value, folder, port.name))
    if port.type == "STRING":
        Path(folder).mkdir(parents=True, exist_ok=True)
        # surrogateescape: text that came from undecodable command-line bytes goes back out as those bytes.
        (Path(folder) / f"{port.name}.txt").write_text(str(value), encoding="utf-8", errors="surrogateescape")
        return str(value)
    if port.is_widget:
        return to_json_value(value)
    return _save_opaque(port.name, value, Path(folder))


def parse_opaque(text: str) -> Any:
    """A command-line value for an opaque input: a ``.json``/``.npy``/``.pt`` file, else JSON, else the text."""
    path = Path(text)
    suffix = path.suffix.lower()
    if suffix in (".json", ".npy", ".pt", ".pth") and path.is_file():
        if suffix == ".json":
            return json.loads(path.read_text(encoding="utf-8"))
        if suffix == ".npy":
            import numpy as np

            return np.load(path, allow_pickle=False)
        import torch

        return torch.load(path, map_location="cpu")
    try:
        return json.loads(text)
    except ValueError:
        return text


def guess_type(value: Any) -> str:
    """The port type of a value returned without a declared output (arrays by rank, scalars by kind)."""
    if isinstance(value, bool):
        return "BOOLEAN"
    if isinstance(value, int):
        return "INT"
    if isinstance(value, float):
        return "FLOAT"
    if isinstance(value, str):
        return "STRING"
    if isinstance(value, dict) and "waveform" in value and "sample_rate" in value:
        return AUDIO
    shape = getattr(value, "shape", None)
    if shape is not None and len(shape) == 4 and shape[-1] in (3, 4):
        return IMAGE
    if shape is not None and len(shape) == 3:
        return MASK
    return "*"


def to_json_value(value: Any) -> Any:
    """numpy/torch scalars as plain JSON values; anything else unchanged."""
    if hasattr(value, "item") and getattr(value, "ndim", 0) == 0 and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def _load_files(port: Port, values: list) -> Any:
    from . import audio_io, image_io

    suffixes = WAV_SUFFIXES if port.type == AUDIO else image_io.IMAGE_SUFFIXES
    paths = image_io.expand_paths(values, suffixes)
    if not paths:
        raise InputError(port.name, f"no {'.wav' if port.type == AUDIO else 'image'} files in {', '.join(map(str, values))}")
    for path in paths:
        if not os.path.isfile(path):
            raise InputError(port.name, f"file not found: {path}")
    try:
        if port.type == IMAGE:
            return image_io.read_images(paths)[0]
        if port.type == MASK:
            return image_io.read_masks(paths)
        return audio_io.read_wavs(paths)
    except InputError:
        raise
    except Exception as ex:  # noqa: BLE001 - any decoder failure is an unreadable input
        raise InputError(port.name, f"cannot read {', '.join(paths)}: {ex}") from None


def _save_opaque(name: str, value: Any, folder: Path) -> Any:
    if type(value).__module__ == "numpy" and getattr(value, "ndim", 0) > 0:
        import numpy as np

        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.npy"
        np.save(path, value, allow_pickle=False)
        return str(path)
    plain = to_json_value(value)
    try:
        json.dumps(plain)
        return plain
    except (TypeError, ValueError):
        pass
    import torch  # tensors, latent dicts and other objects: torch's pickle-based format

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.pt"
    torch.save(value, path)
    return str(path)


def _one_or_many(paths: list[str]) -> Any:
    return paths[0] if len(paths) == 1 else paths


def _is_pathlike(value: Any) -> bool:
    return isinstance(value, (str, os.PathLike))


def _is_pil(value: Any) -> bool:
    return type(value).__module__.startswith("PIL") and hasattr(value, "getbands")
