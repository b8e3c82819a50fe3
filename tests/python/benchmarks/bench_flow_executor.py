"""Benchmark of the LOKI executor against ComfyUI's own executor on the same prompts (run by hand):

    /usr/bin/python3 tests/python/benchmarks/bench_flow_executor.py [COMFYUI_PATH]

With the real ComfyUI of ../shared/tools/comfyui: copy it (cp -r ../shared/tools/comfyui /tmp/c), then
PYTHONPATH=/tmp/c/stubs:/tmp/c/shims:/tmp/c/vendor ... bench_flow_executor.py /tmp/c/ComfyUI.

Prompts: a chain of 500 `Add` nodes, and 100 expanding nodes (each adds two inner nodes). Prints the median
of 5 runs per executor and the ratio. Without a ComfyUI path only the LOKI executor is timed.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[2] / "src" / "python")]

from flow_test_nodes import CLASSES  # noqa: E402
from loki_runtime import flow  # noqa: E402
from loki_runtime.backends.loki import LokiBackend  # noqa: E402


def chain(n: int) -> flow.Graph:
    g = flow.Graph()
    last = g.node("Number", value=1)
    for _ in range(n):
        last = g.node("Add", a=last, b=1)
    g.output("value", last.out(0))
    return g


def expansions(n: int) -> flow.Graph:
    g = flow.Graph()
    last = g.node("Number", value=0)
    for _ in range(n):
        last = g.node("AddTwice", value=last.out(0), amount=1)
    g.output("value", last.out(0))
    return g


def median_seconds(run, graph, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(graph)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(comfyui: str | None) -> None:
    loki = LokiBackend([], extra_classes=CLASSES)
    comfy = None
    if comfyui:
        from loki_runtime.backends.comfyui import ComfyUIBackend

        comfy = ComfyUIBackend.open(comfyui)
        for name, cls in CLASSES.items():
            comfy.nodes.NODE_CLASS_MAPPINGS.setdefault(name, cls)
        comfy.executor.cache_type = False
    for name, graph in (("chain of 500 Add", chain(500)), ("100 expansions", expansions(100))):
        ours = median_seconds(loki.run, graph)
        line = f"{name:20s} loki {ours * 1000:8.1f} ms"
        if comfy is not None:
            # a fresh executor per run: ComfyUI would otherwise answer from its cache
            def fresh(g):
                comfy.executor.reset()
                return comfy.run(g)

            theirs = median_seconds(fresh, graph)
            line += f"   comfyui {theirs * 1000:8.1f} ms   ratio comfyui/loki {theirs / ours:5.1f}x"
        print(line)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
