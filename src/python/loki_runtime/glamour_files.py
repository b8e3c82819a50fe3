"""The pack's glamour layers as the editor reads them: `nodes/<n>/glamour/` (glamour.json, icon, state images, card).

`glamour_index(root)` lists every node folder with a readable `glamour/glamour.json` by class type (the node's
ComfyUI mapping key), with the files the editor may ask for already checked to exist, so the page never requests a
missing one. `glamour_file(root, node, path)` resolves one request of `/loki/glamour/<node>/<path>` to a file inside
that node's `glamour/` folder, or None: only plain relative paths of image and JSON files, no `..`, no hidden parts,
nothing a link leads out of the folder. The route itself is in `web_routes.py`.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from .comfy_adapter import mapping_key

ROUTE = "/loki/glamour"
INDEX_ROUTE = "/loki/glamours"
STATES = ("idle", "queued", "running", "done", "error")
CONTENT_TYPES = {".png": "image/png", ".gif": "image/gif", ".webp": "image/webp", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg", ".json": "application/json"}
UNREADABLE = "LOKI7140"  # a glamour.json that is not a JSON object: that node is left out of the index
REFUSED = "LOKI7141"  # a glamour request outside the rules above: answered 404

_NODE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")
_LOG = logging.getLogger("loki")


def glamour_index(root: Path) -> dict:
    """`{class_type: {"name", "base", "glamour", "faces": {state: path}, "icon", "card"}}` for `root/nodes/*`."""
    index = {}
    nodes = root / "nodes"
    for folder in sorted(nodes.iterdir()) if nodes.is_dir() else ():
        spec_file = folder / "glamour" / "glamour.json"
        if not _NODE_NAME.match(folder.name) or not spec_file.is_file():
            continue
        try:
            spec = json.loads(spec_file.read_text(encoding="utf-8"))
            if not isinstance(spec, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as ex:
            _LOG.warning("[LOKI] %s: warning %s: glamour left out of %s: %s", spec_file, UNREADABLE, INDEX_ROUTE, ex)
            continue
        entry = _entry(root, folder.name, spec)
        if entry["faces"]:
            index[mapping_key(folder.name)] = entry
    return index


def _entry(root: Path, name: str, spec: dict) -> dict:
    def existing(path) -> str | None:
        return path if isinstance(path, str) and glamour_file(root, name, path) is not None else None

    icon = existing(spec.get("icon", "icon.png"))
    states = spec.get("states") if isinstance(spec.get("states"), dict) else {}
    faces = {}
    for state in STATES:
        item = states.get(state)
        image = existing(item.get("image") if isinstance(item, dict) else item)
        if image or icon:
            faces[state] = image or icon  # a state without its own image shows the icon
    return {"name": name, "base": f"{ROUTE}/{name}/", "glamour": spec, "faces": faces, "icon": icon,
            "card": existing(spec.get("card", "card/card.png"))}


def glamour_file(root: Path, node: str, path: str) -> Path | None:
    """The file `path` (forward slashes, relative) of node `node`'s glamour folder, or None when refused/absent."""
    if not _NODE_NAME.match(node or "") or not isinstance(path, str):
        return None
    parts = path.split("/")
    if any(not p or p.startswith(".") or "\\" in p or "\0" in p or ":" in p for p in parts):
        return None
    if Path(parts[-1]).suffix.lower() not in CONTENT_TYPES:
        return None
    folder = root / "nodes" / node / "glamour"
    candidate = folder.joinpath(*parts)
    try:
        resolved = candidate.resolve(strict=True)
        if not resolved.is_relative_to(folder.resolve(strict=True)) or not resolved.is_file():
            return None
    except (OSError, RuntimeError):
        return None
    return resolved
