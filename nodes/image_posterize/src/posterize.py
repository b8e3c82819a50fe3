"""Posterization with optional ordered dithering: a plain numpy function, wrapped into a LOKI node by `loki wrap`."""
import numpy as np

_BAYER4 = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.float32) / 16.0 - 0.5


def posterize(image: np.ndarray, levels: int = 4, dither: bool = False) -> np.ndarray:
    """Reduces every channel of an image batch to a few evenly spaced levels.

    Args:
        image: Image batch [B,H,W,C] with values in 0..1.
        levels: Number of levels per channel (2..256).
        dither: Apply 4x4 ordered (Bayer) dithering before quantising, which trades banding for fine noise.

    Returns:
        The posterized image batch.
    """
    if not 2 <= levels <= 256:
        raise ValueError("levels must be between 2 and 256")
    img = np.asarray(image, dtype=np.float32)
    steps = levels - 1
    scaled = img * steps
    if dither:
        h, w = img.shape[1:3]
        tile = np.tile(_BAYER4, (h // 4 + 1, w // 4 + 1))[:h, :w]
        scaled = scaled + tile[None, :, :, None]
    return (np.clip(np.round(scaled), 0, steps) / steps).astype(np.float32)
