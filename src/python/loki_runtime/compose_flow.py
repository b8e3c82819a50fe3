"""A composite LOKI Script run as its flow: `--backend loki` (or `comfyui`, `server`).

    @compose.entry(__file__)          # instead of @script.entry(__file__)
    def run(N):
        z = buttap_z(N=N)["z"]
        ...

Without a backend a composite calls its nodes in memory, one after the other (`compose.NodeCall`). With one, the
same `run` body is called once in capture mode: each node call adds that node to a flow graph (its LOKI class, the
values passed as links or constants) and hands back links in place of outputs; the script's inputs become
`LokiInput` markers and what it returns `LokiOutput`s. The graph then runs on the backend (`flow.Flow.execute`),
its nodes found in the composite's own library folder (the folder that holds its node folder), then in the roots
every flow knows (`LOKI_LIBRARY`, the pack or repository around). This is the graph the build compiles into the
composite's `<n>_workflow.json` (docs/decomposition.md), built by the runtime instead of read from the file.
"""
from __future__ import annotations

import contextvars
from collections.abc import Mapping
from typing import Any

from .errors import LokiError
from .script import Option, Script

OPTIONS = (
    Option("backend", "run the node calls as a flow on this backend (loki: the LOKI executor, comfyui, server); "
                      "default: call them in memory", choices=("loki", "comfyui", "server")),
    Option("comfyui", "ComfyUI folder for --backend comfyui (default: $COMFYUI_PATH)"),
    Option("server", "ComfyUI server URL for --backend server (default: $COMFYUI_SERVER)"),
)

LOADED_TYPES = ("IMAGE", "MASK")  # inputs the flow file feeds from a loader node (LoadImage, LoadImageMask)

_GRAPH: contextvars.ContextVar = contextvars.ContextVar("loki_compose_graph", default=None)


class CallOutputs(Mapping):
    """What a node call gives back while a graph is captured: a link per output, by name."""

    def __init__(self, node: str, handle, names: tuple[str, ...]):
        self.node, self.handle, self.names = node, handle, names

    def __getitem__(self, name: str) -> list:
        if name not in self.names:
            raise LokiError(f"LOKI node {self.node} has no output {name!r} (outputs: {', '.join(self.names)})")
        return self.handle.out(self.names.index(name))

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class ComposedScript(Script):
    """A composite's Script: in memory by default, as a flow on a backend when `backend=` (`--backend`) is given."""

    def invoke(self, prepared: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
        options = {k: v for k, v in (options or {}).items() if v is not None}
        backend = options.pop("backend", None)
        if backend is None:
            return super().invoke(prepared)
        return self.collect_outputs(run_as_flow(self, prepared, backend, **options))


def captured_call(node: str, script: Script, inputs: dict[str, Any]) -> CallOutputs | None:
    """The call as a node of the graph being captured, or None when none is (the call then runs in memory)."""
    graph = _GRAPH.get()
    if graph is None:
        return None
    from .comfy_adapter import mapping_key

    # A node in a prompt needs every widget: the defaults a call leaves out go in as constants, as the in-memory call
    # fills them (Script.prepare_inputs) and the grown flow file writes them into its widgets.
    defaults = {p.name: p.default for p in script.interface.inputs if p.name not in inputs and p.is_widget and p.has_default}
    handle = graph.node(mapping_key(script.interface.name), _title=node, **defaults, **inputs)
    return CallOutputs(node, handle, tuple(p.name for p in script.interface.outputs))


def capture(composite: ComposedScript, values: dict[str, Any]):
    """The composite's flow graph: its inputs as `LokiInput` markers holding `values` (constants or links), each
    node call a node, what it returns `LokiOutput`s. Nothing runs: this is also what a flow node expands."""
    from .flow import Graph

    graph = Graph()
    links = {}
    for port in composite.interface.inputs:
        # The ids of the flow file the build grows (CompositeFlowBuilder): a loader before an image or mask marker,
        # one marker per input, then one node per call, so that progress and errors name the nodes "Open flow" shows.
        if port.type in LOADED_TYPES:
            graph._allocate_id()
        if port.name in values:
            links[port.name] = graph.input(port.name, values[port.name], type=port.type)
        else:
            graph._allocate_id()
    token = _GRAPH.set(graph)
    try:
        returned = composite.function(**links)
    finally:
        _GRAPH.reset(token)
    if not isinstance(returned, Mapping):
        raise LokiError(f"{composite.name}: a composite returns its node calls' outputs by name, not {type(returned).__name__}")
    for name, link in returned.items():
        graph.output(name, link)
    return graph


def run_as_flow(composite: ComposedScript, prepared: dict[str, Any], backend: str, **settings: Any) -> dict[str, Any]:
    """Captures the composite's graph with `prepared` inputs and runs it on `backend`; the flow's outputs by name."""
    from .flow import Flow

    graph = capture(composite, prepared)
    flow = Flow(composite.folder / f"{composite.name}.py", name=composite.name, library=composite.folder.parent)
    flow.configure(**settings)
    return flow.execute(graph, backend=backend)
