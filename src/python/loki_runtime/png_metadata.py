"""The PNG metadata ComfyUI's SaveImage writes, for the files of a flow's saver outputs (``--png-metadata``).

ComfyUI (nodes.py ``SaveImage.save_images``; ``PreviewImage`` and ``MaskPreview`` subclass it) writes one tEXt chunk
``prompt`` = ``json.dumps(prompt)`` — the API prompt it ran — and one chunk per ``extra_pnginfo`` key
(``workflow`` = ``json.dumps(ui_workflow)`` when the frontend queued it), at the saver's compress level.

The prompt is the one ComfyUI would receive for the flow as run: its markers lowered as the comfyui/server backends
lower them (a file input becomes ``LoadImage`` of the file's name, a widget input its value) and the saver nodes the
flow outputs replace put back (their id, title and inputs come from ``g.output(..., saved_by=..., _id=...)``).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .backends.lowering import is_local_file, lower, resolve_link
from .markers import INPUT_MARKER

# nodes.py: SaveImage.compress_level = 4; PreviewImage (and MaskPreview, its subclass) set 1.
COMPRESS_LEVEL = {"SaveImage": 4, "PreviewImage": 1, "MaskPreview": 1}
_SAVER_INPUT = {"SaveImage": "images", "PreviewImage": "images", "MaskPreview": "mask"}
_LOADER_TITLE = {"LoadImage": "Load Image", "LoadImageMask": "Load Image (as Mask)"}  # the frontend's default titles


def prompt_of(graph, input_files: dict[str, str] | None = None) -> dict:
    """The API prompt ComfyUI writes for ``graph``: markers lowered, saver nodes restored. ``input_files``: the file
    each file input was read from (the command line reads them into arrays), loaded by its name as ComfyUI would."""
    original = graph.prompt()
    for node in original.values():
        if node["class_type"] == INPUT_MARKER and str(node["inputs"].get("name")) in (input_files or {}):
            node["inputs"]["value"] = input_files[str(node["inputs"]["name"])]

    def as_loaded(value: Any, type_: str) -> dict:
        name = os.path.basename(os.fspath(value)) if is_local_file(value) else f"{type_.lower()}.png"
        if type_ == "MASK":
            return {"class_type": "LoadImageMask", "inputs": {"image": name, "channel": "red"}}
        return {"class_type": "LoadImage", "inputs": {"image": name}}

    prompt = lower(original, as_loaded)
    for node_id, node in prompt.items():  # a file input's marker became a loader: give it the loader's own title
        if node["class_type"] in _LOADER_TITLE and original[node_id]["class_type"] != node["class_type"]:
            node["_meta"] = {"title": _LOADER_TITLE[node["class_type"]]}
    for node_id, node in prompt.items():
        _add_fingerprint(node, original[node_id])
    for name, saver in graph.savers.items():
        node_id, title, inputs = graph.saver_nodes.get(name, (None, None, {}))
        node_id = node_id or _free_id(prompt, original)
        link = resolve_link(graph.outputs[name], original, prompt)
        prompt[node_id] = {"inputs": {_SAVER_INPUT[saver]: link, **inputs}, "class_type": saver,
                           "_meta": {"title": title or saver}}
    return prompt


def chunks(prompt: dict, workflow: dict | None = None) -> dict[str, str]:
    """The tEXt chunks SaveImage writes: ``prompt``, then each extra_pnginfo key (``workflow``)."""
    texts = {"prompt": json.dumps(prompt)}
    if workflow is not None:
        texts["workflow"] = json.dumps(workflow)
    return texts


def _add_fingerprint(node: dict, source: dict) -> None:
    """ComfyUI runs IS_CHANGED before executing and keeps its answer in the prompt it saves (execution.py
    IsChangedCache): for LoadImage/LoadImageMask the sha256 of the file (nodes.py). Other nodes' IS_CHANGED need
    ComfyUI itself and are not reproduced."""
    if node["class_type"] not in _LOADER_TITLE:
        return
    path = source["inputs"].get("value", source["inputs"].get("image"))
    if is_local_file(path):
        node["is_changed"] = [hashlib.sha256(Path(path).read_bytes()).hexdigest()]


def _free_id(prompt: dict, original: dict) -> str:
    taken = set(prompt) | set(original)
    numbers = [int(k) for k in taken if k.isdigit()]
    candidate = max(numbers, default=0) + 1
    while str(candidate) in taken:
        candidate += 1
    return str(candidate)
