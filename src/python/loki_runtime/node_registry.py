"""Where the node classes of a flow come from: the runtime's own nodes and the LOKI library.

The library is found, in order: `library=` on the Flow, the `LOKI_LIBRARY` environment variable (paths joined
with os.pathsep), the pack or repository that holds the flow file, and the pack or repository that holds this
runtime. A pack root (with `__init__.py`) is imported whole; a repository's `nodes/<n>/` folders one by one, so
one broken node does not hide the others. Import failures are kept and named when a type is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

from . import markers, primitives


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
                units = sorted(p for p in base.iterdir() if (p / "__init__.py").is_file()) if base.is_dir() else []
            for unit in units:
                try:
                    mappings = loader.load_pack(str(unit))
                except Exception as ex:  # one broken node must not hide the rest; named when its type is missing
                    self.failures.append(f"{unit}: {type(ex).__name__}: {ex}")
                    continue
                for class_type, cls in mappings.items():
                    classes.setdefault(class_type, cls)
        return classes
