"""LOKI Node image_levels: the ComfyUI face of image_levels.py."""
from __future__ import annotations

from loki_runtime import comfy_adapter

from . import image_levels as _script


def _filename_list(folder):
    import folder_paths  # ComfyUI's model folders, known only inside ComfyUI

    return folder_paths.get_filename_list(folder)


class ImageLevels:
    """Remaps black point, white point and gamma of an image."""

    CATEGORY = "LOKI 🦊/image/adjust"
    DESCRIPTION = "Remaps black point, white point and gamma of an image."
    FUNCTION = "execute"
    RETURN_TYPES = ("IMAGE", "MASK")
    RETURN_NAMES = ("image", "mask")

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "image": ("IMAGE", {"tooltip": "Image batch to adjust."}),
                "black_point": ("FLOAT", {"default": 0.0, "min": 0.0, "max": 1.0, "step": 0.01}),
                "steps": ("INT", {"default": 4, "min": 1, "max": 64, "step": 1, "display": "slider"}),
                "mode": (["rgb", "luminance"], {"default": "rgb"}),
                "ckpt_name": (_filename_list("checkpoints"), {}),
            },
            "optional": {
                "caption": ("STRING", {"default": "", "multiline": True, "tooltip": "Text \"shown\"\nbelow."}),
            },
        }

    def execute(self, **inputs):
        return comfy_adapter.call(_script.run, inputs)
