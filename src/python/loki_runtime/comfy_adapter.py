"""Runs a LOKI Script inside ComfyUI: torch tensors ⇄ numpy by the interface, and V1 node classes built from it.

A LOKI Node's ``execute`` is one line, ``return comfy_adapter.call(_script.run, inputs)``:

* ``IMAGE`` ``[B,H,W,C]`` and ``MASK`` ``[B,H,W]`` (``[H,W]`` accepted) tensors become numpy float32 arrays; an
  ``AUDIO`` dict's waveform too. The whole batch goes to the function in one call.
* Outputs come back as torch float32 tensors on the device of the first tensor input (CPU when none), in
  ``RETURN_NAMES`` order; numbers and text as Python values.
* Opaque values (``LATENT``, ``CONDITIONING``, ``MODEL``, ``*``...) pass through untouched both ways.

:func:`node_class` builds the whole class from an interface, so a hand-written node can be
``NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS = comfy_adapter.node_mappings(run)``.
"""
from __future__ import annotations

import inspect
import re
import weakref
from typing import Any, Callable

from . import arrays
from .interface import AUDIO, BOOLEAN, COMBO, FLOAT, IMAGE, INT, MASK, STRING, Interface, Port

LOKI_CATEGORY = "LOKI 🦊"
_SCRIPTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # plain functions made into Scripts

# Options of ComfyUI's INPUT_TYPES (comfy/comfy_types/node_typing.py) copied from a port's extra config fields.
_COMFY_OPTION_KEYS = {
    "round", "display", "placeholder", "dynamicPrompts", "label_on", "label_off", "tooltip", "forceInput",
    "defaultInput", "lazy", "rawLink", "socketless", "widgetType", "image_upload", "image_folder", "video_upload",
    "audio_upload", "animated_image_upload", "allow_batch", "control_after_generate", "remote", "multi_select",
    "advanced", "hidden",
}


def call(run: Callable, inputs: dict[str, Any]) -> tuple:
    """Calls a LOKI Script with ComfyUI values and returns its outputs as ComfyUI values, in RETURN_NAMES order."""
    script = as_script(run)
    interface = script.interface
    device = _first_device(inputs.values())
    values = {}
    for name, value in inputs.items():
        port = _port(interface, name)
        values[name] = to_runtime(port, value) if port is not None else value
    try:
        outputs = script(**values)
    except Exception as ex:
        _name_the_node(ex, interface.name)
        raise
    return tuple(to_comfy(port, outputs.get(port.name), device) for port in interface.outputs)


def _name_the_node(ex: BaseException, node: str) -> None:
    """Puts the LOKI node's name in front of the message, keeping the exception's type.

    Inside a flow node ComfyUI reports an error under the outer node's id; the message is what still says which
    inner node failed.
    """
    prefix = f"LOKI node {node}: "
    if ex.args and isinstance(ex.args[0], str) and not ex.args[0].startswith(prefix):
        ex.args = (prefix + ex.args[0],) + ex.args[1:]


def to_runtime(port: Port, value: Any) -> Any:
    """A ComfyUI input value in the runtime's form (numpy for IMAGE, MASK, AUDIO); others unchanged."""
    if value is None:
        return None
    if port.type == IMAGE:
        return arrays.image_array(value, port.name)
    if port.type == MASK:
        return arrays.mask_array(value, port.name)
    if port.type == AUDIO:
        return arrays.audio_dict(value, port.name)
    return value


def to_comfy(port: Port, value: Any, device: Any = None) -> Any:
    """An output in ComfyUI's form: float32 tensors on ``device`` for IMAGE, MASK, AUDIO; others unchanged."""
    if value is None:
        return None
    if port.type == IMAGE:
        return arrays.to_torch(arrays.image_array(value, port.name), device)
    if port.type == MASK:
        return arrays.to_torch(arrays.mask_array(value, port.name), device)
    if port.type == AUDIO:
        audio = arrays.audio_dict(value, port.name)
        return {**audio, "waveform": arrays.to_torch(audio["waveform"], device)}
    return value


def as_script(run: Callable):
    """``run`` itself when it is a :class:`~loki_runtime.script.Script`, else the function made into one (once)."""
    if hasattr(run, "interface") and hasattr(run, "prepare_inputs"):
        return run
    made = _SCRIPTS.get(run)
    if made is None:
        from . import script

        made = _SCRIPTS[run] = script.entry(inspect.getfile(run))(run)
    return made


def input_types(interface: Interface) -> dict[str, dict[str, tuple]]:
    """ComfyUI's ``INPUT_TYPES()`` value for an interface (required and optional sections, declaration order)."""
    result: dict[str, dict[str, tuple]] = {"required": {}}
    for port in interface.inputs:
        section = "required" if port.required else "optional"
        result.setdefault(section, {})[port.name] = input_spec(port)
    return result


def input_spec(port: Port) -> tuple:
    """One ``INPUT_TYPES`` entry: ``(TYPE, {options})``, or ``([choices], {options})`` for a COMBO."""
    options: dict[str, Any] = {}
    if port.type in (INT, FLOAT):
        number = int if port.type == INT else float
        for key in ("default", "min", "max", "step"):
            value = getattr(port, key)
            if value is not None:
                options[key] = number(value)
    elif port.type in (STRING, BOOLEAN, COMBO) and port.default is not None:
        options["default"] = port.default
    if port.type == STRING:
        options["multiline"] = port.multiline
    for key, value in port.extra.items():
        if key in _COMFY_OPTION_KEYS:
            options[key] = value
    if port.description and "tooltip" not in options:
        options["tooltip"] = port.description
    kind: Any = list(port.options or ()) if port.type == COMBO else port.type
    return (kind, options) if options else (kind,)


def return_types(interface: Interface) -> tuple[str, ...]:
    return tuple(p.type for p in interface.outputs)


def return_names(interface: Interface) -> tuple[str, ...]:
    return tuple(p.name for p in interface.outputs)


def class_name(node_name: str) -> str:
    """``image_levels`` → ``ImageLevels`` (the class name of a LOKI Node)."""
    parts = [p for p in re.split(r"[^0-9A-Za-z]+", node_name) if p]
    name = "".join(p[:1].upper() + p[1:] for p in parts) or "Node"
    return name if not name[0].isdigit() else f"N{name}"


def mapping_key(node_name: str) -> str:
    """``image_levels`` → ``LokiImageLevels`` (the key in NODE_CLASS_MAPPINGS)."""
    return "Loki" + class_name(node_name)


def display_name(interface: Interface) -> str:
    """``node_display_name`` from the config when given, else ``"Image Levels (LOKI)"``."""
    given = interface.extra.get("node_display_name")
    if isinstance(given, str) and given.strip():
        return given
    words = [w for w in re.split(r"[_\W]+", interface.name) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words) + " (LOKI)"


def category(interface: Interface) -> str:
    """``LOKI 🦊/<category>`` (``LOKI 🦊`` alone when the config has none)."""
    sub = (interface.category or "").strip("/ ")
    return f"{LOKI_CATEGORY}/{sub}" if sub else LOKI_CATEGORY


def node_class(run: Callable, *, name: str | None = None, category_path: str | None = None) -> type:
    """A ComfyUI V1 node class calling ``run`` (a Script or a plain function) through :func:`call`."""
    script = as_script(run)
    interface = script.interface

    def execute(self, **inputs):
        return call(script, inputs)

    attributes = {
        "__doc__": interface.description or "",
        "__module__": getattr(script, "__module__", __name__),
        "CATEGORY": category_path or category(interface),
        "DESCRIPTION": interface.description or "",
        "FUNCTION": "execute",
        "RETURN_TYPES": return_types(interface),
        "RETURN_NAMES": return_names(interface),
        "INPUT_TYPES": classmethod(lambda cls: input_types(interface)),
        "execute": execute,
    }
    if interface.output_node:
        attributes["OUTPUT_NODE"] = True
    return type(name or class_name(interface.name), (), attributes)


def node_mappings(*runs: Callable) -> tuple[dict[str, type], dict[str, str]]:
    """``(NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS)`` for one or more scripts."""
    classes: dict[str, type] = {}
    names: dict[str, str] = {}
    for run in runs:
        script = as_script(run)
        key = mapping_key(script.interface.name)
        classes[key] = node_class(script)
        names[key] = display_name(script.interface)
    return classes, names


def _port(interface: Interface, name: str) -> Port | None:
    try:
        return interface.input(name)
    except KeyError:
        return None


def _first_device(values) -> Any:
    for value in values:
        if arrays.is_torch_tensor(value):
            return value.device
        if isinstance(value, dict) and arrays.is_torch_tensor(value.get("waveform")):
            return value["waveform"].device
    return None
