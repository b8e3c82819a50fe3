#!/usr/bin/env python3
"""Benchmark of the LOKI library build (issue 10): empty project, first full build and no-change rebuild.

Generates node libraries of the given sizes that mix LOKI Scripts (a script, its config and name layer; the build
derives the node, the one-node flow, __init__.py and the glamour) with LOKI Flows (a real ComfyUI workflow from
../shared/corpus/frontend-pairs, read at bench time into the temporary library, never into the repository; the
build derives config, flow script, flow node, __init__.py and the glamour). Each library is an SDK class library
importing the Loki.Build targets. Measured with `dotnet build --no-restore`, wall and CPU (this process's children):

- empty: the no-change build of an empty class library (the baseline), median of --rounds;
- full: the first build of each library (every node grown), --full-repeat times from a clean library;
- no-change: the build right after, median of --rounds; printed as a ratio to empty against the goal (1.5x).

Only corpus workflows that convert as flow nodes are used: a first probe build of every candidate keeps those that
grow a flow script (the others would be build errors, not a library). Flow nodes reuse them in turn when a library
needs more flow nodes than there are such workflows.

usage: build/bench-build.py [--sizes 100,300,1000] [--flow-share 0.3] [--rounds 5] [--full-repeat 1] [--keep]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TASKS = ROOT / "src" / "Loki.Build.Tasks"
BUILD = TASKS / "build"
GOAL = 1.5

SCRIPT = '''"""Scales an image by a factor."""
from loki_runtime import script


@script.entry(__file__)
def run(image, factor=1.0):
    return {"image": image * factor}


if __name__ == "__main__":
    raise SystemExit(run.main())
'''


def config(name: str) -> str:
    return json.dumps({
        "node_name": name,
        "version": "0.1.0",
        "description": "Scales an image by a factor.",
        "category": "bench",
        "inputs": {"image": {"type": "IMAGE"}, "factor": {"type": "FLOAT", "default": 1.0, "min": 0.0, "max": 4.0, "step": 0.1}},
        "outputs": {"image": {"type": "IMAGE"}},
    }, indent=2) + "\n"


def project(loki: bool, tasks_dll: Path) -> str:
    imports = (f'  <Import Project="{BUILD}/Loki.Build.props" />\n', f'  <Import Project="{BUILD}/Loki.Build.targets" />\n') if loki else ("", "")
    props = f"    <LokiTasksAssembly>{tasks_dll}</LokiTasksAssembly>\n    <EnableDefaultNoneItems>false</EnableDefaultNoneItems>\n" if loki else ""
    return (
        '<Project Sdk="Microsoft.NET.Sdk">\n'
        + imports[0]
        + "  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n"
        + props
        + "  </PropertyGroup>\n"
        + imports[1]
        + "</Project>\n"
    )


def dotnet(*args: str, cwd: Path, check: bool = True) -> tuple[float, float]:
    """Runs dotnet; returns (wall seconds, CPU seconds of the children: user + system)."""
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    env.pop("LOKI_ARTIFACTS", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(["dotnet", *args], cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and result.returncode != 0:
        sys.exit(f"dotnet {' '.join(args)} failed in {cwd}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# Every build: no MSBuild node or compiler server left running, so each build's CPU is counted in its own process tree.
BUILD_ARGS = ("build", "--no-restore", "--disable-build-servers", "-nodeReuse:false")


def corpus() -> Path:
    path = Path(os.environ.get("LOKI_CORPUS") or ROOT.parent / "shared" / "corpus")
    if not (path / "frontend-pairs").is_dir():
        sys.exit(f"the shared corpus is missing: {path} (set LOKI_CORPUS or put shared/ beside the repository)")
    return path


def write_flow(lib: Path, name: str, workflow: Path) -> None:
    folder = lib / "nodes" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}_workflow.json").write_bytes(workflow.read_bytes())


def convertible_flows(root: Path, tasks_dll: Path) -> list[Path]:
    """The frontend-pairs workflows that the library build grows into flow nodes (one probe build, no glamours)."""
    candidates = sorted((corpus() / "frontend-pairs").rglob("*.workflow.json"))
    probe = root / "probe"
    for i, workflow in enumerate(candidates):
        write_flow(probe, f"probe_{i:04d}", workflow)
    (probe / "Probe.csproj").write_text(project(True, tasks_dll))
    dotnet("restore", str(probe), cwd=probe)
    dotnet(*BUILD_ARGS, "-p:LokiGlamours=false", cwd=probe, check=False)
    kept = [w for i, w in enumerate(candidates) if (probe / "nodes" / f"probe_{i:04d}" / f"probe_{i:04d}.py").exists()]
    shutil.rmtree(probe, ignore_errors=True)
    return kept


def make_library(root: Path, nodes: int, flows: list[Path], flow_share: float, tasks_dll: Path) -> tuple[Path, int]:
    lib = root / f"lib{nodes}"
    flow_count = round(nodes * flow_share) if flows else 0
    # Flow nodes spread through the library (every k-th folder), so they are not all built in one batch.
    every = nodes / flow_count if flow_count else 0
    flow_slots = {int(k * every) for k in range(flow_count)}
    f = 0
    for i in range(nodes):
        if i in flow_slots:
            write_flow(lib, f"bench_flow_{i:04d}", flows[f % len(flows)])
            f += 1
            continue
        name = f"bench_node_{i:04d}"
        folder = lib / "nodes" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.py").write_text(SCRIPT)
        (folder / f"{name}.json").write_text(config(name))
        (folder / f"{name}_name.md").write_text(f"## Official Name\n\nBench Node {i}\n\n## TOKEN\n\n📈Bench{i}\n")
    (lib / "Library.csproj").write_text(project(True, tasks_dll))
    return lib, f


def clear_generated(lib: Path) -> None:
    """Back to what a person wrote: the generated layers and glamours go, with obj/ and bin/."""
    shutil.rmtree(lib / "obj" / "Debug", ignore_errors=True)
    shutil.rmtree(lib / "bin", ignore_errors=True)
    for folder in (lib / "nodes").iterdir():
        if folder.name.startswith("bench_flow_"):
            authored = {f"{folder.name}_workflow.json"}
        else:
            authored = {f"{folder.name}.py", f"{folder.name}.json", f"{folder.name}_name.md"}
        for item in folder.iterdir():
            if item.name not in authored:
                shutil.rmtree(item) if item.is_dir() else item.unlink()


def measure(lib: Path, rounds: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = dotnet(*BUILD_ARGS, cwd=lib)
        walls.append(wall)
        cpus.append(cpu)
    return walls, cpus


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--flow-share", type=float, default=0.3, help="share of flow nodes in each library (default 0.3)")
    parser.add_argument("--rounds", type=int, default=5, help="no-change builds per library and empty builds (median)")
    parser.add_argument("--full-repeat", type=int, default=1, help="first full builds per library, each from a clean library")
    parser.add_argument("--keep", action="store_true", help="keep the temporary libraries")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"machine: {os.cpu_count()} cores, load {load()} (1/5/15 min)", flush=True)
    print("building the task assembly (Release)...", flush=True)
    dotnet("build", str(TASKS), "-c", "Release", "-v:q", "-nologo", cwd=ROOT)
    tasks_dll = TASKS / "bin" / "Release" / "net10.0" / "Loki.Build.Tasks.dll"

    root = Path(tempfile.mkdtemp(prefix="loki-bench-"))
    try:
        flows = convertible_flows(root, tasks_dll) if args.flow_share > 0 else []
        print(f"corpus: {len(flows)} frontend-pairs workflows convert as flow nodes", flush=True)

        empty = root / "empty"
        empty.mkdir()
        (empty / "Empty.csproj").write_text(project(False, tasks_dll))
        dotnet("restore", str(empty), cwd=empty)
        dotnet(*BUILD_ARGS, cwd=empty)
        walls, cpus = measure(empty, args.rounds)
        base_wall, base_cpu = statistics.median(walls), statistics.median(cpus)
        print(f"empty class library, no-change build: {base_wall:.2f} s wall, {base_cpu:.2f} s CPU (median of {args.rounds}; "
              f"all wall: {', '.join(f'{w:.2f}' for w in walls)}); load {load()}", flush=True)
        print(f"{'nodes':>6} {'flows':>5} | {'full wall':>9} {'CPU':>7} | {'no-change wall':>14} {'ratio':>6} {'CPU':>6} {'ratio':>6} | goal {GOAL}x | load")
        for n in sizes:
            lib, flow_nodes = make_library(root, n, flows, args.flow_share, tasks_dll)
            dotnet("restore", str(lib), cwd=lib)
            fulls, nochange_walls, nochange_cpus = [], [], []
            for _ in range(args.full_repeat):
                clear_generated(lib)
                fulls.append(dotnet(*BUILD_ARGS, cwd=lib))
                walls, cpus = measure(lib, args.rounds)
                nochange_walls += walls
                nochange_cpus += cpus
            if not (lib / "nodes" / "bench_node_0001" / "bench_node_0001_node.py").exists():
                sys.exit("the library build did not grow the LOKI Node layer")
            if flow_nodes and not any((lib / "nodes").glob("bench_flow_*/bench_flow_*_node.py")):
                sys.exit("the library build did not grow the flow nodes")
            full_wall = statistics.median(w for w, _ in fulls)
            full_cpu = statistics.median(c for _, c in fulls)
            wall, cpu = statistics.median(nochange_walls), statistics.median(nochange_cpus)
            verdict = "met" if wall / base_wall <= GOAL else "NOT met"
            print(f"{n:>6} {flow_nodes:>5} | {full_wall:>8.2f}s {full_cpu:>6.2f}s | {wall:>13.2f}s {wall / base_wall:>5.2f}x {cpu:>5.2f}s {cpu / base_cpu:>5.2f}x | {verdict:>8} | {load()}", flush=True)
            print(f"       no-change wall, every round: {', '.join(f'{w:.2f}' for w in nochange_walls)}", flush=True)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
