"""Jobs: a JSONL file of `{"flow": PATH, "inputs": {...}}` lines, or one flow with a CSV of inputs (one row a job).

Reading checks the file's shape only (JSON, fields, the flow file exists) and names the file and line of every
problem; `flows.check_job` then checks each job's inputs against its flow. Paths in a jobs file (the flow, input
files) are relative to the file's folder. Nothing here imports Dask or a flow.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..errors import Diagnostic
from . import codes
from .codes import DispatchError

FIELDS = ("flow", "inputs", "id", "gpu")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")  # a job's own output folder: safe on every file system


@dataclass(frozen=True)
class Job:
    """One run of one flow. `index` is its place in the jobs file (the report keeps that order), `line` its line."""

    index: int
    id: str
    flow: str
    inputs: Mapping[str, Any] = field(default_factory=dict)
    source: str = ""
    line: int = 0
    gpu: bool | None = None  # None: decided by routing (the flow's nodes); True/False: as the job says

    @property
    def folder(self) -> Path:
        """Where relative paths of this job are resolved: the jobs file's folder."""
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def where(self) -> str:
        return f"{self.source}({self.line})" if self.line else self.source


def read_jsonl(path: str | Path) -> list[Job]:
    """The jobs of a JSONL file; raises DispatchError naming every bad line."""
    path = Path(path)
    text = _read(path)
    jobs: list[Job] = []
    problems: list[Diagnostic] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as ex:
            problems.append(Diagnostic(codes.JOBS_INVALID_JSON, f"not JSON: {ex.msg} at column {ex.colno}", str(path),
                                       line=number))
            continue
        job = _job_of(data, len(jobs), path, number, problems)
        if job is not None:
            jobs.append(job)
    return _checked(jobs, problems, path)


def read_csv(flow: str | Path, path: str | Path) -> list[Job]:
    """One job per row of a CSV whose header names the flow's inputs; an empty cell leaves that input's default."""
    path = Path(path)
    text = _read(path)
    problems: list[Diagnostic] = []
    flow_path = resolve_flow(str(flow), Path.cwd())
    if flow_path is None:
        raise DispatchError.one(codes.JOB_FLOW_NOT_FOUND, f"no flow script at {flow} (a .py flow or LOKI Script, or a "
                                                          "node folder holding <n>.py)", str(flow))
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines)
    jobs: list[Job] = []
    header: list[str] | None = None
    try:
        start = 1
        for row in reader:
            number, start = start, reader.line_num + 1  # a quoted cell may span lines: report the row's first one
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                bad = [h for h in header if not h]
                twice = sorted({h for h in header if header.count(h) > 1})
                if bad or twice:
                    what = "an empty column name" if bad else f"the column {twice[0]!r} twice"
                    problems.append(Diagnostic(codes.CSV_MALFORMED, f"the header has {what}", str(path), line=number))
                    break
                continue
            if len(row) != len(header):
                problems.append(Diagnostic(codes.CSV_MALFORMED, f"{len(row)} cells where the header has {len(header)}",
                                           str(path), line=number))
                continue
            inputs = {name: cell for name, cell in zip(header, row) if cell != ""}
            jobs.append(Job(len(jobs), job_id(len(jobs)), str(flow_path), inputs, str(path), number))
    except csv.Error as ex:
        problems.append(Diagnostic(codes.CSV_MALFORMED, f"not CSV: {ex}", str(path), line=reader.line_num))
    if header is None and not problems:
        problems.append(Diagnostic(codes.NO_JOBS, "no header row (the flow's input names) and no jobs", str(path)))
    return _checked(jobs, problems, path)


def job_id(index: int) -> str:
    return f"job-{index + 1:04d}"


def resolve_flow(text: str, folder: Path) -> Path | None:
    """A flow script path (relative to `folder`), or a node folder holding `<n>.py`; None when neither exists."""
    path = Path(text).expanduser()
    path = path if path.is_absolute() else folder / path
    if path.is_dir():
        path = path / f"{path.name}.py"
    return path.resolve() if path.is_file() and path.suffix == ".py" else None


def _job_of(data: Any, index: int, path: Path, number: int, problems: list[Diagnostic]) -> Job | None:
    def bad(message: str) -> None:
        problems.append(Diagnostic(codes.JOB_BAD_FIELD, message, str(path), line=number))

    if not isinstance(data, dict):
        bad(f"a job is a JSON object with \"flow\" and \"inputs\"; got {type(data).__name__}")
        return None
    unknown = [k for k in data if k not in FIELDS]
    if unknown:
        bad(f"unknown field {unknown[0]!r} (a job has: {', '.join(FIELDS)})")
        return None
    flow, inputs, given_id, gpu = data.get("flow"), data.get("inputs", {}), data.get("id"), data.get("gpu")
    if not isinstance(flow, str) or not flow.strip():
        bad("\"flow\" must be the path of a flow script (a string)")
        return None
    if not isinstance(inputs, dict):
        bad(f"\"inputs\" must be an object of input name to value; got {type(inputs).__name__}")
        return None
    if given_id is not None and not (isinstance(given_id, str) and _ID.match(given_id)):
        bad(f"\"id\" must be a name of letters, digits, '.', '_' or '-' (it names the job's output folder); got {given_id!r}")
        return None
    if gpu is not None and not isinstance(gpu, bool):
        bad(f"\"gpu\" must be true or false; got {gpu!r}")
        return None
    flow_path = resolve_flow(flow, path.resolve().parent)
    if flow_path is None:
        problems.append(Diagnostic(codes.JOB_FLOW_NOT_FOUND, f"no flow script at {flow!r} (relative to {path.parent or '.'})",
                                   str(path), line=number))
        return None
    return Job(index, given_id or job_id(index), str(flow_path), inputs, str(path), number, gpu)


def _checked(jobs: list[Job], problems: list[Diagnostic], path: Path) -> list[Job]:
    seen: dict[str, Job] = {}
    for job in jobs:
        if job.id in seen:
            problems.append(Diagnostic(codes.JOB_BAD_FIELD, f"the id {job.id!r} is used by line {seen[job.id].line} too",
                                       str(path), line=job.line))
        seen.setdefault(job.id, job)
    if problems:
        raise DispatchError(problems)
    if not jobs:
        raise DispatchError.one(codes.NO_JOBS, "the file holds no job", str(path))
    return jobs


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DispatchError.one("LOKI0001", "jobs file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as ex:
        raise DispatchError.one("LOKI0002", f"cannot read the jobs file: {ex}", str(path)) from None
