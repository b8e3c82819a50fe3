"""The `loki` backend: runs a flow with the runtime's own executor, no ComfyUI needed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import flow_errors as codes
from ..executor import LokiExecutor
from ..flow_errors import FlowError, FlowValidationError
from ..node_registry import runtime_classes, shared_library
from .values import opaque_markers, prompt_to_node_values, to_script_value


class LokiBackend:
    """Warm between calls: the library is imported once, node classes are reused."""

    name = "loki"

    def __init__(self, library_roots: list[Path], extra_classes: dict | None = None):
        self.library = shared_library(library_roots)
        self.extra_classes = dict(extra_classes or {})

    def classes_for(self, prompt: dict | None = None) -> "_Classes":
        classes = runtime_classes()
        classes.update(self.extra_classes)
        return _Classes(classes, self.library)

    def run(self, graph, flow=None) -> dict[str, Any]:
        prompt = graph.prompt()
        classes = self.classes_for(prompt)
        prompt = prompt_to_node_values(prompt, keep=opaque_markers(prompt, classes))
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


class _Classes(dict):
    """The runtime's classes, falling back to the library (imported on the first unknown type, expansions too)."""

    def __init__(self, own: dict, library):
        super().__init__(own)
        self._library = library

    def _lookup(self, key):
        if not dict.__contains__(self, key):
            cls = self._library.classes.get(key)
            if cls is None:
                return None
            self[key] = cls
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        found = self._lookup(key)
        return default if found is None else found

    def __contains__(self, key):
        return self._lookup(key) is not None

    def __getitem__(self, key):
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found
