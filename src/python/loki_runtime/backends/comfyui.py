"""The `comfyui` backend: runs a flow in this process with ComfyUI's own executor (`execution.PromptExecutor`).

Lists, lazy inputs, expansion, V3 and async nodes behave exactly as in ComfyUI because ComfyUI runs them. The
session is warm: ComfyUI is imported and its nodes loaded once per process, and the executor keeps its caches
between calls, so a repeated flow only re-runs what changed (as re-queuing in ComfyUI does). LOKI nodes of the
library and the runtime's markers are registered unless the ComfyUI installation already has them (an
installed LOKI pack wins). ComfyUI is imported on CPU when torch sees no CUDA device.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

from .. import flow_errors as codes
from ..comfy_host import import_comfyui, run_coroutine, running_comfyui
from ..flow_errors import FlowError, FlowValidationError, NodeRef
from ..graph_builder import is_link
from ..markers import INPUT_MARKER, OUTPUT_MARKER
from ..markers import NODE_CLASS_MAPPINGS as MARKERS
from .lowering import is_local_file, lower, resolve_link
from .values import prompt_to_node_values, to_node_value, to_script_value

_SESSION: "ComfyUIBackend | None" = None


class _Server:
    """What PromptExecutor needs of ComfyUI's PromptServer; keeps the messages of the current run."""

    def __init__(self):
        self.client_id = None
        self.last_node_id = None
        self.last_prompt_id = None
        self.sockets_metadata: dict = {}
        self.messages: list[tuple[str, dict]] = []

    def send_sync(self, event, data, sid=None):
        self.messages.append((event, data))

    def queue_updated(self):
        pass


class ComfyUIBackend:
    """One warm ComfyUI session per process (ComfyUI's modules are process-global)."""

    name = "comfyui"

    @classmethod
    def open(cls, path: str | os.PathLike | None, library_roots: list | None = None) -> "ComfyUIBackend":
        global _SESSION
        given = str(path or os.environ.get("COMFYUI_PATH") or "")
        running = running_comfyui()  # inside ComfyUI (or after a node of it ran here): that one, no path needed
        if not given and running is None:
            raise FlowError(codes.BACKEND_UNAVAILABLE, "the comfyui backend needs --comfyui PATH (or COMFYUI_PATH) "
                                                       "naming a ComfyUI folder")
        root = Path(given).resolve() if given else Path(running.__file__).resolve().parent
        if not (root / "execution.py").is_file() or not (root / "nodes.py").is_file():
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"{root} is not a ComfyUI folder (no execution.py/nodes.py)")
        if _SESSION is not None:
            if _SESSION.root != root:
                raise FlowError(codes.BACKEND_UNAVAILABLE, f"ComfyUI from {_SESSION.root} is already loaded in this "
                                                           f"process; cannot also load {root}")
            _SESSION._register(library_roots or [])  # a flow of another library in the same warm session
            return _SESSION
        _SESSION = cls(root, library_roots or [])
        return _SESSION

    def __init__(self, root: Path, library_roots: list):
        self.root = root
        self.server = _Server()
        try:
            self._import()
        except FlowError:
            raise
        except Exception as ex:  # ImportError of a ComfyUI dependency, mostly
            raise FlowError(codes.BACKEND_UNAVAILABLE, f"ComfyUI at {root} cannot be loaded: "
                                                       f"{type(ex).__name__}: {ex}") from ex
        self._register(library_roots)
        self.executor = self.execution.PromptExecutor(self.server)

    def _import(self) -> None:
        nodes = import_comfyui(self.root)
        import execution

        self.execution, self.nodes = execution, nodes
        import_failed = run_coroutine(lambda: nodes.init_extra_nodes(init_custom_nodes=True, init_api_nodes=False))
        self.import_failed = list(import_failed or [])

    def _register(self, library_roots: list) -> None:
        mappings = self.nodes.NODE_CLASS_MAPPINGS
        for class_type, cls in MARKERS.items():
            mappings.setdefault(class_type, cls)
        if library_roots:
            from ..node_registry import shared_library

            for class_type, cls in shared_library(library_roots).classes.items():
                mappings.setdefault(class_type, cls)

    # ---- running ---------------------------------------------------------------------------------------

    def run(self, graph, flow=None) -> dict[str, Any]:
        original = graph.prompt()
        prompt = prompt_to_node_values(lower(original, _keep_in_memory))
        collectors, constants = {}, {}
        for index, (name, link) in enumerate(graph.outputs.items()):
            link = resolve_link(link, original, prompt)
            if not is_link(link):
                constants[name] = link
                continue
            node_id = f"loki_out_{index}"
            prompt[node_id] = {"class_type": OUTPUT_MARKER, "inputs": {"name": name, "value": link},
                               "_meta": {"title": f"LOKI output {name}"}}
            collectors[name] = node_id
        unknown = [FlowError(codes.UNKNOWN_NODE_TYPE, f"ComfyUI has no node type {n['class_type']!r}",
                             (NodeRef(nid, n["class_type"], graph.title(nid)),))
                   for nid, n in prompt.items() if n["class_type"] not in self.nodes.NODE_CLASS_MAPPINGS]
        if unknown:
            raise FlowValidationError(unknown)
        prompt_id = str(uuid.uuid4())
        valid, error, outputs, node_errors = run_coroutine(
            lambda: self.execution.validate_prompt(prompt_id, prompt, None))
        if not valid or node_errors:
            raise _rejected(error, node_errors, graph, prompt)
        self.server.messages = []
        self.executor.execute(prompt, prompt_id, {"client_id": "loki"}, outputs)
        if not self.executor.success:
            raise _failure(self.server.messages, graph, prompt)
        results = dict(constants)
        for name, node_id in collectors.items():
            data = self.executor.caches.outputs.get(node_id)
            items = [to_script_value(v) for v in data[0]]
            results[name] = items[0] if len(items) == 1 else items
        return results

    @property
    def messages(self) -> list[tuple[str, dict]]:
        return self.server.messages


def _keep_in_memory(value: Any, type_: str) -> dict:
    """In-process, an image stays in memory: an input marker holds it (ComfyUI passes objects through)."""
    if is_local_file(value):
        if type_ == "IMAGE":
            return {"class_type": "LoadImage", "inputs": {"image": os.path.abspath(value)}}
        from ..primitives import to_image_tensor

        value = to_image_tensor(value)[0][..., 0]
    return {"class_type": INPUT_MARKER, "inputs": {"name": "image", "type": type_, "default": "", "min": "",
                                                   "max": "", "description": "", "value": to_node_value(value)}}


def _rejected(error, node_errors, graph, prompt) -> FlowValidationError:
    from .server import _code_of

    errors = []
    for node_id, entry in (node_errors or {}).items():
        ref = NodeRef(node_id, entry.get("class_type"), graph.title(node_id) or _title(prompt, node_id))
        for e in entry.get("errors") or []:
            errors.append(FlowError(_code_of(e.get("type")), f"{e.get('message')}: {e.get('details')}", (ref,)))
    if not errors:
        error = error or {}
        errors.append(FlowError(codes.SERVER_REJECTED, f"ComfyUI refused the prompt: {error.get('message')}: "
                                                       f"{error.get('details', '')}"))
    return FlowValidationError(errors)


def _failure(messages, graph, prompt) -> FlowError:
    for event, data in messages:
        if event in ("execution_error", "execution_interrupted"):
            node_id = str(data.get("node_id"))
            ref = NodeRef(node_id, data.get("node_type"), graph.title(node_id) or _title(prompt, node_id))
            text = str(data.get("exception_message", "interrupted")).strip()
            return FlowError(codes.NODE_FAILED, f"{data.get('exception_type', 'Interrupted')}: {text}", (ref,))
    return FlowError(codes.NODE_FAILED, "ComfyUI reported a failure without an execution_error")


def _title(prompt: dict, node_id: str) -> str | None:
    return ((prompt.get(node_id) or {}).get("_meta") or {}).get("title")
