"""The flow signature markers `LokiInput` and `LokiOutput`, as V1 ComfyUI node classes.

A flow declares an input with a `LokiInput` node and an output with a `LokiOutput` node. In ComfyUI the markers
are ordinary nodes: an input marker passes on whatever is connected to its `value` socket, or else its
default; an output marker is an output node that passes its value on. Scripts and flow nodes substitute the
flow's parameter into the input marker's `value` socket, so every consumer stays linked to the marker.
Widget order (and so `widgets_values` order in a saved workflow): name, type, default, min, max, description.
"""
from __future__ import annotations

from typing import Any

from .flow_errors import BAD_MARKER, VALUE_OUT_OF_RANGE, FlowError

INPUT_MARKER = "LokiInput"
OUTPUT_MARKER = "LokiOutput"
CATEGORY = "LOKI 🦊/flow"

#: Types whose value can be typed into the marker's `default` widget; the others must arrive on `value`.
WIDGET_TYPES = ("INT", "FLOAT", "STRING", "BOOLEAN", "COMBO")


class AnyType(str):
    """A type string that matches every other type in ComfyUI's validation (`validate_node_input`)."""

    def __ne__(self, other: object) -> bool:
        return False



ANY = AnyType("*")


def parse_bound(text: Any) -> float | None:
    """`min`/`max` widgets are text: empty means no bound."""
    if text is None or (isinstance(text, str) and text.strip() == ""):
        return None
    return float(text)


def parse_default(name: str, type_: str, text: Any) -> Any:
    """Turns the marker's `default` widget into a value of the declared type."""
    type_ = (type_ or "").strip().upper()
    if not isinstance(text, str):
        return text
    if type_ == "INT":
        return int(float(text)) if text.strip() else _no_value(name, type_)
    if type_ == "FLOAT":
        return float(text) if text.strip() else _no_value(name, type_)
    if type_ == "BOOLEAN":
        lowered = text.strip().lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off", ""):
            return False
        raise FlowError(BAD_MARKER, f"LOKI Input {name!r}: default {text!r} is not a boolean")
    if type_ in ("STRING", "COMBO"):
        return text
    return _no_value(name, type_)


def _no_value(name: str, type_: str):
    raise FlowError(BAD_MARKER, f"LOKI Input {name!r} ({type_}) has no value: connect its 'value' socket "
                                f"or pass --{name.replace('_', '-')}")


def check_range(name: str, value: Any, min_text: Any, max_text: Any) -> None:
    """Numbers outside the marker's min/max are refused, as ComfyUI refuses widget values."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high = parse_bound(min_text), parse_bound(max_text)
    if low is not None and value < low:
        raise FlowError(VALUE_OUT_OF_RANGE, f"LOKI Input {name!r}: {value} is smaller than min {min_text}")
    if high is not None and value > high:
        raise FlowError(VALUE_OUT_OF_RANGE, f"LOKI Input {name!r}: {value} is bigger than max {max_text}")


class LokiInput:
    """Declares one input of a LOKI Flow: its name, type, default, range and description."""

    CATEGORY = CATEGORY
    DESCRIPTION = "Declares an input of a LOKI Flow. Passes on its 'value' socket, or else its default."
    FUNCTION = "execute"
    RETURN_TYPES = (ANY,)
    RETURN_NAMES = ("value",)

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "name": ("STRING", {"default": "input", "tooltip": "Parameter name (snake_case, unique in the flow)."}),
                "type": ("STRING", {"default": "IMAGE", "tooltip": "IMAGE, MASK, AUDIO, INT, FLOAT, STRING, BOOLEAN, COMBO, or any socket type."}),
                "default": ("STRING", {"default": "", "tooltip": "Default value as text (widget types only)."}),
                "min": ("STRING", {"default": "", "tooltip": "Smallest allowed number; empty for none."}),
                "max": ("STRING", {"default": "", "tooltip": "Largest allowed number; empty for none."}),
                "description": ("STRING", {"default": "", "tooltip": "Shown in --help and as the socket tooltip."}),
            },
            "optional": {
                "value": (ANY, {"tooltip": "The value of the input; when unconnected the default is used."}),
            },
        }

    def execute(self, name, type, default="", min="", max="", description="", value=None):
        if value is None:
            value = parse_default(name, type, default)
        check_range(name, value, min, max)
        return (value,)


class LokiOutput:
    """Declares one output of a LOKI Flow; accepts any type and passes it on."""

    CATEGORY = CATEGORY
    DESCRIPTION = "Declares an output of a LOKI Flow."
    FUNCTION = "execute"
    OUTPUT_NODE = True
    RETURN_TYPES = (ANY,)
    RETURN_NAMES = ("value",)

    @classmethod
    def INPUT_TYPES(cls):
        return {
            "required": {
                "name": ("STRING", {"default": "output", "tooltip": "Output name (snake_case, unique in the flow)."}),
                "value": (ANY, {"tooltip": "What the flow returns under this name."}),
            },
        }

    def execute(self, name, value):
        # An output node with no ui would run silently in ComfyUI; the text lands in the history and on the node.
        return {"ui": {"text": [f"{name}: {describe(value)}"]}, "result": (value,)}


def describe(value: Any, limit: int = 1000) -> str:
    """A one-line summary of a flow output: the shape of arrays and tensors, else the value as text."""
    shape = getattr(value, "shape", None)
    if shape is not None:
        return f"{type(value).__name__} {list(shape)} {getattr(value, 'dtype', '')}".rstrip()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {describe(v, 80)}" for k, v in list(value.items())[:8]) + "}"
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "..."


NODE_CLASS_MAPPINGS = {INPUT_MARKER: LokiInput, OUTPUT_MARKER: LokiOutput}
NODE_DISPLAY_NAME_MAPPINGS = {INPUT_MARKER: "📥 LOKI Input", OUTPUT_MARKER: "📤 LOKI Output"}
