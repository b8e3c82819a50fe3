"""A batch of flow jobs on a cluster: check every job first (nothing runs if one is wrong), route, run, report.

    entries = run_batch(client, prepare(jobs), Backends(kind="comfyui"), Path("out"), Progress(len(jobs)))
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Diagnostic
from . import flows, payload, report, routing, runner
from .codes import DispatchError
from .engine import Outcome, Task, run_tasks
from .jobs import Job
from .progress import Progress


@dataclass(frozen=True)
class Prepared:
    """A job checked against its flow (input paths absolute) and the task that runs it."""

    job: Job
    task: Task
    library_roots: tuple[str, ...] = ()


def prepare(jobs: list[Job], backends: runner.Backends) -> list[Prepared]:
    """Loads each job's flow here, checks the job, decides its resources and packs its input files. Every problem
    of every job is reported at once (DispatchError)."""
    token = uuid.uuid4().hex[:8]  # keys of this run never meet another run's on a shared scheduler
    prepared: list[Prepared] = []
    problems: list[Diagnostic] = []
    for job in jobs:
        try:
            script = flows.load(job.flow)
            checked = flows.check_job(job, script)
            flow = getattr(script, "flow", None)
            roots = tuple(str(r) for r in flow.library_roots()) if flow is not None else ()
            task = Task(f"loki-job-{token}-{job.id}", runner.run_job, (payload.pack_inputs(checked, script), backends),
                        routing.resources(checked, script))
            prepared.append(Prepared(checked, task, roots))
        except DispatchError as ex:
            # a problem of the flow file itself is reported at the job's line too, naming the flow
            problems.extend(d if d.line or not job.line else Diagnostic(d.code, f"{d.file}: {d.message}", job.source,
                                                                        line=job.line)
                            for d in ex.diagnostics)
    if problems:
        raise DispatchError(problems)
    return prepared


def run_batch(client: Any, prepared: list[Prepared], backends: runner.Backends, output: Path,
              progress: Progress) -> list[dict[str, Any]]:
    """Runs the prepared jobs; returns the report entries in job order (one per job)."""
    from .cluster import workers_of

    if backends.kind == "comfyui":  # each worker imports its ComfyUI now, all at once, not in its first job
        roots = sorted({r for p in prepared for r in p.library_roots})
        client.run(runner.warm_up, backends, roots, on_error="ignore")  # a broken one fails in its jobs, named
    progress.event("workers", workers=workers_of(client))
    by_key = {p.task.key: p.job for p in prepared}
    entries: dict[str, dict[str, Any]] = {}

    def done(outcome: Outcome) -> None:
        entries[outcome.key] = report.entry(by_key[outcome.key], outcome, output)
        progress.job_done(entries[outcome.key])

    outcomes = run_tasks(client, [p.task for p in prepared], done)
    for key, outcome in outcomes.items():  # reruns are known only at the end: the entries get them now
        entries[key]["reruns"] = outcome.reruns
    return sorted(entries.values(), key=lambda e: e["index"])
