"""The repository's pack for the checks against the real ComfyUI (comfyui_tool.py starts and drives the server).

Builds, with the `loki` CLI (LOKI_CLI, else src/Loki.Cli/bin/*/net10.0/loki.dll, built when absent), a copy of the
library with every missing layer grown plus the levels_blur flow node, and the pack of it. A ready pack can be given
with LOKI_PACK; the library defaults to the repo's nodes/ (LOKI_LIBRARY_SOURCE overrides).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PACK_FOLDER = "loki_pack_under_test"  # not the pack's own name: the pack must find its files wherever it lands

# The flow of FlowEndToEndTests (four LOKI nodes, two markers in, two out, one dead branch): test data we own.
LEVELS_BLUR_FLOW = {
    "1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "",
                                                "description": "Picture to process."}},
    "2": {"class_type": "LokiInput", "inputs": {"name": "white", "type": "FLOAT", "default": "0.8", "min": "0.1",
                                                "max": "1", "description": "White point."}},
    "3": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.2, "white_point": ["2", 0],
                                                      "gamma": 1.0}},
    "4": {"class_type": "LokiImageBlur", "inputs": {"image": ["3", 0], "radius": 2.0}},
    "5": {"class_type": "LokiImageChannels", "inputs": {"image": ["4", 0], "operation": "grayscale"}},
    "6": {"class_type": "LokiMaskThreshold", "inputs": {"image": ["3", 0], "threshold": 0.5, "channel": "luminance",
                                                        "invert": False}},
    "7": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["5", 0]}},
    "8": {"class_type": "LokiOutput", "inputs": {"name": "mask", "value": ["6", 0]}},
    "9": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 9.0}},
}


def loki_cli() -> list[str]:
    """The command that runs `loki`."""
    if os.environ.get("LOKI_CLI"):
        return os.environ["LOKI_CLI"].split()
    for config in ("Debug", "Release"):
        dll = REPO / "src" / "Loki.Cli" / "bin" / config / "net10.0" / "loki.dll"
        if dll.is_file():
            return ["dotnet", str(dll)]
    subprocess.run(["dotnet", "build", str(REPO / "src" / "Loki.Cli"), "-v", "q", "-nologo"], check=True,
                   capture_output=True, timeout=600)
    return ["dotnet", str(REPO / "src" / "Loki.Cli" / "bin" / "Debug" / "net10.0" / "loki.dll")]


def loki(*args, cwd=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([*loki_cli(), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"loki {' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stderr}"
    return proc


def build_library(work: Path) -> Path:
    """A copy of the library with every missing LOKI Node layer grown (as the library build does) and the
    levels_blur flow converted to a flow node (`loki convert --to node`); returns the library root."""
    root = work / "library"
    source = Path(os.environ.get("LOKI_LIBRARY_SOURCE") or REPO / "nodes")
    shutil.copytree(source, root / "nodes", ignore=shutil.ignore_patterns("bin", "obj", "output", "__pycache__"))
    for folder in sorted((root / "nodes").iterdir()):
        if not folder.is_dir() or (folder / "__init__.py").exists():
            continue
        if (folder / f"{folder.name}.py").exists():
            loki("script-to-node", folder)
        elif (folder / f"{folder.name}_workflow.json").exists():  # a library flow: its node and flow script
            loki("convert", folder / f"{folder.name}_workflow.json", "--to", "node", "-o", folder, "--library", root)
    flow_file = work / "levels_blur_workflow.json"
    flow_file.write_text(json.dumps(LEVELS_BLUR_FLOW, indent=1), encoding="utf-8")
    loki("convert", flow_file, "--to", "node", "-o", root / "nodes" / "levels_blur", "--library", root)
    loki("convert", flow_file, "--to", "script", "-o", work / "levels_blur.py", "--library", root)
    return root


def build_pack(work: Path, library: Path) -> Path:
    if os.environ.get("LOKI_PACK"):
        return Path(os.environ["LOKI_PACK"])
    out = work / "ComfyUI-LOKI"
    loki("pack", "--library", library / "nodes", "--runtime", REPO / "src" / "python" / "loki_runtime",
         "--metadata", REPO / "pack.json", "--web", REPO / "src" / "web", "--out", out, "--no-zip")
    return out


def script_outputs(cases: list[dict], work: Path, env: dict) -> dict:
    """Runs LOKI Scripts on cases ({"id", "script", "inputs"}) in one subprocess (library_script_driver.py); returns
    the non-image values as the LokiOutput marker shows them, and leaves each case's images in work/<id>.npz."""
    import sys

    (work / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(HERE / "library_script_driver.py"), str(work / "cases.json"), str(work)],
                          capture_output=True, text=True, timeout=900, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-4000:]
    return json.loads(lines[-1][len("REPORT "):])


def png_u8(data: bytes):
    """The exact uint8 pixels of a PNG (grey stays [H,W], colour [H,W,3])."""
    import io

    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB") if im.mode not in ("L", "RGB") else im).copy()


def save_image_u8(image):
    """What SaveImage writes for one IMAGE batch item: clip(255 * x) truncated to uint8 (nodes.py SaveImage)."""
    import numpy as np

    return np.clip(255.0 * np.asarray(image, dtype=np.float32), 0, 255).astype(np.uint8)
