"""📸 Photo Finish (LOKI): the composite photo_finish.py as one ComfyUI node that expands into its parts.

Written by hand (not the script node the build would derive) so that in ComfyUI the node runs as its flow: on
execution it expands into the image_levels → image_sharpen → text_overlay nodes its run() calls (captured as
`--backend` runs it, loki_runtime.compose_flow), so each part shows its own progress and is cached on its own.
"""
from pathlib import Path

from loki_runtime import flow_node

FlowClass = flow_node.make_flow_node(Path(__file__).with_name("photo_finish.py"), class_type="LokiPhotoFinish",
                                     display_name="📸 Photo Finish (LOKI)", category="LOKI 🦊/flows")

NODE_CLASS_MAPPINGS = {"LokiPhotoFinish": FlowClass}
NODE_DISPLAY_NAME_MAPPINGS = {"LokiPhotoFinish": "📸 Photo Finish (LOKI)"}
