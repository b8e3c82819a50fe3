"""Which jobs need a GPU, and so go only to workers that declare a `GPU` resource (Dask worker resources).

A job needs one when it says so (`"gpu": true`), when its flow uses a CUDA node, or when it is itself a LOKI Script
of a `device: cuda` node. CUDA nodes are the library's `device: cuda` nodes and every library flow whose workflow
uses one (found again and again until nothing changes, so a flow of a flow of a CUDA node counts too).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..comfy_adapter import mapping_key
from ..script import Script
from .flows import node_types
from .jobs import Job

GPU = "GPU"
_CACHE: dict[tuple, frozenset] = {}


def resources(job: Job, script: Script) -> dict[str, float] | None:
    """The Dask resources the job's task needs (`{"GPU": 1}`), or None when any worker will do."""
    return {GPU: 1} if needs_gpu(job, script) else None


def needs_gpu(job: Job, script: Script) -> bool:
    if job.gpu is not None:
        return job.gpu
    if str(getattr(script.interface, "device", "cpu")).lower() == "cuda":
        return True
    flow = getattr(script, "flow", None)
    if flow is None:
        return False
    return bool(node_types(job, script) & gpu_types(flow.library_roots()))


def gpu_types(roots: list[Path]) -> frozenset:
    """The node types (`LokiImageEdgeDetect`...) of the libraries under `roots` that need a GPU."""
    key = tuple(str(r) for r in roots)
    if key not in _CACHE:
        _CACHE[key] = frozenset(_scan(roots))
    return _CACHE[key]


def _scan(roots: list[Path]) -> set[str]:
    uses: dict[str, set[str]] = {}
    gpu: set[str] = set()
    for root in roots:
        base = root / "nodes" if (root / "nodes").is_dir() else root
        for folder in sorted(base.iterdir()) if base.is_dir() else ():
            config = folder / f"{folder.name}.json"
            if not config.is_file():
                continue
            key = mapping_key(folder.name)
            try:
                data = json.loads(config.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a broken config is the build's problem; its node runs (and fails) on CPU workers
            if str(data.get("device", "cpu")).lower() == "cuda":
                gpu.add(key)
            uses[key] = _workflow_types(folder / f"{folder.name}_workflow.json")
    changed = True
    while changed:
        changed = False
        for key, types in uses.items():
            if key not in gpu and types & gpu:
                gpu.add(key)
                changed = True
    return gpu


def _workflow_types(path: Path) -> set[str]:
    """The node types of a UI workflow (`nodes[].type`) or an API prompt (`class_type`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if isinstance(data, dict) and isinstance(data.get("nodes"), list):
        return {n.get("type") for n in data["nodes"] if isinstance(n, dict) and isinstance(n.get("type"), str)}
    if isinstance(data, dict):
        return {v.get("class_type") for v in data.values() if isinstance(v, dict) and isinstance(v.get("class_type"), str)}
    return set()
