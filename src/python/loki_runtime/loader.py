"""Imports a custom-node pack (or one LOKI node folder) the way ComfyUI does, for tests and the smoke runner.

ComfyUI (``nodes.py`` ``load_custom_node``) imports a package directory with
``importlib.util.spec_from_file_location(name, <dir>/__init__.py)``, registers it in ``sys.modules`` before
executing it (so relative imports work), and reads ``NODE_CLASS_MAPPINGS`` and ``NODE_DISPLAY_NAME_MAPPINGS``.
:func:`load_pack` does the same under a module name of our choosing.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
from types import ModuleType

# One import at a time: a pack imported from two threads at once (Dask workers are threads of one process) would
# delete the other's half-executed module from sys.modules. Re-entrant: a composite node imports the nodes it calls.
IMPORT_LOCK = threading.RLock()


class PackMappings(dict):
    """A pack's ``NODE_CLASS_MAPPINGS`` (this dict), with ``display_names`` and the imported ``module``."""

    def __init__(self, classes: dict, display_names: dict, module: ModuleType) -> None:
        super().__init__(classes)
        self.display_names = dict(display_names)
        self.module = module


def load_pack(path: str | os.PathLike, name: str | None = None) -> PackMappings:
    """Imports the package at ``path`` (a folder with ``__init__.py``, or a single ``.py`` file).

    ``name`` is the ``sys.modules`` name (default: ``loki_pack_<folder name>``); a module already loaded under
    that name is replaced. Raises ImportError when the folder has no ``__init__.py`` or no NODE_CLASS_MAPPINGS.
    """
    path = os.path.abspath(os.fspath(path))
    if os.path.isdir(path):
        init = os.path.join(path, "__init__.py")
        locations = [path]
    else:
        init, locations = path, None
    if not os.path.isfile(init):
        raise ImportError(f"{path}: not a Python package (no __init__.py)")
    module_name = name or "loki_pack_" + re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    with IMPORT_LOCK:
        return _load(path, init, locations, module_name)


def _load(path: str, init: str, locations: list[str] | None, module_name: str) -> PackMappings:
    for loaded in [m for m in sys.modules if m == module_name or m.startswith(module_name + ".")]:
        del sys.modules[loaded]
    spec = importlib.util.spec_from_file_location(module_name, init, submodule_search_locations=locations)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    classes = getattr(module, "NODE_CLASS_MAPPINGS", None)
    if not isinstance(classes, dict):
        raise ImportError(f"{path}: the package defines no NODE_CLASS_MAPPINGS")
    return PackMappings(classes, getattr(module, "NODE_DISPLAY_NAME_MAPPINGS", None) or {}, module)
