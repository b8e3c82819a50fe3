"""Remaps black point, white point and gamma of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
try:
    from loki_runtime import script
except ModuleNotFoundError as _missing:  # no runtime anywhere: one coded line, not a traceback
    if _missing.name != "loki_runtime" or __name__ != "__main__":
        raise
    sys.stderr.write(__file__ + ": error LOKI2100: loki_runtime is neither beside this script nor installed: pip install loki_runtime-*.whl (artifacts/ of the LOKI build), or write the script again with --standalone\n")
    raise SystemExit(2) from None


@script.entry(__file__)
def run(**inputs):
    """Remaps black point, white point and gamma of an image."""
    from loki_runtime import comfy_host

    node = comfy_host.load_node_folder(Path(__file__).resolve().parent, "LokiImageLevels")
    return comfy_host.call_node(node, inputs, run.interface)


if __name__ == "__main__":
    from loki_runtime import comfy_host

    raise SystemExit(run.main(comfy_host.take_comfyui_flag(sys.argv[1:])))
