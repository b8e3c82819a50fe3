"""Runs ComfyUI node classes from a LOKI Script: the scripts LOKI generates for ComfyUI nodes (``loki import-node``)
and for hand-written LOKI Nodes (``loki node-to-script``) call :func:`call_node`.

* Inside ComfyUI (a LOKI Node of a pack, run by the server) the running ComfyUI is used: its modules are already
  in ``sys.modules`` (:func:`running_comfyui`); nothing is imported, no path or variable is needed.
* Outside it, ComfyUI is found from ``--comfyui PATH`` (taken out of argv by :func:`take_comfyui_flag`) or
  ``COMFYUI_PATH``; without it a script fails with one clear line (exit 1), never a traceback.
* Inputs come from the script in the runtime's forms (numpy ``[B,H,W,C]`` images...) and are handed to the node as
  ComfyUI values (torch tensors) by :mod:`comfy_adapter`; outputs come back the other way.
* V1 nodes are instantiated and their ``FUNCTION`` called; V3 nodes go through ``PREPARE_CLASS_CLONE`` as
  ComfyUI's executor does. ``async`` functions are awaited.

Importing this module imports nothing heavy (``--help`` stays fast).
"""
from __future__ import annotations

import asyncio
import inspect
import os
import sys
from pathlib import Path
from typing import Any

from .errors import LokiError

ENVIRONMENT_VARIABLE = "COMFYUI_PATH"


class ComfyUINotFound(LokiError):
    """ComfyUI's source folder was not given or is not a ComfyUI folder."""


def take_comfyui_flag(argv: list[str]) -> list[str]:
    """Removes ``--comfyui PATH`` / ``--comfyui=PATH`` from ``argv`` (it sets ``COMFYUI_PATH``); returns the rest."""
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--comfyui" and i + 1 < len(argv):
            os.environ[ENVIRONMENT_VARIABLE] = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--comfyui="):
            os.environ[ENVIRONMENT_VARIABLE] = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return rest


def comfyui_root() -> Path:
    """ComfyUI's folder (the one holding ``nodes.py`` and ``comfy/``), or :class:`ComfyUINotFound`."""
    value = os.environ.get(ENVIRONMENT_VARIABLE, "")
    if not value:
        raise ComfyUINotFound("this node runs ComfyUI code: pass --comfyui PATH or set COMFYUI_PATH to the ComfyUI folder")
    root = Path(value).expanduser().resolve()
    if not (root / "nodes.py").is_file() or not (root / "comfy").is_dir():
        raise ComfyUINotFound(f"{root} is not a ComfyUI folder (no nodes.py and comfy/): fix --comfyui or COMFYUI_PATH")
    return root


def running_comfyui() -> Any | None:
    """ComfyUI's ``nodes`` module when this process already runs (or imported) ComfyUI, else None.

    A module named ``nodes`` alone is not enough (a library folder can be called that): ComfyUI's has the node
    mappings and its loader, and ComfyUI's own packages (``comfy``, ``folder_paths``) are loaded beside it.
    """
    nodes = sys.modules.get("nodes")
    if nodes is None or not isinstance(getattr(nodes, "NODE_CLASS_MAPPINGS", None), dict):
        return None
    if not hasattr(nodes, "init_extra_nodes") or "folder_paths" not in sys.modules or "comfy" not in sys.modules:
        return None
    return nodes


def import_comfyui(root: Path) -> Any:
    """Imports ComfyUI from ``root`` into this process (CPU when torch sees no CUDA); returns its ``nodes`` module."""
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    import torch
    from comfy.cli_args import args  # parses no argv (comfy.options.args_parsing stays off): ours is not ComfyUI's

    if not torch.cuda.is_available():
        args.cpu = True
    try:  # ComfyUI's utils package first, as main.py's imports do: nodes.py then puts comfy/ (with a utils.py) first
        import utils.install_util  # noqa: F401 - on sys.path, and comfy_extras/nodes_images needs the package
    except ImportError:
        pass  # a ComfyUI without that package
    import nodes

    return nodes


def load_node(class_type: str, pack: str = "comfyui") -> type:
    """The node class registered as ``class_type`` by ComfyUI itself (``pack="comfyui"``) or by the custom-node
    pack ``custom_nodes/<pack>``: of the running ComfyUI when there is one (it has loaded its nodes and packs before
    running any), else of the ComfyUI found by :func:`comfyui_root`."""
    nodes = running_comfyui()
    root = Path(nodes.__file__).resolve().parent if nodes is not None else comfyui_root()
    nodes = nodes or import_comfyui(root)
    if class_type not in nodes.NODE_CLASS_MAPPINGS:
        if pack == "comfyui":
            run_coroutine(lambda: nodes.init_extra_nodes(init_custom_nodes=False, init_api_nodes=False))
        else:
            folder = root / "custom_nodes" / pack
            if not folder.exists() and (root / "custom_nodes" / (pack + ".py")).is_file():
                folder = root / "custom_nodes" / (pack + ".py")
            if not folder.exists():
                raise ComfyUINotFound(f"the pack {pack!r} is not installed in {root / 'custom_nodes'}")
            run_coroutine(lambda: nodes.load_custom_node(str(folder)))
    cls = nodes.NODE_CLASS_MAPPINGS.get(class_type)
    if cls is None:
        raise LokiError(f"ComfyUI at {root} has no node {class_type!r} (pack {pack!r})")
    return cls


def load_node_folder(folder: str | os.PathLike, key: str) -> type:
    """The class registered as ``key`` by a LOKI node folder, imported the way ComfyUI imports a pack."""
    from . import loader

    mappings = loader.load_pack(folder)
    if key not in mappings:
        raise LokiError(f"{folder} registers no node {key!r} (it registers: {', '.join(mappings) or 'none'})")
    return mappings[key]


def call_node(cls: type, inputs: dict[str, Any], interface: Any) -> dict[str, Any]:
    """Runs node class ``cls`` on ``inputs`` (runtime forms) and returns ``{output: value}`` in runtime forms."""
    from . import comfy_adapter

    values = {}
    for name, value in inputs.items():
        port = _port(interface.inputs, name)
        values[name] = comfy_adapter.to_comfy(port, value) if port is not None else value
    values.update({k: v for k, v in _hidden_values(cls).items() if k not in values})
    if getattr(cls, "INPUT_IS_LIST", False):
        values = {k: [v] for k, v in values.items()}
    result = _function(cls)(**values)
    if inspect.isawaitable(result):
        result = run_coroutine(lambda: _await(result))
    result = _outputs_of(result)
    ports = list(interface.outputs)
    outputs: dict[str, Any] = {}
    for i, port in enumerate(ports):
        value = result[i] if i < len(result) else None
        outputs[port.name] = comfy_adapter.to_runtime(port, value)
    return outputs


# What ComfyUI's executor passes for hidden inputs when there is no server prompt around the node.
_HIDDEN = {"UNIQUE_ID": "loki", "PROMPT": {}, "EXTRA_PNGINFO": None, "DYNPROMPT": None,
           "AUTH_TOKEN_COMFY_ORG": None, "API_KEY_COMFY_ORG": None}


def _hidden_values(cls: type) -> dict[str, Any]:
    """Hidden inputs of a V1 node (``INPUT_TYPES()["hidden"]``) with the values a prompt-less run has."""
    if hasattr(cls, "GET_SCHEMA") or not hasattr(cls, "INPUT_TYPES"):
        return {}  # V3 nodes read hidden values from cls.hidden, filled by PREPARE_CLASS_CLONE
    hidden = (cls.INPUT_TYPES() or {}).get("hidden") or {}
    return {name: _HIDDEN.get(kind[0] if isinstance(kind, (tuple, list)) else kind) for name, kind in hidden.items()}


def _function(cls: type) -> Any:
    if hasattr(cls, "PREPARE_CLASS_CLONE") and hasattr(cls, "GET_SCHEMA"):
        from comfy_api.internal import make_locked_method_func

        cls.VALIDATE_CLASS()
        clone = cls.PREPARE_CLASS_CLONE({})
        return make_locked_method_func(cls, cls.FUNCTION, clone)
    return getattr(cls(), cls.FUNCTION)


async def _await(awaitable: Any) -> Any:
    return await awaitable


def run_coroutine(make_coroutine: Any) -> Any:
    """Runs a coroutine to its end from synchronous code. Inside ComfyUI a node runs on the executor's event loop,
    where ``asyncio.run`` is refused: there the coroutine gets its own loop on a helper thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


def _outputs_of(result: Any) -> tuple:
    if result is None:
        return ()
    if hasattr(result, "result") and not isinstance(result, (dict, tuple, list)):
        return tuple(result.result or ())  # V3 NodeOutput
    if isinstance(result, dict):
        return tuple(result.get("result") or ())
    return tuple(result)


def _port(ports: Any, name: str) -> Any:
    for port in ports:
        if port.name == name:
            return port
    return None
