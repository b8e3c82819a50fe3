#!/usr/bin/python3
"""Benchmark of workflow conversion (issue 10): LOKI against the two public anchors, same files, same run, as ratios.

The anchors (comfy-cli's converter and Seth Robinson's) are called through ../shared/tools/anchors/run.py, never
copied. Every measure is taken for all three tools in one round, interleaved, and rounds are repeated; the report
gives the median of the rounds and each LOKI time as a ratio to the anchors (and to the parse floor) measured in the
same round. The machine is usually shared, so CPU seconds (user+sys of the process, or the converting thread's CPU
where the protocol is in-process) are reported beside wall time, and the ratios use CPU.

Measures (the 249 frontend-made pairs of ../shared/corpus/frontend-pairs, the 0.3.64 reference schema):
  per-file   one process per file: `loki convert F --to api -o OUT` (the native build) against
             `python3 run.py --conv X --schema S F`, over a sample of files; floors `loki --help`, `python3 -c pass`;
             LOKI again with `--schemas D` for three dumps (the reference, a 508 KB and a 3.9 MB dump of other installs)
             against the shipped catalogue alone, each with LOKI's dump index cache warm and cold (a cache of its own)
  batch      the whole set in one process, end to end: `loki convert 'frontend-pairs/**/*.workflow.json' --to api -o DIR`
             (the 249 files, all converted, the layout kept) against one
             run.py pass (import, schema load, every file, every result written to a folder with --out)
             (each tool --batch-runs times per round, interleaved, the median kept)
  passes     the whole set in one process, CPU of a warm pass (median of the second half of N passes), for LOKI
             (tests/Loki.Benchmarks `passes`: the whole process's CPU, GC threads included), the anchors (thread CPU,
             as run.py reports it), and the floor: each file's bytes read and parsed by System.Text.Json's JsonDocument;
             also LOKI's loader alone (read, parse, model, checks) against that floor
  runtimes   the warm pass and the 976-node row again, each against the parse floor timed in the SAME process
             (`passes --floor`, alternated), in both runtimes: the JIT harness (the CLI's JIT settings) and the harness
             published as Native AOT with the native CLI's settings (the runtime the user gets); medians and means
             (the mean carries the collections a median step escapes)
  largest    the 976-node workflow converted repeatedly in one process, against a full parse of it: a FULL conversion
             for all three (the same node definitions: the reference, a dump defining its WAS nodes, and a one-class
             definition of 'ImageScaleFactor _O'; build/bench_inputs.py), checked to convert with no error first; the
             prompts' entry counts side by side
  error path LOKI on the original 976-node workflow with the reference alone (ends in LOKI1200: no writer), as before
  245-node   the largest frontend-made pair (large-graph-workflow.json, 245 nodes, reference), same protocol as largest

usage: /usr/bin/python3 build/bench-convert.py [--loki PATH] [--rounds 3] [--sample 12] [--passes 20] [--iters 30] [--batch-runs 3]
                                               [--loki-iters 300] [--json FILE] [--base-loki PATH] [--bench-native PATH]
With --base-loki an older native loki runs the batch and per-file rows too, alternated in the same rounds (before/after).
Without --loki the native build is published to artifacts/loki-native (needs clang: the Cake target `native`); without
--bench-native the Native AOT harness is published to artifacts/bench-native.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "/usr/bin/python3"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_inputs import KIRUTHIKA, LARGE_FRONTEND, LARGEST, OFFLINE, check_full, full_largest  # noqa: E402
from bench_report import med, report  # noqa: E402


def shared_dir() -> Path:
    env = os.environ.get("LOKI_SHARED")
    if env:
        return Path(env)
    for parent in [ROOT, *ROOT.parents]:
        if (parent / "shared" / "tools" / "anchors").is_dir():
            return parent / "shared"
    sys.exit("../shared (tools/anchors, corpus) not found; set LOKI_SHARED")


def run(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Runs a command; returns (wall s, CPU s of the child: user+sys, stdout). A failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd[:6])}...\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def summary(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def steady_cpu(stdout: str) -> float:
    """The warm CPU per pass or iteration; run.py leaves the steady median empty under 20 passes, so the warm one then.
    For LOKI the whole process's CPU (its collector and JIT threads included), not only the converting thread's."""
    s = summary(stdout)
    if s.get("steady_process_cpu_median_s") is not None:
        return s["steady_process_cpu_median_s"]
    return s["steady_cpu_median_s"] if s.get("steady_cpu_median_s") is not None else s["warm_cpu_median_s"]


def publish_native(project: str, out: Path, executable: str, what: str) -> Path:
    """`dotnet publish` of a project as Native AOT (needs clang) into `out`; returns its executable."""
    print(f"publishing {what} to {out} (Native AOT, a few minutes)...", flush=True)
    subprocess.run(["dotnet", "publish", str(ROOT / project), "-c", "Release", "-r", "linux-x64",
                    "-p:LokiNative=true", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out / executable


def native_loki(path: str | None) -> Path:
    return Path(path).resolve() if path else publish_native("src/Loki.Cli", ROOT / "artifacts" / "loki-native", "loki", "the native loki")


def harness() -> Path:
    subprocess.run(["dotnet", "build", "-c", "Release", str(ROOT / "tests" / "Loki.Benchmarks")], check=True, stdout=subprocess.DEVNULL)
    return ROOT / "tests" / "Loki.Benchmarks" / "bin" / "Release" / "net10.0" / "Loki.Benchmarks.dll"


def native_harness(path: str | None) -> Path:
    """tests/Loki.Benchmarks published as Native AOT with the native CLI's runtime settings (`passes` only)."""
    return Path(path).resolve() if path else publish_native("tests/Loki.Benchmarks", ROOT / "artifacts" / "bench-native", "Loki.Benchmarks", "the Native AOT harness")


def same_process(stdout: str) -> dict[str, float]:
    """A `passes --floor` summary: the step and the parse floor timed alternately in one process (process CPU)."""
    s = summary(stdout)
    return {"loki": s["steady_process_cpu_median_s"], "floor": s["floor_steady_process_cpu_median_s"],
            "loki mean": s["steady_process_cpu_mean_s"], "floor mean": s["floor_steady_process_cpu_mean_s"],
            "loki thread": s["steady_cpu_median_s"], "floor thread": s["floor_steady_cpu_median_s"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loki", help="the native loki executable (default: publish it)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", type=int, default=12, help="files in the one-process-per-file measure")
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--iters", type=int, default=30, help="conversions of one workflow per anchor run (no JIT: steady at once)")
    # The harness is JIT-compiled: tiered compilation moves the hot methods to optimised code only after ~30 calls and a
    # background delay, method by method, so the steady half of 30 iterations still ran partly unoptimised code. The
    # 976-node conversion (thread CPU, medians of 30) went 8.9, 6.9, 5.3, 5.0, 4.7, 4.5, 4.0, 4.5, 4.0, 3.9 ms over 300
    # iterations (its parse floor settles by the 60th): 300, steady = the last 150. Turning tiering off is no fix: fully
    # optimised first-call code misses what tier 1 learns (initialised static readonly fields as constants), slower still.
    ap.add_argument("--loki-iters", type=int, default=300, help="conversions of one workflow per harness run (steady: the second half)")
    ap.add_argument("--json", help="also write every number here")
    # An older native loki (e.g. a session's starting build) measured in the same rounds, alternated with the others, on
    # the batch and per-file rows: a before/after that both met the same load, never two runs minutes apart.
    ap.add_argument("--batch-runs", type=int, default=3, help="runs of each tool's whole-set batch per round (median)")
    ap.add_argument("--base-loki", help="also measure this native loki on the batch and per-file rows (before/after)")
    ap.add_argument("--bench-native", help="the Native AOT harness executable (default: publish it to artifacts/bench-native)")
    a = ap.parse_args()

    shared = shared_dir()
    anchors = shared / "tools" / "anchors"
    corpus = shared / "corpus"
    schema = corpus / "schemas" / "reference" / "comfyui-0.3.64-core.object_info.json"
    files = sorted(str(p) for p in (corpus / "frontend-pairs").rglob("*.workflow.json"))
    sample = files[:: max(1, len(files) // a.sample)][: a.sample]
    loki = native_loki(a.loki)
    base = Path(a.base_loki).resolve() if a.base_loki else None
    bench = harness()
    bench_native = native_harness(a.bench_native)
    work = Path(tempfile.mkdtemp(prefix="loki-bench-"))
    listing = work / "files.txt"
    listing.write_text("\n".join(files) + "\n")
    # The single-workflow rows: the 976-node workflow converted in full by all three (same node definitions), the same
    # workflow as it was measured before (LOKI ends in LOKI1200 there), and the largest frontend-made pair.
    largest, largest_dumps, largest_object_info, dropped = full_largest(corpus, work)
    largest_loki_entries = check_full(loki, largest, largest_dumps, work / "largest.api.json")
    large245 = corpus / LARGE_FRONTEND
    large245_loki_entries = check_full(loki, large245, [schema], work / "large245.api.json")
    other_dumps = {"508 KB dump": corpus / OFFLINE, "3.9 MB dump": corpus / KIRUTHIKA}
    dumps = {"the reference dump": schema, **other_dumps}
    # LOKI keeps an index of each --schemas dump it has read in a per-user cache (LOKI_CACHE_DIR): the benchmark gives it
    # a cache of its own, never the user's. "warm" runs find the dump's index there (every run after the first, the
    # goal's measure); "cold" runs get an empty cache each time (a dump's first use: read, index, write the cache).
    warm_cache = {"LOKI_CACHE_DIR": str(work / "cache")}
    for dump in dumps.values():  # the warm cache's first fill, untimed
        run([str(loki), "convert", sample[0], "--to", "api", "--schemas", str(dump), "-o", str(work / "prime.json")], env=warm_cache)
    serial = iter(range(1_000_000))  # fresh names: cold caches, per-file outputs

    def anchor(conv: str, *args: str, object_info: Path = schema) -> list[str]:
        return [PYTHON, str(anchors / "run.py"), "--conv", conv, "--schema", str(object_info), *args]

    def loki_passes(conv: str, *args: str, dumps: list[Path] | None = None, native: bool = False) -> list[str]:
        runner = [str(bench_native)] if native else ["dotnet", str(bench)]
        return [*runner, "passes", "--conv", conv, *[x for d in (dumps or [schema]) for x in ("--schema", str(d))], *args]

    rounds: list[dict] = []
    for r in range(a.rounds):
        print(f"round {r + 1}/{a.rounds}", flush=True)
        m: dict[str, dict[str, float]] = {}

        # one process per file (wall and CPU: median over the sample)
        per: dict[str, list[tuple[float, float]]] = {k: [] for k in ("loki", *[f"loki --schemas {d}{c}" for d in dumps for c in ("", " cold")], "seth", "comfycli", "loki --help", "python3 -c pass", *(["loki base"] if base else []))}
        (work / "one").mkdir(exist_ok=True)

        def loki_one(f: str, *args: str, env: dict[str, str] | None = None, binary: Path = loki) -> tuple[float, float]:
            # Every run writes a new file (an output that already holds the same bytes is not rewritten), and nothing is
            # deleted: ext4 scans past inodes deleted moments ago when it makes new ones, which would tax the next row.
            return run([str(binary), "convert", f, "--to", "api", *args, "-o", str(work / "one" / f"{next(serial)}.json")], env=env)[:2]

        for f in sample:
            per["loki"].append(loki_one(f, env=warm_cache))
            if base:
                per["loki base"].append(loki_one(f, env=warm_cache, binary=base))
            for name, dump in dumps.items():
                per[f"loki --schemas {name}"].append(loki_one(f, "--schemas", str(dump), env=warm_cache))
                per[f"loki --schemas {name} cold"].append(loki_one(f, "--schemas", str(dump), env={"LOKI_CACHE_DIR": str(work / "cold" / str(next(serial)))}))
            per["seth"].append(run(anchor("seth", f))[:2])
            per["comfycli"].append(run(anchor("comfycli", f))[:2])
            per["loki --help"].append(run([str(loki), "--help"])[:2])
            per["python3 -c pass"].append(run([PYTHON, "-c", "pass"])[:2])
        m["per_file"] = {k: {"wall": med([w for w, _ in v]), "cpu": med([c for _, c in v])} for k, v in per.items()}

        # whole set, one process, end to end
        # Every tool writes every result into a folder that does not exist yet (the anchors only write with --out;
        # LOKI's writes are atomic, a temporary file renamed, theirs plain). The last round's folder is moved aside, not
        # deleted: ext4 skips inodes deleted moments ago when it allocates new ones, so deleting 249 files just before
        # a run makes that run's file creation dearer (for whichever tool runs next), a cost of the harness, not the tool.
        def fresh(name: str) -> str:
            if (work / name).exists():
                (work / "old").mkdir(exist_ok=True)
                (work / name).rename(work / "old" / f"{name}-{next(serial)}")
            return str(work / name)

        # LOKI gets the glob (its own expansion is part of its time): named one by one, the files of the set that share
        # a name would clash in the flat output folder and 10 of them would not be converted; the glob keeps the layout.
        # The order turns each round, so that no tool is always the one that meets the file system's state first.
        batch = [("loki", lambda: [str(loki), "convert", str(corpus / "frontend-pairs") + "/**/*.workflow.json", "--to", "api", "-o", fresh("batch")]),
                 ("seth", lambda: anchor("seth", "--list", str(listing), "--out", fresh("seth-out"))),
                 ("comfycli", lambda: anchor("comfycli", "--list", str(listing), "--out", fresh("comfycli-out")))]
        if base:
            batch.insert(1, ("loki base", lambda: [str(base), "convert", str(corpus / "frontend-pairs") + "/**/*.workflow.json", "--to", "api", "-o", fresh("batch-base")]))
        # One batch run is one sample of a noisy machine (a neighbour's burst lands on whichever tool runs then), so
        # each round runs every tool --batch-runs times, interleaved, and keeps each tool's median.
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in batch}
        for _ in range(a.batch_runs):
            for name, cmd in batch[r % len(batch):] + batch[:r % len(batch)]:
                samples[name].append(run(cmd())[:2])
        m["batch"] = {name: {"wall": med([w for w, _ in v]), "cpu": med([c for _, c in v])} for name, v in samples.items()}

        # whole set, warm passes (thread CPU)
        p = str(a.passes)
        m["passes"] = {
            "loki": steady_cpu(run(loki_passes("convert", "--list", str(listing), "--passes", p))[2]),
            "loki loader": steady_cpu(run(loki_passes("load", "--list", str(listing), "--passes", p))[2]),
            "parse floor": steady_cpu(run(loki_passes("parse", "--list", str(listing), "--passes", p))[2]),
            "seth": steady_cpu(run(anchor("seth", "--list", str(listing), "--passes", p))[2]),
            "comfycli": steady_cpu(run(anchor("comfycli", "--list", str(listing), "--passes", p))[2]),
        }
        # The same warm pass against a parse floor timed in the same process, in the JIT harness and the native one.
        m["passes_runtimes"] = {rt: same_process(run(loki_passes("convert", "--list", str(listing), "--passes", p, "--floor", native=rt == "native"))[2])
                                for rt in ("jit", "native")}

        # single workflows converted repeatedly in one process; the prompts' entry counts come with the times
        it, lit = str(a.iters), str(a.loki_iters)

        def single(path: Path, dumps: list[Path], object_info: Path) -> dict[str, float]:
            row: dict[str, float] = {}
            for name, cmd in [("loki", loki_passes("convert", "--largest", str(path), "--iters", lit, dumps=dumps)),
                              ("loki loader", loki_passes("load", "--largest", str(path), "--iters", lit, dumps=dumps)),
                              ("parse floor", loki_passes("parse", "--largest", str(path), "--iters", lit, dumps=dumps)),
                              ("seth", anchor("seth", "--largest", str(path), "--iters", it, object_info=object_info)),
                              ("comfycli", anchor("comfycli", "--largest", str(path), "--iters", it, object_info=object_info))]:
                out = run(cmd)[2]
                row[name] = steady_cpu(out)
                s = summary(out)
                if name == "loki":
                    if not s["converted"]:
                        sys.exit(f"LOKI's conversion of {path.name} failed in the harness; the row would not be a full conversion")
                    row["loki entries"] = s["prompt_entries"]
                elif name in ("seth", "comfycli"):
                    row[f"{name} entries"] = s["prompt_nodes"]
            return row

        m["largest"] = single(largest, largest_dumps, largest_object_info)
        m["largest_runtimes"] = {rt: same_process(run(loki_passes("convert", "--largest", str(largest), "--iters", lit, "--floor", dumps=largest_dumps, native=rt == "native"))[2])
                                 for rt in ("jit", "native")}
        m["large245"] = single(large245, [schema], schema)
        original = str(corpus / LARGEST)
        m["largest_error"] = {
            "loki": steady_cpu(run(loki_passes("convert", "--largest", original, "--iters", lit))[2]),
            "parse floor": steady_cpu(run(loki_passes("parse", "--largest", original, "--iters", lit))[2]),
        }
        rounds.append(m)

    report(rounds, a, files, sample, dumps, other_dumps, base, largest_loki_entries, large245_loki_entries, dropped)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
