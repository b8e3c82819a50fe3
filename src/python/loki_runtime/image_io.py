"""Image and mask files ⇄ numpy arrays, with ComfyUI's semantics.

Reading follows ComfyUI's ``LoadImage``: EXIF orientation applied, every frame of a multi-frame file becomes one
batch entry (frames of another size are skipped), IMAGE is RGB (``[B,H,W,3]`` float32 0..1) and the alpha channel
becomes a MASK equal to ``1 - alpha`` (a palette image's transparency too). Where LOKI differs, on purpose:

* 16-bit PNGs keep their precision (value / 65535). ComfyUI divides 16-bit grey by 255 and clips, and Pillow
  drops colour PNGs to 8 bits; :mod:`loki_runtime.png16` reads them instead.
* An image without alpha gets an all-zero mask of the image's size (ComfyUI gives a 64×64 one).

Mask files (:func:`read_mask`): a greyscale file gives its values, a file with alpha gives ``1 - alpha`` (as
``LoadImage``), an RGB file gives its red channel (as ``ImageToMask``, and what ``MaskToImage`` writes).

Without Pillow (a bare machine with numpy and torch only) 8- and 16-bit non-interlaced PNGs are still read and
written, by :mod:`loki_runtime.png16`; other formats need Pillow.

Writing: PNG, 8-bit by default (values clipped to 0..1 and rounded, so a file → array → file round trip is
lossless) or 16-bit; RGB for 3 channels, RGBA for 4, greyscale for masks. ``as_comfyui=True`` writes what ComfyUI's
``SaveImage``/``PreviewImage`` write instead (8-bit ``clip(255 * x)`` truncated, masks as RGB as ``MaskPreview``):
flows use it for the outputs a ComfyUI saver node defines (docs/script-contract.md). A batch of B > 1 is written as ``<stem>_<i>.png``
(i from 0), a single image as ``<stem>.png``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Sequence

from . import png16
from .arrays import image_array, mask_array, pil_to_array

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff")


def read_image(path: str | os.PathLike):
    """``(image [F,H,W,3], mask [F,H,W])`` from one file (F frames), as ComfyUI's LoadImage."""
    import numpy as np

    path = os.fspath(path)
    if _own_png(path):
        return _split_alpha(_png_floats(path))
    from PIL import Image, ImageOps, ImageSequence

    images, masks = [], []
    with Image.open(path) as img:
        for frame in ImageSequence.Iterator(img):
            frame = ImageOps.exif_transpose(frame)
            pixels = _frame_rgba(frame)
            image, mask = _split_alpha(pixels)
            if images and image.shape[1:3] != images[0].shape[1:3]:
                continue  # as LoadImage: frames of another size are dropped
            images.append(image)
            masks.append(mask)
            if img.format == "MPO":
                break  # as LoadImage: MPO's extra frames are not a batch
    return np.concatenate(images), np.concatenate(masks)


def read_images(paths: Sequence[str | os.PathLike]):
    """One batch from several files (each may hold frames); every image must have the same size."""
    import numpy as np

    images, masks = [], []
    for path in paths:
        image, mask = read_image(path)
        if images and image.shape[1:3] != images[0].shape[1:3]:
            h0, w0 = images[0].shape[1:3]
            raise ValueError(f"{os.fspath(path)} is {image.shape[2]}x{image.shape[1]} but {os.fspath(paths[0])} is "
                             f"{w0}x{h0}: a batch needs one size")
        images.append(image)
        masks.append(mask)
    return np.concatenate(images), np.concatenate(masks)


def read_mask(path: str | os.PathLike):
    """``[F,H,W]`` float32 from a mask file (grey value, ``1 - alpha``, or red; see the module doc)."""
    import numpy as np

    path = os.fspath(path)
    if _own_png(path):
        return _mask_from_pixels(_png_floats(path))[None]
    from PIL import Image, ImageOps, ImageSequence

    masks = []
    with Image.open(path) as img:
        for frame in ImageSequence.Iterator(img):
            frame = ImageOps.exif_transpose(frame)
            mask = _mask_from_pixels(_frame_rgba(frame) if frame.mode in ("P", "PA", "LA", "RGBA", "La", "RGBa")
                                     else pil_to_array(frame))
            if masks and mask.shape != masks[0].shape:
                continue
            masks.append(mask[None])
    return np.concatenate(masks)


def read_masks(paths: Sequence[str | os.PathLike]):
    """One mask batch from several files of one size."""
    import numpy as np

    masks = [read_mask(p) for p in paths]
    for path, mask in zip(paths, masks):
        if mask.shape[1:] != masks[0].shape[1:]:
            raise ValueError(f"{os.fspath(path)} differs in size from {os.fspath(paths[0])}: a batch needs one size")
    return np.concatenate(masks)


def write_image(image, path: str | os.PathLike, bits: int = 8, as_comfyui: bool = False, metadata=None) -> str:
    """Writes one image (``[H,W,C]`` or ``[1,H,W,C]``) as PNG; returns the path. ``as_comfyui``: SaveImage's pixels."""
    import numpy as np

    a = image_array(image)
    if a.shape[0] != 1:
        raise ValueError(f"write_image takes one image, got a batch of {a.shape[0]} (use write_image_batch)")
    return _write_pixels(np.clip(a[0], 0.0, 1.0), path, bits, as_comfyui, metadata)


def write_mask(mask, path: str | os.PathLike, bits: int = 8, as_comfyui: bool = False, metadata=None) -> str:
    """Writes one mask (``[H,W]`` or ``[1,H,W]``) as a greyscale PNG; returns the path. ``as_comfyui``: what
    ``MaskPreview`` writes (the mask spread to RGB, truncated to 8 bits)."""
    import numpy as np

    a = mask_array(mask)
    if a.shape[0] != 1:
        raise ValueError(f"write_mask takes one mask, got a batch of {a.shape[0]} (use write_mask_batch)")
    pixels = np.clip(a[0], 0.0, 1.0)[:, :, None]
    return _write_pixels(np.repeat(pixels, 3, axis=2) if as_comfyui else pixels, path, bits, as_comfyui, metadata)


def write_image_batch(images, folder: str | os.PathLike, stem: str, bits: int = 8,
                      as_comfyui: bool = False, metadata=None) -> list[str]:
    """Writes ``[B,H,W,C]`` as ``<stem>.png`` (B = 1) or ``<stem>_0.png`` ... ; returns the paths in batch order."""
    a = image_array(images)
    return [write_image(a[i:i + 1], p, bits, as_comfyui, metadata)
            for i, p in enumerate(batch_paths(folder, stem, a.shape[0], ".png"))]


def write_mask_batch(masks, folder: str | os.PathLike, stem: str, bits: int = 8,
                     as_comfyui: bool = False, metadata=None) -> list[str]:
    """Writes ``[B,H,W]`` as ``<stem>.png`` or ``<stem>_<i>.png``; returns the paths in batch order."""
    a = mask_array(masks)
    return [write_mask(a[i:i + 1], p, bits, as_comfyui, metadata)
            for i, p in enumerate(batch_paths(folder, stem, a.shape[0], ".png"))]


def batch_paths(folder: str | os.PathLike, stem: str, count: int, suffix: str) -> list[str]:
    """The file names of a batch: ``<stem><suffix>`` for one item, else ``<stem>_<i><suffix>`` from 0."""
    folder = Path(folder)
    if count == 1:
        return [str(folder / f"{stem}{suffix}")]
    return [str(folder / f"{stem}_{i}{suffix}") for i in range(count)]


def expand_paths(values: Iterable[str | os.PathLike], suffixes: Sequence[str] = IMAGE_SUFFIXES) -> list[str]:
    """Files from paths and folders: a folder stands for its files with ``suffixes``, in natural order."""
    result = []
    for value in values:
        path = Path(value)
        if path.is_dir():
            found = [p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes]
            result.extend(str(p) for p in sorted(found, key=lambda p: natural_key(p.name)))
        else:
            result.append(os.fspath(value))
    return result


def natural_key(name: str) -> list:
    """Sort key putting ``image_2`` before ``image_10``."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def _has_pillow() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


def _own_png(path: str) -> bool:
    """PNGs decoded by :mod:`png16`: every 16-bit one, and 8-bit ones when Pillow is not installed."""
    if not path.lower().endswith(".png"):
        return False
    return png16.is_readable(path) or (not _has_pillow() and png16.is_readable(path, (8,)))


def _png_floats(path: str):
    import numpy as np

    pixels = png16.read(path)
    return pixels.astype(np.float32) / (255.0 if pixels.dtype == np.uint8 else 65535.0)


def _frame_rgba(frame):
    """``[H,W,C]`` float32 of one PIL frame: C = 3, or 4 when it has alpha (palette transparency included)."""
    if frame.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F", "L", "1"):
        grey = pil_to_array(frame)
        import numpy as np

        return np.repeat(np.clip(grey, 0.0, 1.0)[:, :, None], 3, axis=2)
    if "A" in frame.getbands() or (frame.mode == "P" and "transparency" in frame.info):
        return pil_to_array(frame.convert("RGBA"))
    return pil_to_array(frame.convert("RGB"))


def _split_alpha(pixels):
    """``[H,W,C]`` (C = 1..4) → ``([1,H,W,3], [1,H,W])`` with mask = 1 - alpha (zeros without alpha)."""
    import numpy as np

    channels = pixels.shape[2]
    colour = pixels[:, :, :1] if channels in (1, 2) else pixels[:, :, :3]
    if colour.shape[2] == 1:
        colour = np.repeat(colour, 3, axis=2)
    if channels in (2, 4):
        mask = 1.0 - pixels[:, :, -1]
    else:
        mask = np.zeros(pixels.shape[:2], dtype=np.float32)
    return np.ascontiguousarray(colour, dtype=np.float32)[None], mask.astype(np.float32)[None]


def _mask_from_pixels(pixels):
    """``[H,W]`` from ``[H,W]`` grey or ``[H,W,C]``: 1 - alpha when C is 2 or 4, else the first channel."""
    if pixels.ndim == 2:
        return pixels.astype("float32")
    if pixels.shape[2] in (2, 4):
        return (1.0 - pixels[:, :, -1]).astype("float32")
    return pixels[:, :, 0].astype("float32")


def _write_pixels(pixels, path: str | os.PathLike, bits: int, as_comfyui: bool = False, metadata=None) -> str:
    """Writes ``[H,W,C]`` float 0..1 (C = 1, 3, 4) as a PNG of 8 or 16 bits per channel. 8-bit values are rounded,
    or truncated as ComfyUI's SaveImage does (``np.clip(255. * i, 0, 255).astype(np.uint8)``) with ``as_comfyui``.
    ``metadata``: ``(tEXt chunks, compress level)`` written as SaveImage writes them (Pillow's PngInfo)."""
    import numpy as np

    if bits not in (8, 16):
        raise ValueError(f"PNG bit depth must be 8 or 16, not {bits}")
    path = os.fspath(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    channels = pixels.shape[2]
    if bits == 16:
        values = np.rint(pixels * 65535.0).astype(np.uint16)
    elif as_comfyui:
        values = (np.asarray(pixels, dtype=np.float32) * 255.0).astype(np.uint8)  # already clipped to 0..1
    else:
        values = np.rint(pixels * 255.0).astype(np.uint8)
    if not _has_pillow() or (bits == 16 and channels > 1):
        if metadata:
            raise ValueError("PNG metadata needs Pillow and 8 bits (or grey) per channel: drop --png-bits 16")
        png16.write(path, values)  # Pillow writes 16 bits only for grey
        return path
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    mode = {(1, 8): "L", (3, 8): "RGB", (4, 8): "RGBA", (1, 16): "I;16"}[channels, bits]
    info, level = None, 4
    if metadata:
        texts, level = metadata
        info = PngInfo()
        for key, text in texts.items():
            info.add_text(key, text)
    Image.fromarray(values[:, :, 0] if channels == 1 else values, mode=mode).save(path, format="PNG", pnginfo=info,
                                                                                  compress_level=level)
    return path
