#!/usr/bin/python3
"""Benchmark of the dispatcher (issue 15): throughput of `python3 -m loki_runtime.dispatch` with 1 and 2 workers.

The same jobs (alternating photo_finish, LOKI nodes, and soft_glow, ComfyUI's own nodes, each on its own image) run
on the embedded LocalCluster, each worker serving its own copy of the real ComfyUI of ../shared/tools/comfyui
in-process (`--backend comfyui`). Throughput counts from the run's `workers` event (cluster up, every ComfyUI
imported: start-up is not dispatch) to its last job's end; rounds alternate 1 and 2 workers, and the median of the
rounds is reported with the ratio. CPU seconds of the whole process tree are printed beside, since the machine is
usually shared.

usage: /usr/bin/python3 build/bench-dispatch.py [--jobs 32] [--size 256] [--rounds 2] [--backend comfyui|loki]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "python"), str(ROOT / "src" / "python")]

import comfyui_tool  # noqa: E402
from dispatch_jobs import write_jobs  # noqa: E402


def run_once(jobs: Path, workers: int, backend: str, copies: list, work: Path) -> dict:
    events, out = work / f"events-{workers}.jsonl", work / f"out-{workers}"
    events.unlink(missing_ok=True)
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "loki_runtime.dispatch", str(jobs), "--workers", str(workers), "--backend",
               backend, "--output", str(out), "--report", str(work / "report.json"), "--events", str(events),
               "--no-progress", "--timeout", "600"]
    for copy in copies[:workers]:
        command += ["--comfyui", str(copy.comfyui)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(command, env=copies[0].env(ROOT / "src" / "python"), capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"the dispatcher failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    lines = [json.loads(line) for line in events.read_text().splitlines()]
    start = next(e["time"] for e in lines if e["event"] == "workers")
    ends = [e["time"] for e in lines if e["event"] == "job"]
    seconds = max(ends) - start
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"workers": workers, "jobs": len(ends), "seconds": seconds, "jobs_per_second": len(ends) / seconds,
            "cpu_seconds_total": cpu}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=32)
    parser.add_argument("--size", type=int, default=256, help="image side in pixels")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--backend", choices=("comfyui", "loki"), default="comfyui")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if comfyui_tool.why_absent():
        raise SystemExit(comfyui_tool.why_absent())
    work = Path(tempfile.mkdtemp(prefix="loki-bench-dispatch-"))
    try:
        copies = [comfyui_tool.ComfyUICopy(work / f"comfyui{i}") for i in range(2)]
        jobs = write_jobs(work / "jobs", args.jobs, args.size)
        runs = {1: [], 2: []}
        for _ in range(args.rounds):
            for workers in (1, 2):
                result = run_once(jobs, workers, args.backend, copies, work)
                runs[workers].append(result)
                print(f"  {workers} worker(s): {result['jobs']} jobs in {result['seconds']:.2f} s = "
                      f"{result['jobs_per_second']:.2f} jobs/s (CPU of the run, start-up included: "
                      f"{result['cpu_seconds_total']:.1f} s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = {w: statistics.median(r["jobs_per_second"] for r in rs) for w, rs in runs.items()}
    summary = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": platform.node(),
               "cpus": os.cpu_count(), "load_average": os.getloadavg(), "jobs": args.jobs, "size": args.size,
               "backend": args.backend, "rounds": args.rounds, "jobs_per_second": median,
               "ratio_2_to_1": median[2] / median[1]}
    print(f"throughput (median of {args.rounds}): 1 worker {median[1]:.2f} jobs/s, 2 workers {median[2]:.2f} jobs/s, "
          f"ratio {summary['ratio_2_to_1']:.2f}x ({args.jobs} jobs of {args.size}x{args.size} px, --backend "
          f"{args.backend}; {os.cpu_count()} CPUs, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())})")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "runs": runs}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
