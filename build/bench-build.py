#!/usr/bin/env python3
"""Benchmark of the LOKI library build (issue 5): full and no-change `dotnet build` of synthetic node libraries.

Creates libraries of 20, 200 and 1000 nodes (each: a LOKI Script, its config and name layer; the build derives the
LOKI Node and __init__.py) as SDK class libraries that import the Loki.Build targets, and prints the time of a full
build (first build: every node generated) and of a no-change build, each as a ratio to a plain `dotnet build` of an
empty class library measured in the same run. Every build is `dotnet build --no-restore` after one restore; each
time is the median of several runs.

usage: build/bench-build.py [--sizes 20,200,1000] [--repeat 3] [--keep]
"""
from __future__ import annotations

import argparse
import json
import os
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


def dotnet(*args: str, cwd: Path) -> float:
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    env.pop("LOKI_ARTIFACTS", None)
    start = time.perf_counter()
    result = subprocess.run(["dotnet", *args], cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"dotnet {' '.join(args)} failed in {cwd}:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}")
    return elapsed


def make_library(root: Path, nodes: int, tasks_dll: Path) -> Path:
    lib = root / f"lib{nodes}"
    for i in range(nodes):
        name = f"bench_node_{i:04d}"
        folder = lib / "nodes" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.py").write_text(SCRIPT)
        (folder / f"{name}.json").write_text(config(name))
        (folder / f"{name}_name.md").write_text(f"## Official Name\n\nBench Node {i}\n\n## TOKEN\n\n📈Bench{i}\n")
    (lib / "Library.csproj").write_text(project(True, tasks_dll))
    return lib


def clear_generated(lib: Path) -> None:
    shutil.rmtree(lib / "obj" / "Debug", ignore_errors=True)
    shutil.rmtree(lib / "bin", ignore_errors=True)
    for folder in (lib / "nodes").iterdir():
        for generated in (folder / "__init__.py", folder / f"{folder.name}_node.py"):
            generated.unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="20,200,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the temporary libraries")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    print("building the task assembly (Release)...", flush=True)
    dotnet("build", str(TASKS), "-c", "Release", "-v:q", "-nologo", cwd=ROOT)
    tasks_dll = TASKS / "bin" / "Release" / "net10.0" / "Loki.Build.Tasks.dll"

    root = Path(tempfile.mkdtemp(prefix="loki-bench-"))
    try:
        empty = root / "empty"
        empty.mkdir()
        (empty / "Empty.csproj").write_text(project(False, tasks_dll))
        dotnet("restore", str(empty), cwd=empty)
        dotnet("build", "--no-restore", cwd=empty)
        baseline = statistics.median(dotnet("build", "--no-restore", cwd=empty) for _ in range(args.repeat))
        print(f"empty class library, no-change build: {baseline:.2f} s (median of {args.repeat})")
        print(f"{'nodes':>6} {'full build':>11} {'ratio':>6} {'no-change':>10} {'ratio':>6}")
        for n in sizes:
            lib = make_library(root, n, tasks_dll)
            dotnet("restore", str(lib), cwd=lib)
            fulls, nochanges = [], []
            for _ in range(args.repeat):
                clear_generated(lib)
                fulls.append(dotnet("build", "--no-restore", cwd=lib))
                nochanges.append(dotnet("build", "--no-restore", cwd=lib))
            if not (lib / "nodes" / "bench_node_0000" / "bench_node_0000_node.py").exists():
                sys.exit("the library build did not generate the LOKI Node layer")
            full, nochange = statistics.median(fulls), statistics.median(nochanges)
            print(f"{n:>6} {full:>10.2f}s {full / baseline:>5.2f}x {nochange:>9.2f}s {nochange / baseline:>5.2f}x", flush=True)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
