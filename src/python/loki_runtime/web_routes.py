"""The HTTP routes of the pack's web extension (ComfyUI also serves each under `/api`): `GET /loki/flows`, the flows
it can open; `GET /loki/glamours`, the nodes' glamours, and `GET /loki/glamour/<node>/<path>`, their files.

ComfyUI 0.3.64 does not serve a pack's `subgraphs/` folder, so the editor extension (`web/js/loki.js`) asks this
route for the subgraph blueprints the pack ships: `{class_type: {"name": node folder, "blueprint": {...}}}`, one per
`subgraphs/<n>.json`, keyed by the node's ComfyUI mapping key (`photo_finish` → `LokiPhotoFinish`). The root
`__init__.py` imports this module like the markers; outside a running ComfyUI server it registers nothing.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from .comfy_adapter import mapping_key
from .glamour_files import CONTENT_TYPES, INDEX_ROUTE, REFUSED, ROUTE as GLAMOUR_ROUTE, glamour_file, glamour_index

ROUTE = "/loki/flows"
_LOG = logging.getLogger("loki")


def pack_root() -> Path:
    """The pack folder: the runtime is shipped as `<pack>/loki_runtime/`."""
    return Path(__file__).resolve().parent.parent


def flow_index(root: Path) -> dict:
    """Every readable blueprint under `root/subgraphs`, by class type; unreadable files are logged and left out."""
    index = {}
    for path in sorted((root / "subgraphs").glob("*.json")):
        try:
            blueprint = json.loads(path.read_text(encoding="utf-8"))
            definitions = blueprint["definitions"]["subgraphs"]
        except (OSError, ValueError, KeyError, TypeError) as ex:
            _LOG.warning("[LOKI] blueprint %s left out of %s: %s", path.name, ROUTE, ex)
            continue
        if len(definitions) != 1:
            _LOG.warning("[LOKI] blueprint %s left out of %s: %d definitions", path.name, ROUTE, len(definitions))
            continue
        index[mapping_key(path.stem)] = {"name": path.stem, "blueprint": blueprint}
    return index


def register(server) -> bool:
    """Adds the route to a ComfyUI `PromptServer`; the index is read once, on the first request."""
    from aiohttp import web

    cache: dict = {}

    @server.routes.get(ROUTE)
    async def flows(_request):
        if "index" not in cache:
            cache["index"] = flow_index(pack_root())
        return web.json_response(cache["index"])

    @server.routes.get(INDEX_ROUTE)
    async def glamours(_request):
        if "glamours" not in cache:
            cache["glamours"] = glamour_index(pack_root())
        return web.json_response(cache["glamours"])

    @server.routes.get(GLAMOUR_ROUTE + "/{node}/{path:.+}")
    async def glamour(request):
        node, path = request.match_info["node"], request.match_info["path"]
        found = glamour_file(pack_root(), node, path)
        if found is None:
            return web.json_response({"code": REFUSED, "error": f"no glamour file {node}/{path}"}, status=404)
        return web.FileResponse(found, headers={"Content-Type": CONTENT_TYPES[found.suffix.lower()],
                                                "Cache-Control": "no-cache"})

    return True


def _register_in_comfyui() -> None:
    # Only ComfyUI's own `server` module, already loaded by ComfyUI's main.py: never import one here.
    server_module = sys.modules.get("server")
    prompt_server = getattr(getattr(server_module, "PromptServer", None), "instance", None)
    if prompt_server is not None and hasattr(prompt_server, "routes"):
        register(prompt_server)


_register_in_comfyui()

NODE_CLASS_MAPPINGS: dict = {}
NODE_DISPLAY_NAME_MAPPINGS: dict = {}
