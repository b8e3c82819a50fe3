"""Repeats an image in a grid of rows and columns, optionally mirroring alternate tiles so the seams match."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, columns=2, rows=2, mirror=False):
    """Tiles every frame columns x rows times."""
    import numpy as np

    img = np.asarray(image, dtype=np.float32)
    tile_rows = []
    for r in range(rows):
        tiles = []
        for c in range(columns):
            t = img
            if mirror and c % 2:
                t = t[:, :, ::-1]
            if mirror and r % 2:
                t = t[:, ::-1]
            tiles.append(t)
        tile_rows.append(np.concatenate(tiles, axis=2))
    return {"image": np.ascontiguousarray(np.concatenate(tile_rows, axis=1))}


if __name__ == "__main__":
    raise SystemExit(run.main())
