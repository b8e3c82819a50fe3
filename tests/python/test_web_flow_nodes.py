"""The pack's web extension (src/web) in the real ComfyUI frontend 1.27.10 served by the real ComfyUI 0.3.64.

One server and one chromium for the module (browser_harness.py). The pack is the repository's library plus two
flows this module owns (written with ui_workflows.py): `finish_sheet`, a flow holding the LOKI flow node
`photo_finish` (levels → photo finish → contact sheet), for nested opening and nested progress; its `white` input
below the levels' black point makes the inner LokiImageLevels fail. Screenshots: artifacts/test-results/screenshots.
"""
from __future__ import annotations

import json

import pytest

import browser_harness
import comfy_real
import ui_workflows as ui
from browser_harness import Browser, significant

comfyui_tool = pytest.importorskip("comfyui_tool")  # the real ComfyUI's test tool (tests/python/comfyui_tool.py)

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent() or browser_harness.why_absent()),
                                reason=str(comfyui_tool.why_absent() or browser_harness.why_absent()))

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


@pytest.fixture(scope="module")
def web_pack(tmp_path_factory):
    work = tmp_path_factory.mktemp("web_pack")
    library = comfy_real.build_library(work)
    folder = library / "nodes" / "finish_sheet"
    folder.mkdir()
    flow_file = folder / "finish_sheet_workflow.json"
    flow_file.write_text(json.dumps(finish_sheet_flow(), indent=1), encoding="utf-8")
    comfy_real.loki("convert", flow_file, "--to", "node", "-o", folder, "--library", library)
    return comfy_real.build_pack(work, library)


@pytest.fixture(scope="module")
def server(tmp_path_factory, web_pack):
    srv = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("web_server"), packs={comfy_real.PACK_FOLDER: web_pack},
                                   frontend_root=str(browser_harness.find_frontend()))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def image(server, tmp_path_factory):
    """A 640 px gradient in the server's input folder (big enough that each inner node is seen running)."""
    import numpy as np

    from conftest import write_rgba_png

    y, x = np.mgrid[0:640, 0:640]
    pixels = np.stack([x * 255 // 639, y * 255 // 639, (x + y) * 255 // 1278], axis=-1).astype(np.uint8)
    return server.upload_png(write_rgba_png(tmp_path_factory.mktemp("img") / "gradient.png", pixels))


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        b.open(server.url)
        b.startup_errors = b.errors()
        yield b


@pytest.fixture
def page(browser):
    """The module's browser; after the test, the page must have shown no error of its own."""
    browser.errors()
    yield browser
    errors = significant(browser.errors())
    assert errors == [], errors


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


def test_the_app_loads_the_extension_and_the_packs_flows_without_errors(browser):
    info = browser.evaluate(f"""() => ({{ version: window.__COMFYUI_FRONTEND_VERSION__,
        flows: [...{EXT}.index.keys()].sort() }})""")
    assert info["version"] == "1.27.10"
    assert {"LokiPhotoFinish", "LokiContactSheet", "LokiSoftGlow", FLOW_CLASS} <= set(info["flows"]), info
    assert significant(browser.startup_errors) == [], browser.startup_errors


def test_open_replaces_the_node_by_its_flow_and_close_restores_it(page, image):
    page.evaluate(LOAD, photo_finish_workflow(image))
    before = page.evaluate(SERIALIZE)
    opened = page.evaluate(call_action("open", 7))
    assert opened["id"] == 7  # the instance takes the node's id
    inside = canvas_nodes(page)  # Open navigates into the flow
    assert sorted((n["id"], n["type"]) for n in inside) == [
        (1, "LoadImage"), (3, "LokiImageLevels"), (4, "LokiImageSharpen"), (6, "LokiTextOverlay")]
    page.screenshot("open-photo-finish-inside")
    back_to_root(page)
    root = {n["id"]: n for n in canvas_nodes(page)}
    assert root[7]["title"] == "My finish" and root[7]["widgets"] == {"caption": "hello"}
    prompt = page.evaluate("async () => (await app.graphToPrompt()).output")
    assert {k: v["class_type"] for k, v in prompt.items() if k.startswith("7:")} == {
        "7:3": "LokiImageLevels", "7:4": "LokiImageSharpen", "7:6": "LokiTextOverlay", "7:1": "LoadImage"}
    assert prompt["7:6"]["inputs"]["text"] == "hello" and prompt["7:3"]["inputs"]["image"] == ["1", 0]
    assert prompt["9"]["inputs"]["images"] == ["7:6", 0]

    closed = page.evaluate(call_action("close", 7))
    assert closed == {"id": 7, "type": "LokiPhotoFinish"}
    after = page.evaluate(SERIALIZE)
    assert differences(normalized(after), normalized(before)) == []
    assert "definitions" not in after or not after["definitions"].get("subgraphs")


def test_undo_returns_to_the_closed_node(page, image):
    page.evaluate(LOAD, photo_finish_workflow(image))
    page.evaluate("() => { app.extensionManager.workflow.activeWorkflow.changeTracker.checkState(); return true }")
    page.evaluate(call_action("open", 7))
    back_to_root(page)
    assert page.evaluate("() => app.graph.getNodeById(7).type") != "LokiPhotoFinish"
    page.evaluate("async () => { await app.extensionManager.workflow.activeWorkflow.changeTracker.undo(); return true }")
    assert page.evaluate("() => app.graph.getNodeById(7).type") == "LokiPhotoFinish"


def test_a_flow_node_inside_an_opened_flow_opens_and_both_close(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.9))
    before = page.evaluate(SERIALIZE)
    page.evaluate(call_action("open", 12))
    assert sorted(n["type"] for n in canvas_nodes(page)) == ["LokiContactSheet", "LokiImageLevels", "LokiPhotoFinish"]
    page.evaluate(call_action("open", 4))  # the photo_finish node inside finish_sheet
    assert sorted(n["id"] for n in canvas_nodes(page)) == [1, 3, 4, 6]
    page.screenshot("open-nested")
    serialized = page.evaluate(SERIALIZE)
    assert len(serialized["definitions"]["subgraphs"]) == 2
    back_to_root(page)
    page.evaluate("""() => { const outer = app.graph.getNodeById(12); app.canvas.openSubgraph(outer.subgraph); return true }""")
    page.evaluate(call_action("close", 4))
    back_to_root(page)
    page.evaluate(call_action("close", 12))
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []


def _run(page, timeout=240):
    """Queues the loaded graph (as the Run button does) and returns the extension's progress history."""
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; return true }}")
    page.evaluate("async () => { await app.queuePrompt(0, 1); return true }")
    page.wait_for(f"""() => {EXT}.model.history.some((h) => h.kind === 'execution_success' || h.kind === 'execution_error')""",
                  timeout=timeout)
    return page.evaluate(f"() => {EXT}.model.history")


def test_queueing_a_closed_flow_node_shows_its_inner_nodes_run_in_turn(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.85))
    history = _run(page)
    seen = {}  # flow path -> states in order of first sight
    for h in history:
        for path, state in h["states"].items():
            if seen.setdefault(path, [])[-1:] != [state]:
                seen[path].append(state)
    assert seen["12"][-1] == "finished" and seen["12>3"] == ["running", "finished"], seen
    assert seen["12>4"] == ["running", "finished"] and seen["12>5"][-1] == "finished"
    assert seen["12>4>3"][-1] == seen["12>4>6"][-1] == "finished"  # photo_finish's own nodes, inside the nested flow

    def first(path, state):
        return next(i for i, h in enumerate(history) if h["states"].get(path) == state)

    assert first("12>3", "finished") <= first("12>4", "running") < first("12>4>3", "running") < first("12>5", "running")
    summary = page.evaluate(f"() => {EXT}.model.summary('12', {EXT}.index.get('{FLOW_CLASS}'))")
    assert (summary["done"], summary["total"]) == (3, 3)
    counters = [h for h in history if h["kind"] == "progress_state"]
    assert len(counters) >= 6  # the closed node's counter moved through the run


def test_progress_is_drawn_on_the_closed_node_and_on_the_running_inner_node(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.8))
    page.evaluate("() => { app.canvas.ds.scale = 1.2; app.canvas.ds.offset = [-300, 100]; app.canvas.setDirty(true, true); return true }")
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(f"() => {EXT}.model.stateOf('12>4')?.state === 'running'", timeout=240)
    page.screenshot("progress-closed")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)

    page.evaluate(call_action("open", 12))
    page.evaluate("() => { app.canvas.ds.scale = 0.9; app.canvas.ds.offset = [100, 150]; app.canvas.setDirty(true, true); return true }")
    page.evaluate("() => { app.graph.getNodeById(12)?.widgets?.forEach((w) => { if (w.name === 'white') w.value = 0.75 }); return true }")
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(f"() => {EXT}.model.stateOf('12:4')?.state === 'running'", timeout=240)
    page.screenshot("progress-opened")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)
    states = page.evaluate(f"() => Object.fromEntries(['12:3', '12:4', '12:4>3', '12:5'].map((p) => [p, {EXT}.model.stateOf(p)?.state]))")
    assert states == {"12:3": "finished", "12:4": "finished", "12:4>3": "finished", "12:5": "finished"}, states
    back_to_root(page)
    page.evaluate(call_action("close", 12))


def test_an_error_inside_a_flow_shows_on_the_inner_node(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.1))  # white 0.1 < the levels' black point 0.2
    history = _run(page)
    assert history[-1]["kind"] == "execution_error"
    state = page.evaluate(f"() => {EXT}.model.stateOf('12>3')")
    assert state["state"] == "error" and "white_point" in state["message"], state
    summary = page.evaluate(f"() => {EXT}.model.summary('12', {EXT}.index.get('{FLOW_CLASS}'))")
    assert summary["error"]["id"] == "3" and summary["error"]["title"] == "Levels"
    before = page.evaluate(SERIALIZE)
    page.evaluate(call_action("peek", 12))
    peeked = page.evaluate(f"""() => app.canvas.graph.nodes.map((n) => [n.id, {EXT}.model.stateOf('12>' + n.id)?.state ?? null])""")
    assert dict(peeked)[3] == "error"
    page.screenshot("error-peek")
    back_to_root(page)
    assert page.evaluate(SERIALIZE) == before  # peeking changed nothing
    page.errors()  # the frontend itself logs the execution error: not the extension's
