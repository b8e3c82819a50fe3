"""The `loki` backend: runs a flow with the runtime's own executor, no ComfyUI needed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import flow_errors as codes
from ..executor import LokiExecutor
from ..flow_errors import FlowError, FlowValidationError
from ..node_registry import runtime_classes, shared_library
from .values import prompt_to_node_values, to_script_value


class LokiBackend:
    """Warm between calls: the library is imported once, node classes are reused."""

    name = "loki"

    def __init__(self, library_roots: list[Path], extra_classes: dict | None = None):
        self.library = shared_library(library_roots)
        self.extra_classes = dict(extra_classes or {})

    def classes_for(self, prompt: dict) -> dict:
        classes = runtime_classes()
        classes.update(self.extra_classes)
        if any(node.get("class_type") not in classes for node in prompt.values()):
            library = self.library.classes
            for class_type, cls in library.items():
                classes.setdefault(class_type, cls)
        return classes

    def run(self, graph, flow=None) -> dict[str, Any]:
        prompt = prompt_to_node_values(graph.prompt())
        classes = self.classes_for(prompt)
        executor = LokiExecutor(classes)
        targets = [link[0] for link in graph.outputs.values()]
        try:
            result = executor.run(prompt, targets)
        except FlowValidationError as ex:
            if ex.code == codes.UNKNOWN_NODE_TYPE and self.library.failures:
                raise FlowValidationError(ex.errors + [FlowError(codes.UNKNOWN_NODE_TYPE, f"library import failed: {f}")
                                                       for f in self.library.failures]) from ex
            raise
        return {name: to_script_value(result.value(link)) for name, link in graph.outputs.items()}
