"""A pencil sketch: grey, edges, inverted and toned, as a composite of four nodes (one used twice)."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first
    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / "src" / "python") if (p / "loki_runtime").is_dir()][:1]
from loki_runtime import compose  # noqa: E402

image_channels = compose.node("image_channels", __file__)
image_edge_detect = compose.node("image_edge_detect", __file__)
image_levels = compose.node("image_levels", __file__)


@compose.entry(__file__)
def run(image, strength=1.5, gamma=1.4):
    """Edges of the grey picture are the strokes; inverting makes them dark on white paper."""
    grey = image_channels(image=image, operation="grayscale")["image"]
    edges = image_edge_detect(image=grey, strength=strength, device="cpu")["image"]
    paper = image_channels(image=edges, operation="invert")["image"]
    return {"image": image_levels(image=paper, black_point=0.1, gamma=gamma)["image"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
