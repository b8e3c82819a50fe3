"""Where the node classes of a flow come from: the runtime's own nodes and the LOKI library.

The library is found, in order: `library=` on the Flow, the `LOKI_LIBRARY` environment variable (paths joined
with os.pathsep), the pack or repository that holds the flow file, and the pack or repository that holds this
runtime. A pack root (with `__init__.py`) is imported whole; a repository's `nodes/<n>/` folders one by one, so
one broken node does not hide the others. Import failures are kept and named when a type is missing.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import threading
from pathlib import Path

from . import markers, primitives
from .loader import IMPORT_LOCK


def runtime_classes() -> dict:
    """The markers and the plain primitives the LOKI executor provides itself."""
    classes = dict(primitives.NODE_CLASS_MAPPINGS)
    classes.update(markers.NODE_CLASS_MAPPINGS)
    return classes


def _is_library_root(path: Path) -> bool:
    return (path / "nodes").is_dir() and ((path / "loki_runtime").is_dir() or (path / "src" / "python" / "loki_runtime").is_dir())


def library_roots(flow_path: Path | None = None, explicit: Path | None = None) -> list[Path]:
    roots: list[Path] = []
    if explicit is not None:
        roots.append(Path(explicit))
    for item in os.environ.get("LOKI_LIBRARY", "").split(os.pathsep):
        if item.strip():
            roots.append(Path(item.strip()))
    for start in ([Path(flow_path)] if flow_path else []) + [Path(__file__)]:
        for parent in start.resolve().parents:
            if _is_library_root(parent):
                roots.append(parent)
                break
    unique: list[Path] = []
    for root in roots:
        root = root.resolve()
        if root not in unique:
            unique.append(root)
    return unique


class Library:
    """The node classes of a set of library roots, imported once and kept (the backend stays warm)."""

    def __init__(self, roots: list[Path]):
        self.roots = list(roots)
        self._classes: dict | None = None
        self.failures: list[str] = []

    @property
    def classes(self) -> dict:
        if self._classes is None:
            # Dask runs several workers as threads of one process: two importing the same node folders at once
            # replaced each other's sys.modules entries (LOKI3001 "library import failed ... KeyError"). The
            # loader's lock, not one of our own, so a node importing others inside it cannot deadlock against us.
            with IMPORT_LOCK:
                if self._classes is None:
                    self._classes = self._load()
        return self._classes

    def _load(self) -> dict:
        from . import loader

        classes: dict = {}
        for root in self.roots:
            if (root / "__init__.py").is_file() and (root / "nodes").is_dir():
                units = [root]
            else:
                base = root / "nodes" if (root / "nodes").is_dir() else root
                units = sorted(p for p in base.iterdir() if _is_node_folder(p)) if base.is_dir() else []
            for unit in units:
                try:
                    mappings = loader.load_pack(str(unit)) if (unit / "__init__.py").is_file() else _script_node(unit)
                except Exception as ex:  # one broken node must not hide the rest; named when its type is missing
                    self.failures.append(f"{unit}: {type(ex).__name__}: {ex}")
                    continue
                for class_type, cls in mappings.items():
                    classes.setdefault(class_type, cls)
        return classes


def _is_node_folder(path: Path) -> bool:
    return path.is_dir() and ((path / "__init__.py").is_file() or (path / f"{path.name}.py").is_file())


def _script_node(folder: Path) -> dict:
    """A node folder not built yet (no `__init__.py`): its LOKI Script `<n>.py` wrapped as a V1 node class."""
    from . import comfy_adapter

    classes, _ = comfy_adapter.node_mappings(script_of(folder))
    return classes


def script_of(folder: Path):
    """The `@script.entry` function of a node folder's LOKI Script `<n>.py`, imported once per process."""
    from .script import Script

    with IMPORT_LOCK:
        module = _script_module(folder, f"loki_script_{folder.name}")
    scripts = [v for v in vars(module).values() if isinstance(v, Script)]
    if not scripts:
        raise ImportError(f"{folder}: {folder.name}.py has no @script.entry function")
    return scripts[0]


def _script_module(folder: Path, name: str):
    module = sys.modules.get(name)
    if module is None or Path(getattr(module, "__file__", "")).resolve() != (folder / f"{folder.name}.py").resolve():
        spec = importlib.util.spec_from_file_location(name, folder / f"{folder.name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)
            raise
    return module


_SHARED: dict[tuple, Library] = {}
_SHARED_LOCK = threading.Lock()


def shared_library(roots: list[Path]) -> Library:
    """One Library per set of roots in this process (flow nodes and backends share the imported classes)."""
    key = tuple(str(r) for r in roots)
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Library(roots)
        return _SHARED[key]


def return_type(class_type: str, index: int, roots: list[Path]) -> str:
    """The type of output `index` of `class_type` as far as the runtime and the library know; `*` otherwise."""
    cls = runtime_classes().get(class_type)
    if cls is None:
        comfy = __import__("sys").modules.get("nodes")
        cls = getattr(comfy, "NODE_CLASS_MAPPINGS", {}).get(class_type) if comfy is not None else None
    if cls is None:
        cls = shared_library(roots).classes.get(class_type)
    types = getattr(cls, "RETURN_TYPES", ()) if cls is not None else ()
    kind = types[index] if 0 <= index < len(types) else "*"
    return kind if isinstance(kind, str) else "COMBO"
