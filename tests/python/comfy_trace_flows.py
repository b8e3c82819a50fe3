"""The flows behind the recorded ComfyUI traces (fixtures/comfy_trace_*.json), shared by recorder and tests."""
import numpy as np

from loki_runtime import flow


def picture() -> np.ndarray:
    """A deterministic 24x32 RGB test picture, float32 [1,H,W,C]."""
    y, x = np.mgrid[0:24, 0:32]
    rgb = np.stack([x / 31.0, y / 23.0, ((x + y) % 7) / 6.0], axis=-1)
    return (np.round(rgb * 255) / 255).astype(np.float32)[None]


def success_graph() -> flow.Graph:
    g = flow.Graph()
    image = g.input("image", picture(), type="IMAGE")
    inverted = g.node("ImageInvert", _title="Invert", image=image)
    blurred = g.node("ImageBlur", _title="Soften", image=inverted.out(0), blur_radius=2, sigma=1.0)
    size = g.node("GetImageSize", image=blurred)
    hello = g.node("PrimitiveString", value="hello")
    text = g.node("StringConcatenate", string_a=hello.out(0), string_b=g.input("name", "LOKI", type="STRING"),
                  delimiter=", ")
    g.output("image", blurred.out(0))
    g.output("width", size.out(0))
    g.output("text", text.out(0))
    return g


def rejected_graph() -> flow.Graph:
    g = flow.Graph()
    empty = g.node("EmptyImage", width=16, height=16, batch_size=1, color=0)
    blurred = g.node("ImageBlur", _title="Too much blur", image=empty.out(0), blur_radius=99, sigma=1.0)
    g.output("image", blurred.out(0))
    return g


def failing_graph() -> flow.Graph:
    g = flow.Graph()
    empty = g.node("EmptyImage", width=16, height=16, batch_size=1, color=0)
    mask = g.node("ImageToMask", _title="Alpha of an RGB image", image=empty.out(0), channel="alpha")
    g.output("mask", mask.out(0))
    return g


GRAPHS = {"success": success_graph, "rejected": rejected_graph, "error": failing_graph}
