"""`Flow.entry`: a flow function becomes a LOKI Script (contracts §2.1) whose seeds keep their control state.

The interface comes from `<n>.json` beside the flow when it exists, else from the function's signature
(`flow.Seed` defaults become INT ports with `control_after_generate`). Keyword-only parameters are runtime
options, not ports; `--backend`, `--comfyui` and `--server` are always there.
"""
from __future__ import annotations

import dataclasses
import inspect
from typing import Any

from .flow_seed import Seed, SeedState
from .interface import from_config, from_function
from .script import Option, Script, find_config

RUNTIME_OPTIONS = (
    Option("backend", "where the flow runs: loki (default), comfyui (in-process) or server",
           default="loki", choices=("loki", "comfyui", "server"), env="LOKI_BACKEND"),
    Option("comfyui", "ComfyUI folder for --backend comfyui (default: $COMFYUI_PATH)", env="COMFYUI_PATH"),
    Option("server", "ComfyUI server URL for --backend server (default: $COMFYUI_SERVER)", env="COMFYUI_SERVER"),
)


class FlowEntry(Script):
    """The Script of a flow; calling it from Python applies the seed controls between calls."""

    def __init__(self, flow, fn):
        parameters = inspect.signature(fn).parameters
        keyword_only = [p.name for p in parameters.values() if p.kind == p.KEYWORD_ONLY]
        self.flow = flow
        self.seed_states: dict[str, SeedState] = {
            p.name: p.default.state() for p in parameters.values() if isinstance(p.default, Seed)}
        flow.seeds = self.seed_states
        config = find_config(str(flow.path))
        if not (config and _same_node(config, flow)):
            config = None
        if config:
            interface = from_config(config, flow.name)
        else:
            interface = from_function(fn, flow.name, skip=keyword_only, source=str(flow.path))
        if not interface.outputs:
            interface = _with_captured_outputs(interface, flow, fn)
        # The flow function's own `backend` default (comfyui for a flow of ComfyUI nodes) is the flag's default.
        options = [dataclasses.replace(o, default=parameters[o.name].default, help=o.help.replace("loki (default)", "loki"))
                   if o.name in parameters and parameters[o.name].default is not inspect.Parameter.empty else o
                   for o in RUNTIME_OPTIONS]
        known = {o.name for o in options}
        for name in keyword_only:
            if name not in known:
                default = parameters[name].default
                options.append(Option(name, default=None if default is inspect.Parameter.empty else default))
        accepted = set(parameters)
        takes_any = any(p.kind == p.VAR_KEYWORD for p in parameters.values())

        def run_flow(**arguments: Any):
            flow.configure(comfyui=arguments.pop("comfyui", None), server=arguments.pop("server", None))
            if arguments.get("backend") is not None:
                flow.settings["backend"] = arguments["backend"]
            return fn(**{k: v for k, v in arguments.items() if takes_any or k in accepted})

        run_flow.__name__ = fn.__name__
        run_flow.__doc__ = fn.__doc__
        super().__init__(run_flow, interface, flow.path.parent, config, options)
        self.input_files: dict[str, str] = {}  # file inputs of the last prepare_inputs: IMAGE/MASK port -> file

    def saved_as_comfyui(self, name: str) -> bool:
        """Whether the last run's output ``name`` stands for a ComfyUI saver node (its file gets that node's pixels)."""
        return name in self.flow.savers

    def prepare_inputs(self, values: dict[str, Any]) -> dict[str, Any]:
        """Also remembers the file each one-file IMAGE/MASK input came from (the PNG metadata names it)."""
        import os

        one = {name: v[0] if isinstance(v, (list, tuple)) and len(v) == 1 else v for name, v in values.items()}
        self.input_files = {name: os.path.abspath(os.fspath(v)) for name, v in one.items()
                            if isinstance(v, (str, os.PathLike)) and os.path.isfile(v)
                            and name in self.interface.input_names
                            and self.interface.input(name).type in ("IMAGE", "MASK")}
        return super().prepare_inputs(values)

    def png_metadata(self, name: str) -> tuple[dict[str, str], int] | None:
        """The tEXt chunks and compress level ComfyUI's saver writes for output ``name`` of the last run (the API
        prompt ComfyUI would receive, the flow's UI workflow when it has one); None for an output no saver defines."""
        saver = self.flow.savers.get(name)
        if saver is None or self.flow.last_graph is None:
            return None
        from . import png_metadata

        prompt = png_metadata.prompt_of(self.flow.last_graph, self.input_files)
        return png_metadata.chunks(prompt, self.flow.workflow), png_metadata.COMPRESS_LEVEL[saver]

    def output_port(self, name: str, value: Any):
        """An output whose type could not be known before running (`*`) is saved by what its value is."""
        port = super().output_port(name, value)
        if port.type == "*":
            from . import files
            from .interface import Port

            return Port(name, files.guess_type(value))
        return port

    def __call__(self, *args: Any, **inputs: Any) -> dict[str, Any]:
        names = self.interface.input_names
        given = set(inputs) | set(names[:len(args)])
        from_state = [name for name in self.seed_states if name not in given or inputs.get(name) is None]
        for name in from_state:
            inputs[name] = self.seed_states[name].current
        try:
            return super().__call__(*args, **inputs)
        finally:
            for name in from_state:  # the frontend applies control_after_generate after queueing, even on failure
                self.seed_states[name].advance()


def _same_node(config: str, flow) -> bool:
    from pathlib import Path

    return Path(config).stem in (flow.path.stem, flow.path.parent.name)


def _with_captured_outputs(interface, flow, fn):
    """Outputs are declared by `g.output()`: build the graph once with placeholders to learn names and types."""
    import dataclasses

    from .flow_node import _output_type
    from .interface import Port

    values = {p.name: (p.default if p.default is not None else [f"\x00{p.name}", 0]) for p in interface.inputs}
    try:
        graph = flow.capture(fn, **values)
    except Exception:  # a flow that cannot be built with placeholders still runs; its outputs stay undeclared
        return interface
    roots = flow.library_roots()
    outputs = tuple(Port(name, _output_type(graph.nodes, link, roots)) for name, link in graph.outputs.items())
    return dataclasses.replace(interface, outputs=outputs)
