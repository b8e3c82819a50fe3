"""Small image operations shared by library nodes (numpy only, imported lazily by the nodes that need them)."""
from __future__ import annotations


def parse_hex_color(color: str, channels: int = 3) -> list[float]:
    """``#rrggbb`` (or ``rrggbb``) as floats in 0..1, padded with 1.0 (opaque) up to ``channels``."""
    text = color.strip().lstrip("#")
    if len(text) != 6 or any(ch not in "0123456789abcdefABCDEF" for ch in text):
        raise ValueError(f"colour must look like #rrggbb, not {color!r}")
    rgb = [int(text[i:i + 2], 16) / 255.0 for i in (0, 2, 4)]
    return (rgb + [1.0] * max(0, channels - 3))[:channels]


def gaussian_kernel(sigma: float):
    """A normalised 1-D Gaussian kernel reaching 3 sigma on each side."""
    import numpy as np

    radius = max(1, int(round(3.0 * sigma)))
    x = np.arange(-radius, radius + 1, dtype=np.float32)
    k = np.exp(-(x * x) / (2.0 * sigma * sigma))
    return k / k.sum()


def gaussian_blur(batch, sigma: float):
    """Separable Gaussian blur of ``[B,H,W,C]`` or ``[B,H,W]`` float arrays, edges extended (clamped)."""
    import numpy as np

    arr = np.asarray(batch, dtype=np.float32)
    if sigma <= 0:
        return arr.copy()
    k = gaussian_kernel(sigma)
    r = len(k) // 2
    out = arr
    for axis in (1, 2):
        pad = [(0, 0)] * out.ndim
        pad[axis] = (r, r)
        padded = np.pad(out, pad, mode="edge")
        acc = np.zeros_like(out)
        n = out.shape[axis]
        for i, weight in enumerate(k):
            acc += weight * np.take(padded, range(i, i + n), axis=axis)
        out = acc
    return out
