"""Runs tasks on a Dask cluster and gathers one outcome per task, whatever happens to the workers.

Dask runs a task again when the worker running it dies (at least once, not exactly once): up to
`distributed.scheduler.allowed-failures` deaths (default 3), then the task fails with `KilledWorker`. Tasks here
have no side effect the client sees (runner.py), so a rerun is harmless, and each task has one key and one future,
so the client gets one outcome per task: the first that finished. An exception inside a task is not retried
(no `retries=`): a flow that fails, fails once, with its error. A task that needs a resource no worker declares is
not submitted (it would wait forever); its outcome says so. `reruns` counts the deaths of workers that were
running the task (the scheduler's `suspicious` count).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from . import codes
from .cluster import workers_of


RELEASE_EVERY = 32  # finished tasks kept on the cluster at most (their results are held by the workers until then)


@dataclass(frozen=True)
class Task:
    key: str
    function: Callable
    args: tuple
    resources: dict | None = None


@dataclass(frozen=True)
class Outcome:
    key: str
    value: Any = None  # what the function returned
    error: dict | None = None  # {"code", "message"} when the task did not finish on any worker
    reruns: int = 0


def run_tasks(client: Any, tasks: list[Task], on_outcome: Callable[[Outcome], None] = lambda o: None) -> dict[str, Outcome]:
    """Submits every task, calls `on_outcome` as each one ends, returns the outcomes by key."""
    from distributed import as_completed

    outcomes: dict[str, Outcome] = {}
    declared = _declared_resources(client)
    futures = {}
    for task in tasks:
        missing = [r for r in (task.resources or {}) if r not in declared]
        if missing:
            outcome = Outcome(task.key, error={"code": codes.NO_WORKER_FOR_RESOURCES, "message":
                                               f"no worker of the cluster declares the resource {missing[0]!r} this job "
                                               f"needs (start one with --resources {missing[0]}=1)"})
            outcomes[task.key] = outcome
            on_outcome(outcome)
            continue
        futures[client.submit(task.function, *task.args, key=task.key, resources=task.resources)] = task
    finished: list = []
    for future in as_completed(list(futures)):
        finished.append(future)
        outcome = _outcome_of(future)
        outcomes[outcome.key] = outcome
        on_outcome(outcome)
        if len(finished) >= RELEASE_EVERY:
            _settle(client, finished, outcomes)
    _settle(client, finished, outcomes)
    return outcomes


def map_on_cluster(function: Callable, items: list, args: tuple, prefix: str,
                   on_outcome: Callable[[Any, Outcome], None] = lambda item, o: None, workers: int | None = None,
                   scheduler: str | None = None) -> list[Outcome]:
    """`function(item, *args)` for every item, on a cluster opened for the call (cluster.py); outcomes in item order."""
    import uuid

    from .cluster import open_cluster

    token = uuid.uuid4().hex[:8]
    tasks = [Task(f"{prefix}-{token}-{i}", function, (item, *args)) for i, item in enumerate(items)]
    by_key = {task.key: item for task, item in zip(tasks, items)}
    with open_cluster(workers, scheduler, resources={}) as client:
        outcomes = run_tasks(client, tasks, lambda outcome: on_outcome(by_key[outcome.key], outcome))
    return [outcomes[task.key] for task in tasks]


def _settle(client: Any, finished: list, outcomes: dict[str, Outcome]) -> None:
    """Reads the rerun counts of finished tasks, then releases them: their results leave the workers' memory."""
    for key, count in _reruns(client, [f.key for f in finished]).items():
        if count and key in outcomes:
            outcomes[key] = Outcome(key, outcomes[key].value, outcomes[key].error, count)
    for future in finished:
        future.release()
    finished.clear()


def _outcome_of(future: Any) -> Outcome:
    from distributed import KilledWorker

    if future.status == "finished":
        return Outcome(future.key, value=future.result())
    try:
        error = future.exception()
    except Exception as ex:  # noqa: BLE001 - a cancelled future (scheduler lost) has no exception to give
        error = ex
    if isinstance(error, KilledWorker):
        last = getattr(getattr(error, "last_worker", None), "address", "unknown")
        return Outcome(future.key, error={"code": codes.WORKER_DIED, "message": "every worker that ran this job died "
                                          f"(the last: {last}); Dask stops after distributed.scheduler.allowed-failures"})
    return Outcome(future.key, error={"code": codes.JOB_FAILED, "message": f"{type(error).__name__}: {error}"})


def _declared_resources(client: Any) -> set[str]:
    return {name for w in workers_of(client) for name, amount in w["resources"].items() if amount > 0}


def _reruns(client: Any, keys: list[str]) -> dict[str, int]:
    def suspicious(dask_scheduler, keys):
        return {k: dask_scheduler.tasks[k].suspicious for k in keys if k in dask_scheduler.tasks}

    try:
        return client.run_on_scheduler(suspicious, keys=keys)
    except Exception:  # noqa: BLE001 - a scheduler that refuses run_on_scheduler: counts unknown, results still good
        return {}
