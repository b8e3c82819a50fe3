"""A pencil sketch: grey, edges, inverted and toned, as a composite of four nodes (one used twice)."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import compose, script

image_channels = compose.node("image_channels", __file__)
image_edge_detect = compose.node("image_edge_detect", __file__)
image_levels = compose.node("image_levels", __file__)


@script.entry(__file__)
def run(image, strength=1.5, gamma=1.4):
    """Edges of the grey picture are the strokes; inverting makes them dark on white paper."""
    grey = image_channels(image=image, operation="grayscale")["image"]
    edges = image_edge_detect(image=grey, strength=strength, device="cpu")["image"]
    paper = image_channels(image=edges, operation="invert")["image"]
    return {"image": image_levels(image=paper, black_point=0.1, gamma=gamma)["image"]}


if __name__ == "__main__":
    raise SystemExit(run.main())
