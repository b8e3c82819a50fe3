"""Test-only stand-ins for ComfyUI's hard imports that Debian does not package (einops, torchsde, ...).

ComfyUI imports them at start-up although the model-free core nodes never call them. Installing a stand-in
module lets ComfyUI start here; anything that really uses one raises ImportError naming the missing package,
so nodes that need it fail (and the tests never use them). Nothing is vendored. Used by the comfyui backend
test and by `python3 comfy_stand_ins.py COMFYUI_DIR ARGS...` (start a real server by hand to record traces).
"""
from __future__ import annotations

import importlib.util
import sys
import types

MODULES = ("einops", "einops.layers", "einops.layers.torch", "torchsde", "transformers", "tokenizers",
           "safetensors", "safetensors.torch")


class _Missing:
    def __init__(self, *args, **kwargs):
        raise ImportError(f"{type(self).__module__} is not installed (a test stand-in)")

    def __init_subclass__(cls, **kwargs):
        pass


def _module(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__path__ = []  # a package, so submodules import

    def __getattr__(attr: str):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return type(attr, (_Missing,), {"__module__": name})

    module.__getattr__ = __getattr__
    module.LOKI_STAND_IN = True
    return module


def install() -> list[str]:
    """Installs stand-ins for every module of MODULES that cannot be imported; returns their names."""
    installed = []
    for name in MODULES:
        root = name.split(".")[0]
        if root not in installed and importlib.util.find_spec(root) is not None:
            continue
        sys.modules[name] = _module(name)
        if "." in name:
            parent, _, child = name.rpartition(".")
            setattr(sys.modules[parent], child, sys.modules[name])
        installed.append(name if "." not in name else root)
    return sorted(set(installed))


if __name__ == "__main__":
    import os
    import runpy

    root = sys.argv[1]
    install()
    sys.argv = [os.path.join(root, "main.py"), *sys.argv[2:]]
    sys.path.insert(0, root)
    os.chdir(root)
    runpy.run_path(os.path.join(root, "main.py"), run_name="__main__")
