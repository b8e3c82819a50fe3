"""What travels between the client and the workers: input files as bytes, output files as bytes.

Workers need not share a file system with the client: the client reads each job's input files and sends them with
the task; the worker writes them to its own scratch folder, runs the job there and sends its output files back; the
client alone writes them into the job's output folder (report.py). A rerun on another worker therefore touches
nothing the client can see.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..script import Script
from .jobs import Job

FILE_MARK = "__loki_file__"  # an output value that is a file the job wrote: {FILE_MARK: "relative/path.png"}


@dataclass(frozen=True)
class Blob:
    """An input file's name and bytes."""

    name: str
    data: bytes


def pack_inputs(job: Job, script: Script) -> Job:
    """The job with the paths of its file inputs (already checked and absolute) replaced by their bytes."""
    inputs = dict(job.inputs)
    for port in script.interface.inputs:
        value = inputs.get(port.name)
        if port.is_file and value is not None:
            paths = value if isinstance(value, list) else [value]
            blobs = [Blob(Path(p).name, Path(p).read_bytes()) for p in paths]
            inputs[port.name] = blobs if isinstance(value, list) else blobs[0]
    return dataclasses.replace(job, inputs=inputs)


def unpack_inputs(inputs: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The inputs with every Blob written under `folder` and replaced by its path."""
    result: dict[str, Any] = {}
    for name, value in inputs.items():
        if isinstance(value, Blob) or (isinstance(value, list) and value and all(isinstance(v, Blob) for v in value)):
            blobs = value if isinstance(value, list) else [value]
            target = folder / "inputs" / name
            target.mkdir(parents=True, exist_ok=True)
            paths = []
            for i, blob in enumerate(blobs):
                path = target / f"{i}_{blob.name}"
                path.write_bytes(blob.data)
                paths.append(str(path))
            result[name] = paths if isinstance(value, list) else paths[0]
        else:
            result[name] = value
    return result


def collect_outputs(shown: dict[str, Any], folder: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The outputs as the script's `--json` shows them, with paths under `folder` made file marks, and the bytes
    of every file written under it (relative POSIX paths)."""
    root = os.path.abspath(folder)

    def mark(value: Any) -> Any:
        if isinstance(value, list):
            return [mark(v) for v in value]
        if isinstance(value, str) and os.path.isabs(value) and os.path.abspath(value).startswith(root + os.sep):
            return {FILE_MARK: Path(os.path.relpath(value, root)).as_posix()}
        return value

    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    return {name: mark(v) for name, v in shown.items()}, files


def resolve_outputs(outputs: dict[str, Any], folder: Path) -> dict[str, Any]:
    """File marks turned into paths under the job's committed output `folder`."""

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict) and set(value) == {FILE_MARK}:
            return str(folder / value[FILE_MARK])
        return value

    return {name: resolve(v) for name, v in outputs.items()}
