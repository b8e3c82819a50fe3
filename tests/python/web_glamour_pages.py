"""The workflows and page helpers of the glamour browser tests (test_web_glamours.py).

`glamour_workflow` is LoadImage → LokiImageLevels (2) → LokiImageBlur (3) → the library flow node LokiPhotoFinish (4)
→ PreviewImage (5), laid out on a fixed view (scale 1, no offset) so that node boxes are whole canvas pixels.
`grab` reads the canvas's own pixels (the 2D context, not a screenshot) of a graph-space box after a full redraw
with the pointer away, as an RGB numpy array; `face_box` is where the view draws a node's face.
"""
from __future__ import annotations

import base64
import io
import json

import ui_workflows as ui
from web_flow_pages import EXT, TO_SCREEN, load_image, preview

GLAMOURS = f"{EXT}.glamours"
LOKI_NODES = (2, 3, 4)


def glamour_workflow(image: str, white: float = 0.9, radius: float = 3.0) -> dict:
    wf = ui.ui_workflow(
        [load_image(1, image),
         ui.node(2, "LokiImageLevels", title="Levels", sockets=[("image", "IMAGE")],
                 widget_inputs=[("black_point", "FLOAT"), ("white_point", "FLOAT"), ("gamma", "FLOAT")],
                 widgets=[0.05, white, 1.1], outputs=[("image", "IMAGE")], pos=[380, 80]),
         ui.node(3, "LokiImageBlur", title="Blur", sockets=[("image", "IMAGE")],
                 widget_inputs=[("radius", "FLOAT")], widgets=[radius], outputs=[("image", "IMAGE")], pos=[380, 330]),
         ui.node(4, "LokiPhotoFinish", title="Finish", sockets=[("image", "IMAGE")],
                 widget_inputs=[("caption", "STRING")], widgets=["glamour"], outputs=[("image", "IMAGE")],
                 pos=[760, 80]),
         preview(5, [1140, 80])],
        [(1, 0, 2, "image"), (2, 0, 3, "image"), (3, 0, 4, "image"), (4, 0, 5, "images")])
    for n in wf["nodes"]:
        if n["id"] in LOKI_NODES:
            n["size"] = [320, 190]
    return wf


# A fixed view, nothing selected, the pointer away from every node, every glamour image asked for and loaded.
STILL = f"""async (fit) => {{ const c = app.canvas; c.ds.scale = 1; c.ds.offset = [0, 0]; c.deselectAll?.()
    if (fit) c.ds.offset = [40 - Math.min(...c.graph.nodes.map((n) => n.pos[0])), 80 - Math.min(...c.graph.nodes.map((n) => n.pos[1]))]
    c.node_over = null; c.graph_mouse && (c.graph_mouse[0] = -9999, c.graph_mouse[1] = -9999)
    for (const n of c.graph.nodes) n.mouseOver = undefined
    c.setDirty(true, true); c.draw(true, true); await {GLAMOURS}.images.settled()
    c.setDirty(true, true); c.draw(true, true); return true }}"""

# PNG (data URL) of the canvas pixels of the graph-space box [x, y, w, h] (scale 1: a graph unit is a canvas pixel).
GRAB = """([x, y, w, h]) => { const src = app.canvas.canvas; const out = document.createElement('canvas')
    const [ox, oy] = app.canvas.ds.offset.map(Math.round)
    out.width = w; out.height = h; out.getContext('2d').drawImage(src, x + ox, y + oy, w, h, 0, 0, w, h)
    return out.toDataURL('image/png') }"""

NODE_BOX = """(id) => { const n = app.canvas.graph.getNodeById(id); const t = LiteGraph.NODE_TITLE_HEIGHT
    return [Math.round(n.pos[0]), Math.round(n.pos[1] - t), Math.round(n.size[0]), Math.round(n.size[1] + t), t] }"""


def close_menus(page) -> None:
    page.evaluate("() => { LiteGraph.closeAllContextMenus?.(window); return true }")


def still(page, fit: bool = False) -> None:
    """A still view at scale 1: no offset, or (`fit`) the graph's nodes moved into view."""
    close_menus(page)
    page.mouse("move", 5, 990)
    page.evaluate(STILL, fit)


def grab(page, box) -> "np.ndarray":
    import numpy as np
    from PIL import Image

    data = page.evaluate(GRAB, [int(v) for v in box[:4]])
    with Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))) as im:
        return np.asarray(im.convert("RGB")).astype(np.int16)


def node_box(page, node_id: int) -> list:
    """[x, y, w, h, title height] of the node with its title bar, in graph space."""
    return page.evaluate(NODE_BOX, node_id)


def face_box(page, node_id: int):
    """The graph-space box the face image of node `node_id` is drawn in (None until its image has loaded)."""
    return page.evaluate(f"""() => {{ const n = app.canvas.graph.getNodeById({node_id})
        const r = {GLAMOURS}.view.faceRect(n); return r && [n.pos[0] + r.x, n.pos[1] + r.y, r.w, r.h] }}""")


def face_url(page, node_id: int, state: str) -> str:
    return page.evaluate(f"() => {GLAMOURS}.index.get(app.canvas.graph.getNodeById({node_id}).type).face({json.dumps(state)})")


def fetch_png(page, url: str) -> bytes:
    data = page.evaluate("""async (u) => { const b = await (await fetch(u)).blob()
        return await new Promise((r) => { const f = new FileReader(); f.onload = () => r(f.result); f.readAsDataURL(b) }) }""", url)
    return base64.b64decode(data.split(",", 1)[1])


def resized(png: bytes, w: int, h: int) -> "np.ndarray":
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return np.asarray(im.convert("RGB").resize((w, h), Image.BILINEAR)).astype(np.int16)


def blocks(a, k: int = 4):
    """Means of k x k blocks: what is left of a picture once two resamplers' differences are averaged away."""
    h, w = a.shape[0] // k * k, a.shape[1] // k * k
    return a[:h, :w].reshape(h // k, k, w // k, k, -1).mean(axis=(1, 3))


def likeness(shown, expected: dict) -> dict:
    """Mean absolute difference (block means) of `shown` to each picture of `expected` (same size), counted where
    those pictures differ from each other: states share most of their face, the differences tell them apart."""
    import numpy as np

    b = {k: blocks(v) for k, v in expected.items()}
    stack = np.stack(list(b.values()))
    differ = (stack.max(axis=0) - stack.min(axis=0)).max(axis=-1) > 24
    if differ.sum() < 8:
        differ[:] = True
    seen = blocks(shown)
    return {k: float(np.abs(v - seen)[differ].mean()) for k, v in b.items()}


def closest_state(page, node_id: int, states=("idle", "queued", "running", "done", "error")) -> tuple[str, dict]:
    """Which state's face image the canvas shows for the node (likeness of the inner face box to each state's)."""
    x, y, w, h = face_box(page, node_id)
    inner = [int(x) + 3, int(y) + 3, int(w) - 6, int(h) - 6]
    shown = grab(page, inner)
    dx, dy = int(round(inner[0] - x)), int(round(inner[1] - y))
    expected = {}
    for state in states:
        whole = resized(fetch_png(page, face_url(page, node_id, state)), int(round(w)), int(round(h)))
        expected[state] = whole[dy:dy + shown.shape[0], dx:dx + shown.shape[1]]
    rows, cols = min(e.shape[0] for e in expected.values()), min(e.shape[1] for e in expected.values())
    distances = likeness(shown[:rows, :cols], {k: v[:rows, :cols] for k, v in expected.items()})
    return min(distances, key=distances.get), distances


def screen_point(page, graph_point) -> list:
    return page.evaluate(TO_SCREEN, list(graph_point))


def canvas_menu(page, graph_point=(60, 800)) -> list[str]:
    """Right-clicks the empty canvas at `graph_point` (a real mouse event); returns the menu's entries."""
    x, y = screen_point(page, graph_point)
    page.mouse("click", x, y, button="right")
    return page.texts(".litecontextmenu .litemenu-entry")


def set_setting(url: str, key: str, value) -> None:
    """Stores a user setting as the settings dialog does (POST /api/settings/<key>)."""
    import urllib.request

    request = urllib.request.Request(f"{url}/api/settings/{key}", data=json.dumps(value).encode(), method="POST")
    urllib.request.urlopen(request, timeout=30).read()
