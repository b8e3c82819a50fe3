"""The run's results: one per job, in the jobs file's order, each job's output files committed once and atomically.

Only the client writes here. A job's files go to `<output>/<job id>/`: written to a hidden temporary folder beside
it, then renamed into place in one step, so a reader never sees half a job; a folder left by an earlier run of the
same id is replaced (or removed when the job failed this time). The report is a JSON list written the same way.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from . import codes, payload
from .engine import Outcome
from .jobs import Job


def entry(job: Job, outcome: Outcome, output: Path) -> dict[str, Any]:
    """The report entry of `job`, committing its output files under `output` (a failed job leaves none)."""
    result = outcome.value or {}
    error = outcome.error or result.get("error")
    ok = error is None and result.get("status") == "ok"
    try:
        folder = commit(output, job.id, result.get("files") or {} if ok else None)
    except OSError as ex:  # a full disk, a read-only folder: the job ran, but its result is not there
        ok, folder = False, output / job.id
        error = {"code": codes.OUTPUT_NOT_WRITTEN, "message": f"cannot write the job's outputs under {output}: {ex}"}
    return {
        "index": job.index,
        "id": job.id,
        "flow": job.flow,
        "source": job.source,
        "line": job.line,
        "status": "ok" if ok else "failed",
        "outputs": payload.resolve_outputs(result.get("outputs") or {}, folder) if ok else {},
        "worker": result.get("worker"),
        "reruns": outcome.reruns,
        "seconds": result.get("seconds"),
        "error": None if ok else error,
    }


def commit(output: Path, job_id: str, files: dict[str, bytes] | None) -> Path:
    """Puts `files` at `<output>/<job_id>/` in one rename; None removes what an earlier run left there."""
    final = output / job_id
    output.mkdir(parents=True, exist_ok=True)
    staged = None
    if files is not None:
        staged = output / f".{job_id}.{uuid.uuid4().hex}.tmp"
        for name, data in files.items():
            target = staged / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        staged.mkdir(exist_ok=True)
    if final.exists():
        old = output / f".{job_id}.{uuid.uuid4().hex}.old"
        os.rename(final, old)
        shutil.rmtree(old, ignore_errors=True)
    if staged is not None:
        os.rename(staged, final)
    return final


def write(entries: list[dict[str, Any]], path: Path) -> None:
    """The report (entries sorted by job index) as JSON, replacing `path` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    staged.write_text(json.dumps(sorted(entries, key=lambda e: e["index"]), indent=2, ensure_ascii=True) + "\n",
                      encoding="utf-8")
    os.replace(staged, path)


def summary(entries: list[dict[str, Any]]) -> str:
    failed = sum(1 for e in entries if e["status"] != "ok")
    workers = sorted({(e.get("worker") or {}).get("name") or "-" for e in entries if e["status"] == "ok"})
    return f"{len(entries)} jobs: {len(entries) - failed} ok, {failed} failed (workers: {', '.join(workers) or 'none'})"
