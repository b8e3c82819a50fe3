"""Loads custom_nodes/ with ComfyUI's own loader (nodes.init_extra_nodes), in a fresh process, and reports.

    PYTHONPATH=<tool>/stubs:<tool>/shims:<tool>/vendor python3 comfy_real_loader.py COMFYUI_DIR CUSTOM_NODES_DIR

(the environment comfyui_tool.ComfyUICopy.env() gives.)

Prints one line `REPORT {json}`: the node types the custom nodes added, their display names and python modules,
the import failures ComfyUI counted, and every process start or pip use seen while importing (must be none: a
pack installs nothing at import time).
"""
import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

comfyui, custom_nodes = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
sys.path[:0] = [str(comfyui)]
os.chdir(comfyui)

SPAWNED: list[str] = []


def _spy(name, real):
    def spy(*args, **kwargs):
        SPAWNED.append(f"{name}: {args[0] if args else kwargs.get('args')!r}")
        return real(*args, **kwargs)
    return spy


from comfy.cli_args import args  # noqa: E402

args.cpu = True  # as --cpu: this machine has no CUDA
import folder_paths  # noqa: E402
import nodes  # noqa: E402

folder_paths.folder_names_and_paths["custom_nodes"] = ([str(custom_nodes)], set())
base_types = set(nodes.NODE_CLASS_MAPPINGS)
pip_before = "pip" in sys.modules
subprocess.Popen = _spy("subprocess.Popen", subprocess.Popen)  # run, call, check_* all go through Popen
os.system = _spy("os.system", os.system)
os.execv = _spy("os.execv", os.execv)
asyncio.run(nodes.init_extra_nodes(init_custom_nodes=True, init_api_nodes=False))
added = sorted(set(nodes.NODE_CLASS_MAPPINGS) - base_types)
report = {
    "added": added,
    "display": {k: nodes.NODE_DISPLAY_NAME_MAPPINGS.get(k) for k in added},
    "module": {k: getattr(nodes.NODE_CLASS_MAPPINGS[k], "RELATIVE_PYTHON_MODULE", None) for k in added},
    "spawned": SPAWNED,
    "pip_imported": "pip" in sys.modules and not pip_before,
    "loaded_modules": sorted(m for m in sys.modules if "loki_pack_under_test" in m and m.count(".") == 0),
}
print("REPORT " + json.dumps(report))
