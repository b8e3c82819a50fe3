"""The workflows and page helpers of the web-extension browser tests (test_web_flow_nodes.py).

Workflows: `photo_finish_workflow` (LoadImage → the library's LOKI flow node photo_finish, id 7 → preview) and
`finish_sheet_workflow` (LoadImage → the test's flow node finish_sheet, id 12 → preview), `levels_workflow` (a
script node, id 2), `image_finish_workflow` (the composite script node image_finish, id 7). Page helpers speak to the page through `browser_harness.Browser`: the extension's own actions, and the
user's gestures (real mouse events at the canvas position of a node, computed from `node.pos` and the canvas
transform `ds`).
"""
from __future__ import annotations

import json

import ui_workflows as ui

FLOW_CLASS = "LokiFinishSheet"


def finish_sheet_flow() -> dict:
    return ui.ui_workflow(
        [ui.marker_in(1, "image", "IMAGE", description="The picture."),
         ui.marker_in(2, "white", "FLOAT", "0.9", "0.05", "1", "White point."),
         ui.node(3, "LokiImageLevels", title="Levels", sockets=[("image", "IMAGE")],
                 widget_inputs=[("black_point", "FLOAT"), ("white_point", "FLOAT"), ("gamma", "FLOAT")],
                 widgets=[0.2, 0.9, 1.0], outputs=[("image", "IMAGE")]),
         ui.node(4, "LokiPhotoFinish", title="Finish", sockets=[("image", "IMAGE")],
                 widget_inputs=[("caption", "STRING")], widgets=["nested"], outputs=[("image", "IMAGE")]),
         ui.node(5, "LokiContactSheet", title="Sheet", sockets=[("images", "IMAGE")],
                 widget_inputs=[("thumb_size", "INT"), ("title", "STRING")], widgets=[64, "sheet"],
                 outputs=[("sheet", "IMAGE")]),
         ui.marker_out(6, "sheet")],
        [(1, 0, 3, "image"), (2, 0, 3, "white_point"), (3, 0, 4, "image"), (4, 0, 5, "images"), (5, 0, 6, "value")])


def load_image(id: int, name: str) -> dict:
    return ui.node(id, "LoadImage", widget_inputs=[("image", "COMBO")], widgets=[name, "image"],
                   outputs=[("IMAGE", "IMAGE"), ("MASK", "MASK")], pos=[40, 120])


def preview(id: int, pos) -> dict:
    return ui.node(id, "PreviewImage", sockets=[("images", "IMAGE")], pos=pos)


def photo_finish_workflow(image: str) -> dict:
    return ui.ui_workflow(
        [load_image(1, image),
         ui.node(7, "LokiPhotoFinish", title="My finish", sockets=[("image", "IMAGE")],
                 widget_inputs=[("caption", "STRING")], widgets=["hello"], outputs=[("image", "IMAGE")],
                 pos=[420, 140]),
         preview(9, [800, 140])],
        [(1, 0, 7, "image"), (7, 0, 9, "images")])


def finish_sheet_workflow(image: str, white: float) -> dict:
    return ui.ui_workflow(
        [load_image(1, image),
         ui.node(12, FLOW_CLASS, title="Finish sheet", sockets=[("image", "IMAGE")],
                 widget_inputs=[("white", "FLOAT")], widgets=[white], outputs=[("sheet", "IMAGE")], pos=[420, 140]),
         preview(13, [820, 140])],
        [(1, 0, 12, "image"), (12, 0, 13, "images")])


def image_finish_workflow(image: str) -> dict:
    """LoadImage → the composite script node LokiImageFinish (7) → preview: a script whose flow is its parts."""
    return ui.ui_workflow(
        [load_image(1, image),
         ui.node(7, "LokiImageFinish", title="My composite", sockets=[("image", "IMAGE")],
                 widget_inputs=[("caption", "STRING"), ("amount", "FLOAT")], widgets=["hello", 1.5],
                 outputs=[("image", "IMAGE")], pos=[420, 140]),
         preview(9, [800, 140])],
        [(1, 0, 7, "image"), (7, 0, 9, "images")])


def levels_workflow(image: str) -> dict:
    """LoadImage → the script node LokiImageLevels (2) → preview: a node whose flow is the node itself."""
    return ui.ui_workflow(
        [load_image(1, image),
         ui.node(2, "LokiImageLevels", title="Levels", sockets=[("image", "IMAGE")],
                 widget_inputs=[("black_point", "FLOAT"), ("white_point", "FLOAT"), ("gamma", "FLOAT")],
                 widgets=[0.1, 0.9, 1.2], outputs=[("image", "IMAGE")], pos=[420, 140]),
         preview(3, [800, 140])],
        [(1, 0, 2, "image"), (2, 0, 3, "images")])


# Loads a workflow and lets the frontend settle (LoadImage resizes itself to its preview a few frames later).
LOAD = """async (wf) => { await app.loadGraphData(wf); await new Promise((r) => setTimeout(r, 800))
    return app.graph.nodes.length }"""
EXT = "(window.comfyAPI.app.app.extensions.find((e) => e.name === 'LOKI.Flows'))"
SERIALIZE = "() => JSON.parse(JSON.stringify(app.graph.serialize()))"


def call_action(action: str, node_id: int) -> str:
    return f"""() => {{
        const graph = app.canvas.graph
        const node = graph.getNodeById({node_id})
        const out = {EXT}.actions.{action}(node)
        return out ? {{ id: out.id, type: out.type }} : null
    }}"""


def canvas_nodes(page) -> list:
    return page.evaluate("""() => app.canvas.graph.nodes.map((n) => ({ id: n.id, type: n.type, title: n.title,
        widgets: Object.fromEntries((n.widgets ?? []).map((w) => [w.name, w.value])) }))""")


def back_to_root(page) -> None:
    page.evaluate("() => { app.canvas.setGraph(app.graph); app.canvas.subgraph = undefined; return true }")


def normalized(serialized: dict) -> dict:
    """nodes and links with link ids replaced by their endpoints (the ids the frontend reassigns on reconnecting),
    without `order` (litegraph recomputes the execution order whenever a node is added; the backend ignores it)."""
    ends = {l[0]: (l[1], l[2], l[3], l[4]) for l in serialized["links"]}
    nodes = []
    for n in sorted(serialized["nodes"], key=lambda n: n["id"]):
        n = json.loads(json.dumps(n))
        n.pop("order", None)
        for i in n.get("inputs", []):
            i["link"] = ends.get(i["link"]) and list(ends[i["link"]])
        for o in n.get("outputs", []):
            o["links"] = sorted(list(ends[x]) for x in (o.get("links") or []))
        nodes.append(n)
    links = sorted([list(ends[l[0]]) + [l[5]] for l in serialized["links"]])
    return {"nodes": nodes, "links": links}


def differences(a: dict, b: dict) -> list:
    """(node id, key, a value, b value) for every top-level key of a node that differs."""
    na, nb = {n["id"]: n for n in a["nodes"]}, {n["id"]: n for n in b["nodes"]}
    out = [(i, "<node>", i in na, i in nb) for i in set(na) ^ set(nb)]
    for i in set(na) & set(nb):
        out += [(i, k, na[i].get(k), nb[i].get(k)) for k in set(na[i]) | set(nb[i]) if na[i].get(k) != nb[i].get(k)]
    if a["links"] != b["links"]:
        out.append(("links", "", a["links"], b["links"]))
    return out


# Where a point of the current graph (graph space) is on the screen: the canvas element's place on the page plus
# the canvas transform (DragAndScale: screen = (graph + offset) * scale).
TO_SCREEN = """([x, y]) => { const r = app.canvas.canvas.getBoundingClientRect(); const ds = app.canvas.ds
    return [r.left + (x + ds.offset[0]) * ds.scale, r.top + (y + ds.offset[1]) * ds.scale] }"""


def node_title_point(page, node_id: int) -> list:
    """The screen point in the middle-left of a node's title bar (clear of the collapse dot and the buttons)."""
    x, y, _ = page.evaluate(f"""() => {{ const n = app.canvas.graph.getNodeById({node_id})
        return [n.pos[0] + Math.min(60, n.size[0] / 3), n.pos[1] - LiteGraph.NODE_TITLE_HEIGHT / 2, 0] }}""")
    return page.evaluate(TO_SCREEN, [x, y])


def close_dialogs(page) -> None:
    """Closes the dialogs the frontend left open (its execution-error report), as the user does: their × button."""
    for _ in range(page.evaluate("() => document.querySelectorAll('.p-dialog .p-dialog-close-button').length")):
        page.click(".p-dialog .p-dialog-close-button")
    page.wait_for("() => !document.querySelector('.p-dialog-mask, .p-dialog')", timeout=10)


def context_menu(page, node_id: int) -> list[str]:
    """Right-clicks the node's title (a real mouse event) and returns the entries of the menu that opens."""
    close_dialogs(page)
    settle_pointer(page)
    x, y = node_title_point(page, node_id)
    page.mouse("click", x, y, button="right")
    entries = page.texts(".litecontextmenu .litemenu-entry")
    if not entries:  # a click too soon after the last one opened the title editor: keep a picture, try again
        page.screenshot(f"no-context-menu-{node_id}")
        close_dialogs(page)
        settle_pointer(page)
        page.mouse("click", x, y, button="right")
        entries = page.texts(".litecontextmenu .litemenu-entry")
    return entries


def settle_pointer(page) -> None:
    """Lets litegraph's double-click window pass and closes a title editor a quick second click opened."""
    page.evaluate("""() => new Promise((done) => {
        const active = document.activeElement
        if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur()
        setTimeout(done, 700) })""")


def choose(page, node_id: int, entry: str) -> None:
    """Right-clicks the node and clicks `entry` in its context menu, both with the mouse."""
    entries = context_menu(page, node_id)
    assert entry in entries, entries
    page.click(".litecontextmenu .litemenu-entry", text=entry)


def title_button_point(page, node_id: int, name: str):
    """The screen point of the node's title button `name`, where the canvas last drew it (None if it has none)."""
    point = page.evaluate(f"""() => {{ app.canvas.setDirty(true, true); app.canvas.draw(true, true)
        const n = app.canvas.graph.getNodeById({node_id})
        const b = (n.title_buttons ?? []).find((b) => b.name === {json.dumps(name)})
        if (!b || !b._last_area[2]) return null
        const a = b._last_area  // node-relative, as litegraph hit-tests it
        return [n.pos[0] + a[0] + a[2] / 2, n.pos[1] + a[1] + a[3] / 2] }}""")
    return None if point is None else page.evaluate(TO_SCREEN, point)


def click_title_button(page, node_id: int, name: str) -> None:
    point = title_button_point(page, node_id, name)
    assert point is not None, f"node {node_id} has no drawn title button {name}"
    page.mouse("click", *point)


def run_queued(page, timeout=240):
    """Queues the loaded graph (as the Run button does) and returns the extension's progress history."""
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; return true }}")
    page.evaluate("async () => { await app.queuePrompt(0, 1); return true }")
    page.wait_for(f"""() => {EXT}.model.history.some((h) => h.kind === 'execution_success' || h.kind === 'execution_error')""",
                  timeout=timeout)
    return page.evaluate(f"() => {EXT}.model.history")


# What the canvas draws in one full frame, seen through the 2D context: every fillText with its colour and place
# (graph space: the extension draws in the canvas's graph transform).
DRAWN_TEXTS = """() => { const c = app.canvas; const ctx = c.ctx; const seen = []; const fill = ctx.fillText
    ctx.fillText = function (text, x, y) { seen.push({ text: String(text), color: String(this.fillStyle), x, y })
        return fill.apply(this, arguments) }
    try { c.setDirty(true, true); c.draw(true, true) } finally { ctx.fillText = fill }
    return seen }"""

# An init script that makes the page look like a frontend from before native subgraphs (< 1.24) to an extension:
# LGraph has no createSubgraph and the canvas no openSubgraph. The frontend publishes its litegraph classes as
# window globals (useGlobalLitegraph) before it loads extensions; the methods are gone from then on.
NO_SUBGRAPHS = """(() => {
    const strip = { LGraph: ['createSubgraph'], LGraphCanvas: ['openSubgraph'] }
    for (const [name, methods] of Object.entries(strip)) {
        let value
        Object.defineProperty(window, name, { configurable: true, enumerable: true, get: () => value,
            set: (v) => { for (const m of methods) delete v.prototype[m]; value = v
                window.__lokiStripped = [...(window.__lokiStripped ?? []), name] } })
    }
})()"""
