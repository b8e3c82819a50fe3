"""Small V1 node classes that exercise the executor contract (lists, expansion, lazy inputs, errors)."""
from loki_runtime.graph_builder import graph_builder_class


class Number:
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {"default": 0, "min": -100, "max": 100})}}

    def run(self, value):
        return (value,)


class Add:
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)
    calls = 0

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"a": ("INT", {}), "b": ("INT", {"default": 0})}}

    def run(self, a, b):
        Add.calls += 1
        return (a + b,)


class Range3:
    """Outputs the list [start, start+1, start+2] (OUTPUT_IS_LIST)."""
    FUNCTION = "run"
    RETURN_TYPES = ("INT", "STRING")
    OUTPUT_IS_LIST = (True, False)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"start": ("INT", {})}}

    def run(self, start):
        return ([start, start + 1, start + 2], f"from {start}")


class Sum:
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)
    INPUT_IS_LIST = True

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"values": ("INT", {}), "offset": ("INT", {"default": 0})}}

    def run(self, values, offset):
        assert isinstance(values, list) and isinstance(offset, list)
        return (sum(values) + offset[0],)


class Collect:
    OUTPUT_NODE = True
    FUNCTION = "run"
    RETURN_TYPES = ()

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {})}}

    def run(self, value):
        return {"ui": {"values": [value]}}


class Fail:
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {})}}

    def run(self, value):
        raise RuntimeError(f"cannot handle {value}")


class AddTwice:
    """Expands into two Add nodes: value + amount + amount (node expansion with GraphBuilder)."""
    FUNCTION = "run"
    RETURN_TYPES = ("INT", "STRING")

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {"rawLink": True}), "amount": ("INT", {"default": 1})},
                "hidden": {"unique_id": "UNIQUE_ID"}}

    def run(self, value, amount, unique_id):
        g = graph_builder_class()()
        first = g.node("Add", a=value, b=amount)
        second = g.node("Add", a=first.out(0), b=amount)
        return {"result": (second.out(0), f"expanded {unique_id}"), "expand": g.finalize()}


class AddTwiceEach(AddTwice):
    """AddTwice without rawLink: called once per list item, each call with its own id prefix."""

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {}), "amount": ("INT", {"default": 1})},
                "hidden": {"unique_id": "UNIQUE_ID"}}


class AddTwiceNested:
    """Expands into an AddTwice (nested expansion) followed by a Fail when `fail` is set."""
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"value": ("INT", {"rawLink": True}), "fail": ("BOOLEAN", {"default": False})}}

    def run(self, value, fail):
        g = graph_builder_class()()
        inner = g.node("AddTwice", value=value, amount=10)
        last = g.node("Fail", value=inner.out(0)) if fail else inner
        return {"result": (last.out(0),), "expand": g.finalize()}


class Choose:
    """Lazy inputs: only the chosen branch is evaluated."""
    FUNCTION = "run"
    RETURN_TYPES = ("INT",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"use_a": ("BOOLEAN", {}), "a": ("INT", {"lazy": True}), "b": ("INT", {"lazy": True})}}

    def check_lazy_status(self, use_a, a, b):
        wanted = "a" if use_a else "b"
        return [wanted] if (a if use_a else b) is None else []

    def run(self, use_a, a, b):
        return (a if use_a else b,)


class Text:
    FUNCTION = "run"
    RETURN_TYPES = ("STRING",)

    @classmethod
    def INPUT_TYPES(cls):
        return {"required": {"text": ("STRING", {})}, "optional": {"mode": (["upper", "lower"], {"default": "upper"})}}

    def run(self, text, mode="upper"):
        return (text.upper() if mode == "upper" else text.lower(),)


CLASSES = {c.__name__: c for c in (Number, Add, Range3, Sum, Collect, Fail, AddTwice, AddTwiceEach, AddTwiceNested, Choose, Text)}
