"""Runs LOKI Scripts of a pack in one process and writes what ComfyUI would show of their outputs.

    python3 library_script_driver.py CASES_JSON OUT_DIR

CASES_JSON: a list of {"id", "script", "inputs"} (file inputs as absolute paths). For each case the script's
``run(**inputs)`` is called; OUT_DIR/<id>.npz holds each IMAGE/MASK output quantised as ComfyUI's SaveImage does
(``images`` batch items as uint8), and one line `REPORT {json}` gives the other outputs as the LokiOutput marker
shows them (``describe``). Started by test_pack_in_comfyui.py with the real ComfyUI's environment (comfyui_copy.env:
COMFYUI_PATH set, helper folders on PYTHONPATH), since some scripts run ComfyUI code.
"""
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

from loki_runtime.markers import describe


def save_image_u8(array) -> np.ndarray:
    """ComfyUI's SaveImage: clip(255 * x) truncated to uint8, per batch item ([B,H,W,C], or [B,H,W] for masks)."""
    return np.clip(255.0 * np.asarray(array, dtype=np.float32), 0, 255).astype(np.uint8)


def main(cases_file: str, out_dir: str) -> dict:
    report = {}
    for case in json.loads(Path(cases_file).read_text(encoding="utf-8")):
        script = Path(case["script"])
        spec = importlib.util.spec_from_file_location(f"driver_{case['id']}", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        outputs = module.run(**case["inputs"])
        arrays, values = {}, {}
        for port in module.run.interface.outputs:
            value = outputs[port.name]
            if port.type in ("IMAGE", "MASK"):
                arrays[port.name] = save_image_u8(value)
            else:
                values[port.name] = f"{port.name}: {describe(value)}"
        np.savez(Path(out_dir) / f"{case['id']}.npz", **arrays)
        report[case["id"]] = values
    return report


if __name__ == "__main__":
    print("REPORT " + json.dumps(main(sys.argv[1], sys.argv[2])))
