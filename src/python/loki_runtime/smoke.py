"""Smoke tests of a LOKI library: every node's examples through its LOKI Script and its LOKI Node, compared.

    python3 -m loki_runtime.smoke --library nodes [--report artifacts/smoke/report.json] [--device cpu|cuda]

For each example in ``<n>.json``: the script runs as a subprocess on CPU (``--json``, outputs in a temp folder);
the node is imported with :func:`loki_runtime.loader.load_pack` and called as ComfyUI calls it, with tensors; the
outputs must agree (images and masks within one 8-bit step, values exactly) and match the example's ``expect``.
Nodes with ``"device": "cuda"`` also run on CUDA and must agree with their CPU run; without CUDA that run is
*skipped*, never passed. Nodes that wrap a ComfyUI node need ComfyUI (``COMFYUI_PATH``) and are skipped without it.
Prints a summary table; exit 1 when anything failed, 3 with ``--require-cuda`` when CUDA is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import smoke_values as values

RUNTIME_OPTIONS = ("output", "json", "png_bits", "help")


@dataclass
class SmokeRun:
    """One example of one node on one device."""

    node: str
    example: str
    kind: str
    device: str
    status: str = "passed"  # passed | failed | skipped
    reason: str = ""
    script_seconds: float | None = None
    node_seconds: float | None = None
    details: list = field(default_factory=list)

    def fail(self, reason: str) -> "SmokeRun":
        self.status, self.reason = "failed", reason
        return self

    def skip(self, reason: str) -> "SmokeRun":
        self.status, self.reason = "skipped", reason
        return self


def node_kind(folder: Path, config: dict) -> str:
    """How the node started: wrapping a ComfyUI node, a flow, a wrapped function, or a LOKI Script."""
    if config.get("comfy"):
        return "comfy"
    if config.get("flow"):
        return "flow"
    source = str((config.get("loki") or {}).get("source", ""))
    if source.endswith("_workflow.json") or (folder / f"{folder.name}_workflow.json").is_file() and not (folder / f"{folder.name}.py").is_file():
        return "flow"
    if (folder / "src").is_dir() or source.endswith(".py") and not source.endswith(f"{folder.name}.py"):
        return "function"
    return "script"


def run_script(folder: Path, interface, example: dict, out_dir: str, python: str, timeout: float) -> dict:
    """Runs ``<n>.py`` with the example's inputs as flags; returns its ``--json`` object. Raises on failure."""
    argv = [python, str(folder / f"{folder.name}.py")]
    for name, value in (example.get("inputs") or {}).items():
        port = interface.input(name)
        flag = f"--in-{name.replace('_', '-')}" if name in RUNTIME_OPTIONS else port.flag
        value = values.absolute_inputs(port, value, str(folder))
        if isinstance(value, (list, tuple)) and port.is_file:
            argv += [flag, *map(str, value)]
        elif isinstance(value, bool):
            argv += [flag, "true" if value else "false"]
        elif port.is_opaque:
            argv += [flag, json.dumps(value)]
        else:
            argv += [flag, str(value)]
    argv += ["--output", out_dir, "--json"]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.pathsep.join(
        [str(Path(__file__).resolve().parent.parent), *filter(None, [os.environ.get("PYTHONPATH")])]))
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=env, cwd=str(folder))
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"script exit {done.returncode}: {last}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_node(folder: Path, interface, example: dict, device: Any = None) -> dict:
    """Imports the node folder as ComfyUI does and calls its function with tensors; returns outputs by name."""
    from . import comfy_adapter, loader

    if not (folder / "__init__.py").is_file():
        raise RuntimeError("no __init__.py: ComfyUI cannot import this node (build the library first)")
    mappings = loader.load_pack(str(folder), name=f"loki_smoke_{folder.name}")
    key = comfy_adapter.mapping_key(folder.name)
    cls = mappings.get(key) or next(iter(mappings.values()))
    kwargs = {p.name: p.default for p in interface.inputs if p.has_default}
    for name, raw in (example.get("inputs") or {}).items():
        port = interface.input(name)
        value = values.absolute_inputs(port, raw, str(folder))
        kwargs[name] = values.to_node_value(port, values.load_file_input(port, value) if port.is_file else value, device)
    result = getattr(cls(), cls.FUNCTION)(**kwargs)
    if isinstance(result, dict) and "expand" in result:
        result = _run_expansion(mappings, key, cls, kwargs)
    elif isinstance(result, dict):
        result = result.get("result", ())
    names = list(getattr(cls, "RETURN_NAMES", None) or [p.name for p in interface.outputs])
    return {name: result[i] for i, name in enumerate(names) if i < len(result)}


def _run_expansion(mappings: dict, key: str, cls, kwargs: dict) -> tuple:
    """A flow node returns a graph to expand: run it with the runtime's executor, like ComfyUI would."""
    from .executor import LokiExecutor
    from .node_registry import Library, library_roots, runtime_classes

    classes = runtime_classes()
    classes.update(Library(library_roots()).classes)
    classes.update(mappings)
    prompt = {"1": {"class_type": key, "inputs": kwargs}}
    result = LokiExecutor(classes).run(prompt, targets=["1"], validate=False)
    return tuple(result.value(["1", i]) for i in range(len(cls.RETURN_TYPES)))


def smoke_node(folder: Path, devices: list[str], python: str, timeout: float, cuda: bool) -> list[SmokeRun]:
    """Every example of one node, on CPU and (for ``device: cuda`` nodes) on CUDA."""
    from . import config as config_io

    raw = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8"))
    interface = config_io.from_config(folder / f"{folder.name}.json")
    kind = node_kind(folder, raw)
    examples = list(raw.get("examples") or [])
    runs: list[SmokeRun] = []
    if not examples:
        return [SmokeRun(folder.name, "-", kind, "cpu").fail("no example in the config (every node needs one)")]
    wants_cuda = interface.device == "cuda"
    comfy_flow = (raw.get("flow") or {}).get("backend") == "comfyui"  # expands in ComfyUI's executor only
    for example in examples:
        name = str(example.get("name", "example"))
        cpu = SmokeRun(folder.name, name, kind, "cpu")
        if "cpu" in devices or wants_cuda:
            runs.append(cpu)
        if kind == "comfy" and not os.environ.get("COMFYUI_PATH"):
            cpu.skip("wraps a ComfyUI node: set COMFYUI_PATH to run it")
            continue
        if comfy_flow and not os.environ.get("COMFYUI_PATH"):
            cpu.skip("a flow of ComfyUI nodes (backend comfyui): set COMFYUI_PATH to run it")
            continue
        cpu_outputs = _smoke_cpu(cpu, folder, interface, example, python, timeout, comfy_flow)
        if wants_cuda and "cuda" in devices or wants_cuda and cuda:
            gpu = SmokeRun(folder.name, name, kind, "cuda")
            runs.append(gpu)
            if not cuda:
                gpu.skip("CUDA not available (torch.cuda.is_available() is False)")
            elif cpu_outputs is None:
                gpu.skip("the CPU run failed; nothing to compare with")
            else:
                _smoke_cuda(gpu, folder, interface, example, cpu_outputs)
    return runs


def _smoke_cpu(run: SmokeRun, folder: Path, interface, example: dict, python: str, timeout: float,
               comfy_flow: bool = False) -> dict | None:
    try:
        start = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"loki-smoke-{folder.name}-") as out_dir:
            script_out = run_script(folder, interface, example, out_dir, python, timeout)
            script_values = {}
            for port in interface.outputs:
                value = script_out.get(port.name)
                script_values[port.name] = values.load_file_input(port, value) if port.is_file and value is not None else value
        run.script_seconds = round(time.perf_counter() - start, 3)
    except ModuleNotFoundError as missing:
        run.skip(f"the script needs the Python package {missing.name!r}")
        script_values = None
    except RuntimeError as ex:
        if "No module named" not in str(ex):
            run.fail(f"script: {ex}")
            return None
        # A machine without Pillow (a bare GPU box) can still compare the node on CPU and CUDA.
        run.skip(f"script: {str(ex).split(': ', 1)[-1]}")
        script_values = None
    except Exception as ex:  # the runner reports every failure and goes on
        run.fail(f"script: {type(ex).__name__}: {ex}")
        return None
    if script_values is not None and comfy_flow:
        # A flow node of ComfyUI nodes expands inside ComfyUI's executor only; the script (backend comfyui) ran it.
        run.details.append({"node": "not run: a flow of ComfyUI nodes expands in ComfyUI only"})
        reason = values.check_expect(example.get("expect") or {}, script_values)
        if reason:
            run.fail(reason)
        return script_values
    try:
        start = time.perf_counter()
        node_out = {k: values.comparable(_port(interface, k), v) for k, v in run_node(folder, interface, example).items()}
        run.node_seconds = round(time.perf_counter() - start, 3)
    except ModuleNotFoundError as missing:
        run.skip(f"the node needs the Python package {missing.name!r}")
        return None
    except Exception as ex:
        run.fail(f"node: {type(ex).__name__}: {ex}")
        return None
    if script_values is None:
        return node_out
    for port in interface.outputs:
        if port.is_opaque or port.name not in node_out:
            continue
        reason = values.compare(port.type, script_values.get(port.name), node_out[port.name], values.FILE_TOLERANCE)
        if reason:
            run.fail(f"script and node disagree on {port.name!r}: {reason}")
            return node_out
    reason = values.check_expect(example.get("expect") or {}, node_out)
    if reason:
        run.fail(reason)
    return node_out


def _smoke_cuda(run: SmokeRun, folder: Path, interface, example: dict, cpu_outputs: dict) -> None:
    try:
        start = time.perf_counter()
        raw = run_node(folder, interface, example, device="cuda")
        run.node_seconds = round(time.perf_counter() - start, 3)
        devices = sorted({str(v.device) for v in raw.values() if hasattr(v, "device")})
        run.details.append({"output_devices": devices})
        gpu_outputs = {k: values.comparable(_port(interface, k), v) for k, v in raw.items()}
    except Exception as ex:
        run.fail(f"node on cuda: {type(ex).__name__}: {ex}")
        return
    for port in interface.outputs:
        if port.is_opaque or port.name not in gpu_outputs:
            continue
        reason = values.compare(port.type, cpu_outputs.get(port.name), gpu_outputs[port.name], values.DEVICE_TOLERANCE)
        if reason:
            run.fail(f"cuda and cpu disagree on {port.name!r}: {reason}")
            return


def _port(interface, name: str):
    try:
        return interface.output(name)
    except KeyError:
        return None


def discover(library: Path, only: list[str] | None = None) -> list[Path]:
    """Node folders with a config, sorted; ``only`` restricts to those names."""
    folders = sorted(p for p in library.iterdir() if p.is_dir() and (p / f"{p.name}.json").is_file())
    return [p for p in folders if not only or p.name in only]


def cuda_available() -> bool:
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def smoke_folder(folder: Path, devices: list[str], python: str, timeout: float, cuda: bool,
                 only_cuda: bool = False) -> list[SmokeRun]:
    """One node's runs, never raising (a broken config is a failed run): what each dispatch worker runs too."""
    if os.environ.get("COMFYUI_PATH") and os.environ["COMFYUI_PATH"] not in sys.path:
        sys.path.insert(0, os.environ["COMFYUI_PATH"])  # for nodes that wrap ComfyUI's own nodes
    try:
        node_runs = smoke_node(folder, devices, python, timeout, cuda)
    except Exception as ex:  # a broken config must not stop the others
        node_runs = [SmokeRun(folder.name, "-", "?", "cpu").fail(f"{type(ex).__name__}: {ex}")]
    return [r for r in node_runs if r.device == "cuda"] if only_cuda else node_runs


def _printed(node_runs: list[SmokeRun]) -> list[SmokeRun]:
    for r in node_runs:
        print(f"  {r.status:7} {r.node} [{r.example}, {r.device}]" + (f": {r.reason}" if r.reason else ""), flush=True)
    return node_runs


def _dispatched(folders: list[Path], options: tuple, workers: int | None, scheduler: str | None) -> list[SmokeRun]:
    """The nodes spread over a Dask cluster (docs/dispatcher.md), reported in folder order; a node whose workers
    died is a failed run."""
    from .dispatch.engine import map_on_cluster
    # By module name: `python3 -m` runs this file as __main__, which Dask would ship by value (SmokeRun with it,
    # and the report would lose its fields); workers import loki_runtime.smoke instead.
    from .smoke import smoke_folder as task

    def runs_of(folder: Path, outcome) -> list[SmokeRun]:
        if outcome.error is not None:
            return [SmokeRun(folder.name, "-", "?", "cpu").fail(f"{outcome.error['code']}: {outcome.error['message']}")]
        return outcome.value

    outcomes = map_on_cluster(task, folders, options, "loki-smoke", lambda folder, outcome:
                              _printed(runs_of(folder, outcome)), workers, scheduler)
    return [run for folder, outcome in zip(folders, outcomes) for run in runs_of(folder, outcome)]


def main(argv: list[str] | None = None) -> int:
    from . import smoke_report

    parser = argparse.ArgumentParser(prog="python3 -m loki_runtime.smoke", description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", default="nodes", help="the node library folder (default: nodes)")
    parser.add_argument("--report", help="write the JSON report here")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="cpu: every node (cuda nodes also on CUDA when present); cuda: only the device: cuda nodes")
    parser.add_argument("--require-cuda", action="store_true", help="exit 3 when CUDA is not available")
    parser.add_argument("--only", help="comma-separated node names")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the script runs")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per script run")
    parser.add_argument("--workers", type=int, help="spread the nodes over a local Dask cluster of N workers "
                                                    "(the dispatcher's; default: one after the other, in this process)")
    parser.add_argument("--scheduler", help="spread the nodes over a running Dask cluster (tcp://HOST:8786)")
    args = parser.parse_args(argv)

    library = Path(args.library).resolve()
    if not library.is_dir():
        print(f"error: library folder {library} does not exist", file=sys.stderr)
        return 2
    cuda = cuda_available()
    if args.require_cuda and not cuda:
        print("error: CUDA is not available (torch.cuda.is_available() is False)", file=sys.stderr)
        return 3
    devices = ["cpu", "cuda"] if args.device == "cpu" else ["cuda"]
    folders = discover(library, args.only.split(",") if args.only else None)
    options = (devices, args.python, args.timeout, cuda, args.device == "cuda")
    if args.workers or args.scheduler:
        runs = _dispatched(folders, options, args.workers, args.scheduler)
    else:
        runs = []
        for folder in folders:
            runs.extend(_printed(smoke_folder(folder, *options)))
    print()
    print(smoke_report.table(runs))
    if args.report:
        smoke_report.write_json(runs, args.report, {"library": str(library), "device": args.device, "cuda_available": cuda,
                                                    "python": sys.version.split()[0]})
    return 1 if any(r.status == "failed" for r in runs) else 0


if __name__ == "__main__":
    raise SystemExit(main())
