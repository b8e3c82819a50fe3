"""Registers the LOKI Node image_levels with ComfyUI."""
from .image_levels_node import ImageLevels

NODE_CLASS_MAPPINGS = {"LokiImageLevels": ImageLevels}
NODE_DISPLAY_NAME_MAPPINGS = {"LokiImageLevels": "🎚️ Image Levels (LOKI)"}

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"]
