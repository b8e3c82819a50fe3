"""The Dask cluster jobs run on: an embedded `LocalCluster` on this machine, or a real scheduler's (`tcp://HOST:8786`).

Local workers are processes (one job at a time each: a worker serves one ComfyUI, and ComfyUI's modules are
process-global) on loopback, with no dashboard and a scratch folder removed at the end; they declare a `GPU`
resource when this machine has CUDA (or as `resources` says). Everything started here is stopped when the `with`
ends, whatever happened.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from typing import Any, Iterator

from . import codes
from .codes import DispatchError


@contextlib.contextmanager
def open_cluster(workers: int | None = None, scheduler: str | None = None, resources: dict | None = None,
                 processes: bool = True, timeout: float = 60.0) -> Iterator[Any]:
    """A connected `distributed.Client`: to `scheduler` when given, else to a LocalCluster of `workers` workers."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as ex:
            raise DispatchError.one(codes.CLUSTER_UNAVAILABLE, f"no Dask scheduler answers at {scheduler}: {ex}") from None
        try:
            _wait_for_workers(client, 1, timeout, scheduler)
            yield client
        finally:
            client.close()
        return
    scratch = tempfile.mkdtemp(prefix="loki-dispatch-")
    cluster = client = None
    try:
        cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=processes, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR, local_directory=scratch,
                               resources=resources if resources is not None else local_resources())
        client = Client(cluster)
        _wait_for_workers(client, workers or 1, timeout, "the local cluster")
        yield client
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(scratch, ignore_errors=True)


def local_resources() -> dict:
    """`{"GPU": 1}` when torch sees a CUDA device on this machine, else none."""
    try:
        import torch
    except ImportError:
        return {}
    return {"GPU": 1} if torch.cuda.is_available() else {}


def workers_of(client: Any) -> list[dict[str, Any]]:
    """The cluster's workers now: name, address, host, pid and resources, sorted by name."""
    info = client.scheduler_info().get("workers", {})
    pids = client.run(os.getpid, on_error="return")  # the scheduler does not report them
    found = [{"name": str(w.get("name", address)), "address": address, "host": w.get("host"),
              "pid": pids.get(address) if isinstance(pids.get(address), int) else None,
              "resources": dict(w.get("resources") or {})} for address, w in info.items()]
    return sorted(found, key=lambda w: (len(w["name"]), w["name"]))


def _wait_for_workers(client: Any, count: int, timeout: float, what: str) -> None:
    try:
        client.wait_for_workers(count, timeout=timeout)
    except (OSError, TimeoutError) as ex:
        raise DispatchError.one(codes.CLUSTER_UNAVAILABLE, f"{what} has fewer than {count} worker(s) after "
                                                           f"{timeout:.0f} s: {ex}") from None
