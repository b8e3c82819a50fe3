"""`python3 -m loki_runtime.dispatch` (what `loki run` launches): many flow jobs on a Dask cluster, one JSON report.

    python3 -m loki_runtime.dispatch jobs.jsonl [--workers N | --scheduler tcp://HOST:8786]
        [--backend loki|comfyui|server] [--comfyui PATH]... [--server URL]... [--report FILE] [--output DIR]
    python3 -m loki_runtime.dispatch FLOW.py --csv inputs.csv ...

Exit 0 when every job succeeded, 1 when one failed (or the cluster could not be used), 2 for a bad jobs file or
bad options (`file(line): error LOKI80xx: ...`, nothing run). Details: docs/dispatcher.md.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from ..errors import Diagnostic
from . import codes, jobs as job_files
from .codes import DispatchError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loki run", description=__doc__.split("\n\n")[0])
    parser.add_argument("jobs", metavar="JOBS", help="a JSONL file of {\"flow\": PATH, \"inputs\": {...}} lines, or with "
                                                     "--csv the flow every row runs")
    parser.add_argument("--csv", metavar="FILE", help="one job per row: the header names the flow's inputs")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="workers of the embedded LocalCluster (default: "
                                                                "the CPU count, at most 4)")
    where.add_argument("--scheduler", metavar="URL", help="a running Dask scheduler, tcp://HOST:8786")
    parser.add_argument("--backend", choices=("loki", "comfyui", "server"),
                        help="where each worker runs flows (default: each flow's own default)")
    parser.add_argument("--comfyui", action="append", default=[], metavar="PATH",
                        help="ComfyUI folder for --backend comfyui; repeat to give each local worker its own")
    parser.add_argument("--server", action="append", default=[], metavar="URL",
                        help="ComfyUI server for --backend server; repeat to give each worker its own")
    parser.add_argument("--report", metavar="FILE", help="write the JSON report here (default: standard output)")
    parser.add_argument("--output", metavar="DIR", default="loki-run",
                        help="each job's output files go to DIR/<job id>/ (default: loki-run)")
    parser.add_argument("--events", metavar="FILE", help="append the run's events (workers, each job's end) as JSON lines")
    parser.add_argument("--resources", metavar="NAME=AMOUNT", action="append", default=None,
                        help="resources each local worker declares (default: GPU=1 when CUDA is available)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="draw a progress bar (default: when stderr is a terminal)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the cluster's workers")
    return parser


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _stop)  # a terminated run still stops its local cluster (the `with` blocks end)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("loki: error: interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("loki: error: terminated", file=sys.stderr)
        return 143


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as ex:
        return ex.code if isinstance(ex.code, int) else 2
    try:
        options = _checked_options(args)
        jobs = job_files.read_csv(args.jobs, args.csv) if args.csv else job_files.read_jsonl(args.jobs)
        from .batch import prepare
        from .runner import Backends

        backends = Backends(args.backend, tuple(args.comfyui), tuple(args.server))
        prepared = prepare(jobs, backends)
    except DispatchError as ex:
        _print_diagnostics(ex.diagnostics)
        return 2
    try:
        entries = _run(args, options, prepared, backends)
    except DispatchError as ex:
        _print_diagnostics(ex.diagnostics)
        return 1
    return _finish(args, entries)


def _run(args, options: dict, prepared, backends):
    from .batch import run_batch
    from .cluster import open_cluster
    from .progress import Progress

    progress = Progress(len(prepared), args.progress, args.events)
    try:
        with open_cluster(options["workers"], args.scheduler, options["resources"], timeout=args.timeout) as client:
            return run_batch(client, prepared, backends, Path(args.output).resolve(), progress)
    finally:
        progress.close()


def _finish(args, entries: list[dict]) -> int:
    from . import report

    if args.report:
        report.write(entries, Path(args.report))
    else:
        sys.stdout.write(json.dumps(entries, indent=2, ensure_ascii=True) + "\n")
    failed = [e for e in entries if e["status"] != "ok"]
    for e in failed:
        print(Diagnostic(e["error"]["code"], f"job {e['id']} failed: {e['error']['message']}", e["source"] or None,
                         line=e["line"]), file=sys.stderr)
    print(report.summary(entries), file=sys.stderr)
    if failed:
        print(Diagnostic(codes.JOBS_FAILED, f"{len(failed)} of {len(entries)} jobs failed"), file=sys.stderr)
        return 1
    return 0


def _checked_options(args) -> dict:
    problems = []
    if args.workers is not None and args.workers < 1:
        problems.append("--workers must be 1 or more")
    if args.scheduler and "://" not in args.scheduler:
        problems.append(f"--scheduler takes a URL such as tcp://HOST:8786; got {args.scheduler!r}")
    if args.backend == "server" and not args.server and not args.scheduler and not os.environ.get("COMFYUI_SERVER"):
        problems.append("--backend server on the local cluster needs --server URL (one per worker, or one for all)")
    if args.backend == "comfyui" and not args.comfyui and not args.scheduler and not os.environ.get("COMFYUI_PATH"):
        problems.append("--backend comfyui on the local cluster needs --comfyui PATH (or COMFYUI_PATH)")
    resources = None
    if args.resources is not None:
        resources = {}
        for item in args.resources:
            name, _, amount = item.partition("=")
            try:
                resources[name.strip()] = float(amount)
            except ValueError:
                problems.append(f"--resources takes NAME=AMOUNT (GPU=1); got {item!r}")
    if problems:
        raise DispatchError([Diagnostic(codes.BAD_OPTIONS, p) for p in problems])
    return {"workers": args.workers or min(os.cpu_count() or 1, 4), "resources": resources}


class _Terminated(BaseException):
    """SIGTERM, raised where the run is, so that every `finally` and `with` on the way out runs."""


def _stop(signum, frame):
    raise _Terminated()


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        print(d, file=sys.stderr)
