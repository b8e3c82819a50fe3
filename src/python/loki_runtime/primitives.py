"""The few plain ComfyUI nodes the LOKI executor provides itself, with ComfyUI's class names and sockets.

`PrimitiveInt/Float/String/StringMultiline/Boolean` match `comfy_extras/nodes_primitive.py`; `LoadImage` matches
`nodes.py` (IMAGE `[B,H,W,C]` float32 and MASK `1 - alpha`, a 64x64 zero mask without alpha) and also accepts
what a flow script holds instead of a file name: a path, a numpy array or a torch tensor.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

_INT_LIMIT = sys.maxsize


class PrimitiveInt:
    CATEGORY = "utils/primitive"
    FUNCTION = "execute"
    RETURN_TYPES = ("INT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {"min": -_INT_LIMIT, "max": _INT_LIMIT, "control_after_generate": True})}}

    def execute(self, value):
        return (value,)


class PrimitiveFloat:
    CATEGORY = "utils/primitive"
    FUNCTION = "execute"
    RETURN_TYPES = ("FLOAT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("FLOAT", {"min": -_INT_LIMIT, "max": _INT_LIMIT})}}

    def execute(self, value):
        return (value,)


class PrimitiveString:
    CATEGORY = "utils/primitive"
    FUNCTION = "execute"
    RETURN_TYPES = ("STRING",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("STRING", {"multiline": False})}}

    def execute(self, value):
        return (value,)


class PrimitiveStringMultiline(PrimitiveString):
    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("STRING", {"multiline": True})}}


class PrimitiveBoolean:
    CATEGORY = "utils/primitive"
    FUNCTION = "execute"
    RETURN_TYPES = ("BOOLEAN",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("BOOLEAN", {})}}

    def execute(self, value):
        return (value,)


def to_image_tensor(value: Any):
    """A path, PIL image, numpy array (`[H,W,C]`/`[B,H,W,C]`, float 0..1 or uint8) or tensor → IMAGE, MASK."""
    import numpy as np
    import torch

    if isinstance(value, (str, Path)):
        return _load_file(Path(value))
    if isinstance(value, torch.Tensor):
        array = value.detach().cpu().float().numpy()
    else:
        array = np.asarray(value)
        if array.dtype == np.uint8:
            array = array.astype(np.float32) / 255.0
        array = array.astype(np.float32)
    if array.ndim == 2:
        array = array[:, :, None].repeat(3, axis=2)
    if array.ndim == 3:
        array = array[None]
    if array.ndim != 4:
        raise ValueError(f"an image must be [B,H,W,C]; got shape {list(array.shape)}")
    if array.shape[-1] == 4:
        mask = 1.0 - array[..., 3]
        array = array[..., :3]
    else:
        mask = np.zeros((array.shape[0], 64, 64), dtype=np.float32)
    return torch.from_numpy(np.ascontiguousarray(array)), torch.from_numpy(np.ascontiguousarray(mask))


def _load_file(path: Path):
    import numpy as np
    import torch
    from PIL import Image, ImageOps, ImageSequence

    if not path.is_file():
        raise FileNotFoundError(f"image file not found: {path}")
    images, masks = [], []
    with Image.open(path) as img:
        for frame in ImageSequence.Iterator(img):
            frame = ImageOps.exif_transpose(frame)
            if frame.mode == "I":
                frame = frame.point(lambda i: i * (1 / 255))
            rgb = np.array(frame.convert("RGB")).astype(np.float32) / 255.0
            if images and rgb.shape != images[0].shape:
                break
            images.append(rgb)
            if "A" in frame.getbands():
                masks.append(1.0 - np.array(frame.getchannel("A")).astype(np.float32) / 255.0)
            else:
                masks.append(np.zeros((64, 64), dtype=np.float32))
    return torch.from_numpy(np.stack(images)), torch.from_numpy(np.stack(masks))


class LoadImage:
    CATEGORY = "image"
    FUNCTION = "load_image"
    RETURN_TYPES = ("IMAGE", "MASK")

    @classmethod
    def INPUT_TYPES(cls):
        # The loki executor checks no file list: the value is a path or an in-memory image.
        return {"required": {"image": ("STRING", {"image_upload": True})}}

    @classmethod
    def VALIDATE_INPUTS(cls, image):
        return True

    def load_image(self, image):
        return to_image_tensor(image)


NODE_CLASS_MAPPINGS = {
    "PrimitiveInt": PrimitiveInt,
    "PrimitiveFloat": PrimitiveFloat,
    "PrimitiveString": PrimitiveString,
    "PrimitiveStringMultiline": PrimitiveStringMultiline,
    "PrimitiveBoolean": PrimitiveBoolean,
    "LoadImage": LoadImage,
}
