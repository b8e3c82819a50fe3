"""Flow files in a dispatcher process: each loaded once (reloaded when the file changes) and jobs checked against them.

A job's `flow` is a LOKI Flow script (`@FLOW.entry`) or any LOKI Script (`@script.entry`); both are `Script`s with
an interface. The client loads them to check inputs and find the node types a job uses; each worker loads them to
run jobs (the library must be at the same path on every machine, docs/dispatcher.md).
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import sys
import threading
from pathlib import Path
from typing import Any

from ..errors import Diagnostic, InputError
from ..script import Script
from . import codes
from .codes import DispatchError
from .jobs import Job

_LOCK = threading.Lock()  # workers of a threaded cluster share this process: load each file once
_LOADED: dict[str, tuple[tuple, Script]] = {}


def load(path: str) -> Script:
    """The Script (flow entry or LOKI Script) defined by the file at `path`."""
    file = Path(path)
    try:
        stat = file.stat()
    except OSError as ex:
        raise DispatchError.one(codes.JOB_FLOW_NOT_FOUND, f"cannot read the flow: {ex}", path) from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        cached = _LOADED.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        script = _import(file)
        _LOADED[path] = (stamp, script)
        return script


def _import(file: Path) -> Script:
    digest = hashlib.sha1(str(file).encode()).hexdigest()[:10]
    name = f"loki_dispatch_{file.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except (Exception, SystemExit) as ex:  # noqa: BLE001 - a script that exits on import is not a flow either
        sys.modules.pop(name, None)
        raise DispatchError.one(codes.JOB_FLOW_NOT_FOUND, f"cannot import the flow: {type(ex).__name__}: {ex}",
                                str(file)) from None
    scripts = [v for v in vars(module).values() if isinstance(v, Script)]
    if len(scripts) != 1:
        raise DispatchError.one(codes.JOB_FLOW_NOT_FOUND, f"a flow file defines exactly one @FLOW.entry or "
                                                          f"@script.entry function; this one defines {len(scripts)}",
                                str(file))
    return scripts[0]


def check_job(job: Job, script: Script) -> Job:
    """The job with its inputs checked against the flow: known names, widget values coerced, input files found
    (made absolute), required inputs given. Raises DispatchError naming the job's file and line."""
    interface = script.interface
    inputs: dict[str, Any] = {}
    for name, value in job.inputs.items():
        if name not in interface.input_names:
            _fail(job, codes.JOB_UNKNOWN_INPUT, f"the flow {Path(job.flow).name} has no input {name!r} (inputs: "
                                                f"{', '.join(interface.input_names) or 'none'})")
        port = interface.input(name)
        if port.is_file:
            inputs[name] = _files(job, name, value)
        elif port.is_widget:
            try:
                inputs[name] = port.coerce(value)
            except InputError as ex:
                _fail(job, codes.JOB_BAD_VALUE, f"input {ex}")
        else:
            inputs[name] = value
    for port in interface.inputs:
        if port.name not in inputs and port.required and not port.has_default:
            _fail(job, codes.JOB_BAD_VALUE, f"input {port.name!r} is required by {Path(job.flow).name}")
    return dataclasses.replace(job, inputs=inputs)


def node_types(job: Job, script: Script) -> set[str]:
    """The node types the job's flow graph holds (built with the job's inputs, nothing run); empty for a script."""
    flow = getattr(script, "flow", None)
    if flow is None or flow.function is None:
        return set()
    values = {p.name: (p.default if p.default is not None else [f"__{p.name}", 0]) for p in script.interface.inputs}
    values.update(job.inputs)
    try:
        graph = flow.capture(flow.function, **values)
    except Exception:  # noqa: BLE001 - a flow that cannot be built here fails on its worker, with its own error
        return set()
    return {node["class_type"] for node in graph.nodes.values()}


def _files(job: Job, name: str, value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        _fail(job, codes.JOB_BAD_VALUE, f"input {name!r} takes a file path or a list of them; got {value!r}")
    found = []
    for item in items:
        path = Path(item).expanduser()
        path = path if path.is_absolute() else job.folder / path
        if not path.is_file():
            _fail(job, codes.JOB_INPUT_FILE_NOT_FOUND, f"input {name!r}: no file {item!r} (relative to {job.folder})")
        found.append(str(path.resolve()))
    return found if isinstance(value, list) else found[0]


def _fail(job: Job, code: str, message: str):
    raise DispatchError([Diagnostic(code, message, job.source or None, line=job.line)])
