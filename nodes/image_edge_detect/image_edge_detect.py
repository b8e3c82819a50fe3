"""Finds edges with a Sobel filter run in torch, on the GPU when one is available."""
from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repository
    _root = Path(__file__).resolve().parents[2]
    sys.path[:0] = [str(_root), str(_root / "src" / "python")]
from loki_runtime import script


@script.entry(__file__)
def run(image, strength=1.0, device="auto"):
    """Sobel gradient magnitude of the luminance, computed with torch on the chosen device."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise RuntimeError("device is cuda but torch.cuda.is_available() is False")
    img = torch.as_tensor(np.asarray(image, dtype=np.float32), device=device)
    luma = (img[..., :3] * torch.tensor([0.2126, 0.7152, 0.0722], device=device)).sum(-1, keepdim=True)
    x = luma.permute(0, 3, 1, 2)
    kx = torch.tensor([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]], device=device)
    kernels = torch.stack([kx, kx.t()]).unsqueeze(1)
    grad = F.conv2d(F.pad(x, (1, 1, 1, 1), mode="replicate"), kernels)
    mag = torch.clamp(torch.sqrt((grad ** 2).sum(1, keepdim=True)) * strength / 4.0, 0.0, 1.0)
    out = mag.permute(0, 2, 3, 1).expand(-1, -1, -1, 3)
    return {"image": out.contiguous().cpu().numpy().astype(np.float32)}


if __name__ == "__main__":
    raise SystemExit(run.main())
