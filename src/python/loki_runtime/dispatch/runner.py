"""The task a Dask worker runs: one job on this worker's backend, its outputs returned as bytes (payload.py).

Each worker serves one ComfyUI. Its backend settings come from the client (`Backends`: one ComfyUI folder or
server URL per local worker, picked by the worker's name) or, on a real cluster, from the worker's own
environment (`LOKI_BACKEND`, `COMFYUI_PATH`, `COMFYUI_SERVER`, set where the worker is started). The flow and its
warm backend stay loaded in the worker process between jobs (ComfyUI is imported once per worker).

A job never raises here: a failing flow is a result with its error, so Dask does not run it again; only a worker
that dies (or is lost) makes Dask run a task again elsewhere (engine.py). Running a job twice is harmless: it
writes nothing but its own scratch folder.
"""
from __future__ import annotations

import os
import socket
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import files
from . import codes, flows, payload
from .jobs import Job


@dataclass(frozen=True)
class Backends:
    """Where jobs run. `kind` None keeps each flow's own default backend; `comfyui`/`servers` are spread over the
    workers by name (worker 0 the first, worker 1 the second...); empty means: the worker's environment."""

    kind: str | None = None
    comfyui: tuple[str, ...] = ()
    servers: tuple[str, ...] = ()
    timeout: float = 600.0

    def for_worker(self, name: Any) -> dict[str, Any]:
        """The runtime options (`backend`, `comfyui`, `server`) of the worker called `name`."""
        index = _index(name)
        return {
            "backend": self.kind or os.environ.get("LOKI_BACKEND") or None,
            "comfyui": self.comfyui[index % len(self.comfyui)] if self.comfyui else os.environ.get("COMFYUI_PATH"),
            "server": self.servers[index % len(self.servers)] if self.servers else os.environ.get("COMFYUI_SERVER"),
        }


def worker_identity() -> dict[str, Any]:
    """The worker running this task: its name, address, host and process id (the report names it)."""
    try:
        from distributed import get_worker

        worker = get_worker()
        name, address = worker.name, worker.address
    except (ImportError, ValueError):  # called outside a Dask worker (a direct run)
        name, address = None, None
    return {"name": None if name is None else str(name), "address": address, "host": socket.gethostname(),
            "pid": os.getpid()}


def warm_up(backends: Backends, library_roots: list[str]) -> dict[str, Any]:
    """Imports this worker's ComfyUI and the jobs' library nodes before the first job (client.run)."""
    identity = worker_identity()
    options = backends.for_worker(identity["name"])
    if options["backend"] == "comfyui" and options["comfyui"]:
        from ..backends.comfyui import ComfyUIBackend

        ComfyUIBackend.open(options["comfyui"], [Path(r) for r in library_roots])
    return identity


def run_job(job: Job, backends: Backends) -> dict[str, Any]:
    """Runs `job` (inputs packed by payload.pack_inputs) and returns its result (see report.py for the fields)."""
    identity = worker_identity()
    options = backends.for_worker(identity["name"])
    start = time.perf_counter()
    result: dict[str, Any] = {"id": job.id, "worker": identity, "outputs": {}, "files": {}, "error": None}
    try:
        with tempfile.TemporaryDirectory(prefix=f"loki-{job.id}-", dir=_scratch()) as scratch:
            folder = Path(scratch)
            script = flows.load(job.flow)
            inputs = script.prepare_inputs(payload.unpack_inputs(dict(job.inputs), folder))
            if options["comfyui"]:
                os.environ.setdefault("COMFYUI_PATH", options["comfyui"])  # LOKI Scripts that wrap ComfyUI nodes
            known = {o.name for o in getattr(script, "options", ())}
            outputs = script.invoke(inputs, {k: v for k, v in options.items() if k in known and v is not None})
            saved_as_comfyui = getattr(script, "saved_as_comfyui", lambda name: False)
            out = folder / "outputs"
            shown = {name: files.save_output(script.output_port(name, value), value, out, 8, saved_as_comfyui(name))
                     for name, value in outputs.items()}
            out.mkdir(exist_ok=True)
            result["outputs"], result["files"] = payload.collect_outputs(shown, out)
        result["status"] = "ok"
    except Exception as ex:  # noqa: BLE001 - every failure of a job is its result, never a retry
        result["status"] = "failed"
        result["error"] = error_of(ex)
    result["seconds"] = round(time.perf_counter() - start, 3)
    return result


def error_of(ex: BaseException) -> dict[str, str]:
    """A job's error: the code of a LOKI error (a flow's LOKI3151...), else LOKI8051, and one line of message."""
    from ..cli import one_line

    code = getattr(ex, "code", None)
    diagnostics = getattr(ex, "diagnostics", None)
    if not code and diagnostics:
        code = diagnostics[0].code
    return {"code": code if isinstance(code, str) and code.startswith("LOKI") else codes.JOB_FAILED,
            "message": one_line(ex)}


def _scratch() -> str | None:
    """The worker's local directory (Dask removes it with the worker, even one that was killed)."""
    try:
        from distributed import get_worker

        return get_worker().local_directory
    except (ImportError, ValueError):
        return None


def _index(name: Any) -> int:
    text = str(name)
    return int(text) if text.isdigit() else zlib.crc32(text.encode())
