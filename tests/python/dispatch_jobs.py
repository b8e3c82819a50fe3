"""Jobs for the dispatcher's tests and benchmark: tiny model-free images run through library flows."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
PHOTO_FINISH = REPO / "nodes" / "photo_finish" / "photo_finish.py"  # LOKI nodes: levels, sharpen, caption
SOFT_GLOW = REPO / "nodes" / "soft_glow" / "soft_glow.py"  # ComfyUI core nodes: ImageBlur, ImageBlend


def write_image(path: Path, seed: int, size: int = 24) -> Path:
    rng = np.random.default_rng(seed)
    Image.fromarray((rng.random((size, size, 3)) * 255).astype(np.uint8)).save(path)
    return path


def write_jobs(folder: Path, count: int, size: int = 24) -> Path:
    """`count` jobs alternating photo_finish (a caption per job) and soft_glow, each on its own image."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(count):
        image = write_image(folder / f"in_{i:03d}.png", i, size)
        if i % 2 == 0:
            lines.append({"flow": str(PHOTO_FINISH), "inputs": {"image": image.name, "caption": f"job {i}"}})
        else:
            lines.append({"flow": str(SOFT_GLOW), "inputs": {"image": image.name}})
    path = folder / "jobs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path
