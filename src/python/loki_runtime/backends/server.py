"""The `server` backend: queues a flow on a running ComfyUI and brings its outputs back.

Protocol (comfyui-reference §6): node types are checked with `GET /object_info/<class>`; in-memory images
are uploaded with `POST /upload/image`; every flow output gets a preview node (`PreviewImage`, `MaskPreview`
or `PreviewAny`); the prompt is queued with `POST /prompt` and a `client_id` whose websocket
(`/ws?clientId=`) reports progress until `executing` with `node: null`; `GET /history/<id>` names the output
files, fetched with `GET /view`. Validation errors (`node_errors`) and run-time errors (`execution_error`)
raise FlowError naming the node id, its title and its type.
"""
from __future__ import annotations

import io
import json
import time
import uuid
from typing import Any, Callable
from urllib.parse import quote, urlencode

from .. import flow_errors as codes
from ..flow_errors import FlowError, FlowValidationError, NodeRef
from ..graph_builder import is_link
from .lowering import is_local_file, lower, resolve_link
from .transport import HttpTransport, json_body, multipart
from .websocket import CLOSE, TEXT

OUTPUT_PREFIX = "loki_out_"


class ServerBackend:
    """Warm between calls: keeps the server's node schemas it has already asked for."""

    name = "server"

    def __init__(self, url: str | None, timeout: float = 600.0, transport=None,
                 on_progress: Callable[[dict], None] | None = None):
        if not url and transport is None:
            raise FlowError(codes.BACKEND_UNAVAILABLE, "the server backend needs --server URL (or COMFYUI_SERVER)")
        self.url = url
        self.transport = transport or HttpTransport(url, timeout)
        self.on_progress = on_progress
        self.schemas: dict[str, dict | None] = {}
        self.messages: list[dict] = []  # the websocket messages of the last run (progress, executing, ...)

    # ---- HTTP helpers ----------------------------------------------------------------------------------

    def _get_json(self, path: str) -> Any:
        status, data = self._request("GET", path)
        if status != 200:
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"GET {path} answered HTTP {status}")
        return json.loads(data)

    def _request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        try:
            return self.transport.request(method, path, body, headers)
        except OSError as ex:
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"cannot reach the ComfyUI server {self.url}: {ex}") from ex

    def schema(self, class_type: str) -> dict | None:
        if class_type not in self.schemas:
            info = self._get_json("/object_info/" + quote(class_type, safe=""))
            self.schemas[class_type] = info.get(class_type)
        return self.schemas[class_type]

    # ---- running ---------------------------------------------------------------------------------------

    def run(self, graph, flow=None) -> dict[str, Any]:
        original = graph.prompt()
        self._uploads = 0
        prompt = lower(original, self._store_image)
        missing = [FlowError(codes.UNKNOWN_NODE_TYPE, f"the server has no node type {node['class_type']!r}",
                             (NodeRef(nid, node["class_type"], graph.title(nid)),))
                   for nid, node in prompt.items() if self.schema(node["class_type"]) is None]
        if missing:
            raise FlowValidationError(missing)
        collectors, constants = self._add_collectors(prompt, original, graph.outputs)
        client_id = uuid.uuid4().hex
        ws = self.transport.websocket(f"/ws?clientId={client_id}")
        try:
            body, headers = json_body({"prompt": prompt, "client_id": client_id})
            status, data = self._request("POST", "/prompt", body, headers)
            answer = _json_or_text(data)
            if status != 200 or answer.get("node_errors"):
                raise self._rejected(answer, prompt, graph)
            prompt_id = answer["prompt_id"]
            self._follow(ws, prompt_id, prompt, graph)
        finally:
            ws.close()
        history = self._history(prompt_id)
        outputs = dict(constants)
        for name, (node_id, kind) in collectors.items():
            ui = (history.get("outputs") or {}).get(node_id)
            if ui is None:
                raise FlowError(codes.BAD_OUTPUT, f"the server's history has no result for output {name!r}")
            outputs[name] = self._fetch(ui, kind)
        return outputs

    def _history(self, prompt_id: str) -> dict:
        for attempt in range(50):  # an older server may answer before it has stored the entry
            entry = self._get_json(f"/history/{quote(prompt_id)}").get(prompt_id)
            if entry:
                return entry
            time.sleep(0.1)
        raise FlowError(codes.BAD_OUTPUT, f"the server has no history for prompt {prompt_id}")

    def _store_image(self, value: Any, type_: str) -> dict:
        data = _png_bytes(value, type_)
        self._uploads += 1
        body, headers = multipart({"type": "input", "subfolder": "loki", "overwrite": "true"},
                                  {"image": (f"loki_{uuid.uuid4().hex[:12]}.png", data, "image/png")})
        status, answer = self._request("POST", "/upload/image", body, headers)
        if status != 200:
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"uploading an image answered HTTP {status}")
        info = json.loads(answer)
        name = f"{info['subfolder']}/{info['name']}" if info.get("subfolder") else info["name"]
        if type_ == "MASK":
            return {"class_type": "LoadImageMask", "inputs": {"image": name, "channel": "red"}}
        return {"class_type": "LoadImage", "inputs": {"image": name}}

    def _add_collectors(self, prompt: dict, original: dict, outputs: dict) -> tuple[dict, dict]:
        collectors, constants = {}, {}
        for index, (name, link) in enumerate(outputs.items()):
            link = resolve_link(link, original, prompt)
            if not is_link(link):
                constants[name] = link
                continue
            kind = self._output_type(prompt, link)
            node_id = f"{OUTPUT_PREFIX}{index}"
            if kind == "IMAGE":
                prompt[node_id] = {"class_type": "PreviewImage", "inputs": {"images": link}}
            elif kind == "MASK":
                prompt[node_id] = {"class_type": "MaskPreview", "inputs": {"mask": link}}
            else:
                prompt[node_id] = {"class_type": "PreviewAny", "inputs": {"source": link}}
            prompt[node_id]["_meta"] = {"title": f"LOKI output {name}"}
            collectors[name] = (node_id, kind)
        return collectors, constants

    def _output_type(self, prompt: dict, link: list) -> str:
        schema = self.schema(prompt[link[0]]["class_type"]) or {}
        types = schema.get("output") or []
        kind = types[int(link[1])] if int(link[1]) < len(types) else "*"
        return kind if isinstance(kind, str) else "COMBO"

    def _follow(self, ws, prompt_id: str, prompt: dict, graph) -> None:
        self.messages = []
        running = None  # the node ComfyUI runs now; inside a node expansion an ephemeral id such as "11.0.0.3"
        while True:
            opcode, data = ws.recv()
            if opcode == CLOSE:
                raise FlowError(codes.BACKEND_UNAVAILABLE, "the server closed the websocket before the flow finished")
            if opcode != TEXT:
                continue  # previews (binary frames) are not needed here
            message = json.loads(data)
            payload = message.get("data") or {}
            if payload.get("prompt_id") not in (None, prompt_id):
                continue
            self.messages.append(message)
            if self.on_progress is not None:
                self.on_progress(message)
            kind = message.get("type")
            if kind == "executing":
                running = payload.get("node")
            if kind == "execution_error":
                node_id = str(payload.get("node_id"))
                refs = [NodeRef(node_id, payload.get("node_type"), graph.title(node_id) or _title(prompt, node_id))]
                if running and str(running).startswith(node_id + "."):
                    # ComfyUI reports the top-level node; the expanded node at fault is the one it was running
                    refs.append(NodeRef(str(running)))
                raise FlowError(codes.NODE_FAILED, f"{payload.get('exception_type')}: "
                                                   f"{str(payload.get('exception_message', '')).strip()}", tuple(refs))
            if kind == "execution_interrupted":
                raise FlowError(codes.NODE_FAILED, "execution was interrupted on the server",
                                (NodeRef(str(payload.get("node_id")), payload.get("node_type")),))
            # `execution_success` comes before the history entry is stored; `executing` with node null after it
            if kind == "executing" and payload.get("node") is None and payload.get("prompt_id") == prompt_id:
                return

    def _rejected(self, answer: dict, prompt: dict, graph) -> FlowError:
        errors = []
        for node_id, entry in (answer.get("node_errors") or {}).items():
            ref = NodeRef(node_id, entry.get("class_type"), graph.title(node_id) or _title(prompt, node_id))
            for error in entry.get("errors") or []:
                errors.append(FlowError(_code_of(error.get("type")),
                                        f"{error.get('message')}: {error.get('details')}", (ref,)))
        top = answer.get("error") or {}
        if not errors:
            errors.append(FlowError(codes.SERVER_REJECTED, f"the server refused the prompt: {top.get('message')}: "
                                                           f"{top.get('details', '')}".rstrip(": ")))
        return FlowValidationError(errors)

    def _fetch(self, ui: dict, kind: str) -> Any:
        if kind in ("IMAGE", "MASK"):
            arrays = []
            for image in ui.get("images") or []:
                query = urlencode({"filename": image["filename"], "subfolder": image.get("subfolder", ""),
                                   "type": image.get("type", "output")})
                status, data = self._request("GET", f"/view?{query}")
                if status != 200:
                    raise FlowError(codes.BACKEND_UNAVAILABLE, f"GET /view of {image['filename']} answered HTTP {status}")
                arrays.append(_png_array(data, kind))
            import numpy as np

            return np.concatenate(arrays, axis=0)
        texts = ui.get("text") or []
        values = [_parse_text(t, kind) for t in texts]
        return values[0] if len(values) == 1 else values


def _code_of(error_type: str | None) -> str:
    return {"required_input_missing": codes.MISSING_INPUT, "bad_linked_input": codes.BAD_LINK,
            "return_type_mismatch": codes.TYPE_MISMATCH, "invalid_input_type": codes.BAD_VALUE,
            "value_smaller_than_min": codes.VALUE_OUT_OF_RANGE, "value_bigger_than_max": codes.VALUE_OUT_OF_RANGE,
            "value_not_in_list": codes.VALUE_NOT_IN_OPTIONS}.get(error_type or "", codes.SERVER_REJECTED)


def _title(prompt: dict, node_id: str) -> str | None:
    return ((prompt.get(node_id) or {}).get("_meta") or {}).get("title")


def _json_or_text(data: bytes) -> dict:
    try:
        value = json.loads(data)
        return value if isinstance(value, dict) else {"error": {"message": str(value)}}
    except ValueError:
        return {"error": {"message": data.decode("utf-8", "replace")[:200]}}


def _parse_text(text: str, kind: str) -> Any:
    if kind == "INT":
        return int(text)
    if kind == "FLOAT":
        return float(text)
    if kind == "BOOLEAN":
        return text == "True"
    if kind == "STRING":
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def _png_bytes(value: Any, type_: str) -> bytes:
    import numpy as np
    from PIL import Image

    if is_local_file(value):
        with open(value, "rb") as f:
            return f.read()
    array = value.detach().cpu().float().numpy() if hasattr(value, "detach") else np.asarray(value)
    if array.dtype != np.uint8:
        array = (np.clip(array, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    if type_ == "MASK":
        array = array[0] if array.ndim == 3 else array
        image = Image.fromarray(array, "L")
    else:
        array = array[0] if array.ndim == 4 else array
        image = Image.fromarray(array[..., :3] if array.shape[-1] >= 3 else array[..., 0])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _png_array(data: bytes, kind: str):
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        rgb = np.asarray(image.convert("RGB")).astype(np.float32) / 255.0
    return rgb[None, :, :, 0] if kind == "MASK" else rgb[None]
