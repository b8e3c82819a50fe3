"""Composite LOKI Scripts: a script whose `run()` calls other LOKI nodes of its library.

    from loki_runtime import compose, script

    image_levels = compose.node("image_levels", __file__)
    image_sharpen = compose.node("image_sharpen", __file__)

    @script.entry(__file__)
    def run(image, amount=0.8):
        leveled = image_levels(image=image, black_point=0.04)["image"]
        return {"image": image_sharpen(image=leveled, amount=amount)["image"]}

`node(name, near)` finds the node folder `<name>/` beside the folder of `near` (the script's own node folder: both
live in one library), else in the library roots the flow runtime knows (`LOKI_LIBRARY`, the pack or repository
around). It returns a caller that imports the node's LOKI Script on first use and runs it in memory (numpy in,
numpy out, the dict of outputs). The build reads these calls statically (`lokiast/composite.py`) and grows the
script's flow: one node per call (docs/decomposition.md).

`@compose.entry(__file__)` in place of `@script.entry(__file__)` gives the composite `--backend loki` (and
`run(..., backend="loki")`): its calls then run as its flow on that backend (`compose_flow`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import LokiError

NODE_NOT_FOUND = "LOKI6110"  # mirrors LokiCodes.ComposeNodeNotFound


class NodeNotFound(LokiError, LookupError):
    """A composite script names a node its library does not have."""

    code = NODE_NOT_FOUND


class NodeCall:
    """A library node's LOKI Script, imported on the first call (so binding at module level costs nothing)."""

    def __init__(self, name: str, near: str | Path | None):
        self.name = name
        self.near = Path(near).resolve() if near else None
        self._script = None

    @property
    def script(self):
        if self._script is None:
            from . import node_registry

            self._script = node_registry.script_of(self.folder())
        return self._script

    def folder(self) -> Path:
        from . import node_registry

        candidates = [self.near.parent.parent / self.name] if self.near else []
        for root in node_registry.library_roots(self.near):
            candidates += [root / "nodes" / self.name, root / self.name]
        for folder in candidates:
            if (folder / f"{self.name}.py").is_file():
                return folder
        raise NodeNotFound(f"{NODE_NOT_FOUND}: LOKI node '{self.name}' not found beside {self.near} nor in the library "
                           f"(looked in: {', '.join(str(c) for c in candidates)})")

    def __call__(self, **inputs: Any) -> dict[str, Any]:
        from . import compose_flow

        captured = compose_flow.captured_call(self.name, self.script, inputs)
        return self.script(**inputs) if captured is None else captured

    def __repr__(self) -> str:
        return f"compose.node({self.name!r})"


def node(name: str, near: str | Path | None = None) -> NodeCall:
    """The LOKI node `name` of the library `near` (a file of a sibling node folder, usually `__file__`) is in."""
    return NodeCall(name, near)


def entry(path: str | Path | None = None):
    """`script.entry` for a composite: the same Script, plus `--backend loki|comfyui|server` (run as its flow)."""
    from . import compose_flow, script

    def decorate(function):
        made = script.entry(path, options=compose_flow.OPTIONS)(function)
        return compose_flow.ComposedScript(made.function, made.interface, made.folder, made.config_path, made.options)

    return decorate
