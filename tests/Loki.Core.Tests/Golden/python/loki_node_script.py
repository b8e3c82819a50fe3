"""Remaps black point, white point and gamma of an image."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repo
    sys.path[:0] = [str(p) for p in (Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[2] / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(**inputs):
    """Remaps black point, white point and gamma of an image."""
    from loki_runtime import comfy_host

    node = comfy_host.load_node_folder(Path(__file__).resolve().parent, "LokiImageLevels")
    return comfy_host.call_node(node, inputs, run.interface)


if __name__ == "__main__":
    from loki_runtime import comfy_host

    raise SystemExit(run.main(comfy_host.take_comfyui_flag(sys.argv[1:])))
