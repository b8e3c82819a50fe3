"""Composite LOKI Scripts: a script whose ``run`` calls other LOKI nodes of its library.

    from loki_runtime import composite, script

    @script.entry(__file__, options=composite.OPTIONS)
    def run(text, width=70, *, backend="loki"):
        nodes = composite.nodes(__file__, backend=backend)
        found = nodes.wrap_split_words(text=text)
        words = found["words"]
        ...
        return {"lines": lines}

``nodes(path)`` finds each node by name where a library keeps it: the folder beside the script's own node folder
first (``nodes/<name>/<name>.py``), then the library roots of :mod:`node_registry` (``LOKI_LIBRARY``, the pack or
repository holding the script). A node is the ``@script.entry`` function of its LOKI Script, so calling it
coerces inputs and returns ``{output: value}`` exactly as the node does anywhere else.

The one backend is ``loki``: every node runs in this process, values pass between them as Python objects (no
copies, no files). The static shape of such a ``run`` (one ``nodes.<name>(...)`` call per step, outputs read by
name) is what a composite → flow compiler reads.
"""
from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

from . import node_registry
from .script import Option, Script

BACKENDS = ("loki",)
OPTIONS = (Option("backend", "where the nodes run: loki (each node's LOKI Script, in this process)", default="loki", choices=BACKENDS),)

_LOADED: dict[Path, Script] = {}


class NodeNotFound(LookupError):
    """A node a composite script calls is in none of the folders searched (named in the message)."""


class Nodes:
    """The LOKI Scripts of the library a composite script lives in, looked up by node name (``nodes.levels``)."""

    def __init__(self, script_path: str | Path, backend: str = "loki") -> None:
        if backend not in BACKENDS:
            raise ValueError(f"backend {backend!r} is not one of {', '.join(BACKENDS)}")
        self.script_path = Path(script_path).resolve()
        self.backend = backend

    def __getattr__(self, name: str) -> Script:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.node(name)

    def node(self, name: str) -> Script:
        """The run of node ``name`` (its ``<name>.py``), imported once per process."""
        path = self.find(name)
        script = _LOADED.get(path)
        if script is None:
            script = _LOADED[path] = _load(path)
        return script

    def folders(self) -> list[Path]:
        """Where nodes are searched, in order: the script's library folder, then the library roots' ``nodes/``."""
        found = [self.script_path.parent.parent]
        for root in node_registry.library_roots(self.script_path):
            base = root / "nodes" if (root / "nodes").is_dir() else root
            if base not in found:
                found.append(base)
        return found

    def find(self, name: str) -> Path:
        searched = self.folders()
        for folder in searched:
            candidate = folder / name / f"{name}.py"
            if candidate.is_file():
                return candidate.resolve()
        raise NodeNotFound(f"{self.script_path.name}: node {name!r} is in none of: {', '.join(str(f) for f in searched)}")


def nodes(script_path: str | Path, backend: str = "loki") -> Nodes:
    """The nodes a composite script at ``script_path`` can call."""
    return Nodes(script_path, backend)


def _load(path: Path) -> Script:
    module_name = f"loki_composite_{path.parent.name}_{hashlib.sha1(str(path).encode()).hexdigest()[:12]}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    run = getattr(module, "run", None)
    if not isinstance(run, Script):
        run = next((v for v in vars(module).values() if isinstance(v, Script)), None)
    if run is None:
        raise NodeNotFound(f"{path}: has no @script.entry function")
    return run
