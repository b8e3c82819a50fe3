"""Benchmarks of the Python runtime, printed as times and ratios (run by hand, never by the test suite):

    /usr/bin/python3 tests/python/benchmarks/bench_runtime.py

1. start-up: ``<script> --help`` against ``python -c pass`` and the imports it avoids (numpy, torch);
2. comfy_adapter.call overhead on an IMAGE batch against one numpy copy of that batch;
3. 16-bit PNG decode (png16) against Pillow's 8-bit decode of the same image.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "src" / "python"))

SCRIPT = '''import sys
sys.path.insert(0, {src!r})
from loki_runtime import script

@script.entry(__file__)
def run(image, radius: int = 3, mode: str = "a"):
    return {{"image": image}}

if __name__ == "__main__":
    raise SystemExit(run.main())
'''


def best_of(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def startup(folder: Path) -> None:
    script = folder / "identity.py"
    script.write_text(SCRIPT.format(src=str(REPO / "src" / "python")))
    runs = {
        "python -c pass": ["-c", "pass"],
        "script --help": [str(script), "--help"],
        "import numpy": ["-c", "import numpy"],
        "import torch": ["-c", "import torch"],
    }
    results = {name: best_of(lambda a=args: subprocess.run([sys.executable, *a], capture_output=True, check=True))[0]
               for name, args in runs.items()}
    base = results["script --help"]
    print("start-up (best of 5):")
    for name, seconds in results.items():
        print(f"  {name:16s} {seconds * 1000:8.1f} ms   ({seconds / base:5.2f}x script --help)")


def adapter() -> None:
    import numpy as np
    import torch

    from loki_runtime import comfy_adapter, script

    @script.entry
    def identity(image: "Image") -> "Image":  # noqa: F821 - resolved by name
        return image

    @script.entry
    def invert(image: "Image") -> "Image":  # noqa: F821
        return 1.0 - image

    batch = torch.rand(4, 1024, 1024, 3)
    same, _ = best_of(lambda: comfy_adapter.call(identity, {"image": batch}))
    adapted, _ = best_of(lambda: comfy_adapter.call(invert, {"image": batch}))
    direct, _ = best_of(lambda: np.subtract(1.0, batch.numpy()))
    torch_direct, _ = best_of(lambda: 1.0 - batch)
    print("comfy_adapter.call on a [4,1024,1024,3] CPU batch (best of 5):")
    print(f"  identity through the adapter  {same * 1000:7.2f} ms  (no copy: numpy shares the tensor's memory)")
    print(f"  1 - image through the adapter {adapted * 1000:7.2f} ms  ({adapted / direct:.2f}x the same numpy op "
          f"{direct * 1000:.2f} ms, {adapted / torch_direct:.2f}x torch's {torch_direct * 1000:.2f} ms)")


def png_decode(folder: Path) -> None:
    import numpy as np
    from PIL import Image

    from loki_runtime import image_io, png16

    rng = np.random.default_rng(0)
    pixels = rng.random((1024, 1024, 3), dtype=np.float32)
    path16 = image_io.write_image(pixels, folder / "p16.png", bits=16)
    path8 = image_io.write_image(pixels, folder / "p8.png", bits=8)
    ours, _ = best_of(lambda: png16.read(path16), 3)

    def pillow():
        with Image.open(path8) as img:
            np.asarray(img)

    theirs, _ = best_of(pillow, 3)
    print(f"1024x1024 RGB decode: png16 (16-bit, Up filter) {ours * 1000:.1f} ms; Pillow (8-bit) {theirs * 1000:.1f} ms "
          f"({ours / theirs:.2f}x)")
    # The Pillow-less fallback on a file Pillow wrote (its adaptive filters: Paeth rows are decoded byte by byte).
    y, x = np.mgrid[0:512, 0:512]
    Image.fromarray(np.stack([x % 256, y % 256, (x + y) % 256], -1).astype(np.uint8)).save(folder / "g.png")
    fallback, _ = best_of(lambda: png16.read(folder / "g.png"), 3)

    def pillow_gradient():
        with Image.open(folder / "g.png") as img:
            np.asarray(img)

    native, _ = best_of(pillow_gradient, 3)
    print(f"512x512 RGB 8-bit written by Pillow: png16 fallback {fallback * 1000:.1f} ms; Pillow {native * 1000:.1f} ms "
          f"({fallback / native:.0f}x)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        startup(folder)
        adapter()
        png_decode(folder)


if __name__ == "__main__":
    main()
