"""The pack's web extension (src/web) in the real ComfyUI frontend 1.27.10 served by the real ComfyUI 0.3.64.

One server and one chromium for the module (browser_harness.py). The pack is the repository's library plus two
flows this module owns (written with ui_workflows.py): `finish_sheet`, a flow holding the LOKI flow node
`photo_finish` (levels → photo finish → contact sheet), for nested opening and nested progress; its `white` input
below the levels' black point makes the inner LokiImageLevels fail. Workflows and page helpers (the extension's
actions, and real mouse gestures on the canvas): web_flow_pages.py. Screenshots: artifacts/test-results/screenshots.
"""
from __future__ import annotations

import json
import re

import pytest

import browser_harness
import comfy_real
from browser_harness import significant
from web_fixtures import browser, page, server, upload_gradient  # noqa: F401 (fixtures)
from web_flow_pages import (DRAWN_TEXTS, EXT, FLOW_CLASS, LOAD, NO_SUBGRAPHS, SERIALIZE, back_to_root, call_action,
                            canvas_nodes, choose, click_title_button, close_dialogs, context_menu, differences,
                            finish_sheet_flow, finish_sheet_workflow, image_finish_workflow, levels_workflow, normalized,
                            photo_finish_workflow, run_queued, title_button_point)

comfyui_tool = pytest.importorskip("comfyui_tool")  # the real ComfyUI's test tool (tests/python/comfyui_tool.py)

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent() or browser_harness.why_absent()),
                                reason=str(comfyui_tool.why_absent() or browser_harness.why_absent()))


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
def image(server, tmp_path_factory):
    """A 640 px gradient in the server's input folder (big enough that each inner node is seen running)."""
    return upload_gradient(server, tmp_path_factory.mktemp("img"), 640, "gradient.png")


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
    # The flow's own nodes (grown from the composite photo_finish.py, its saver included); its markers are the
    # subgraph's inputs and output (the example LoadImage that fed the image marker in the flow file is not part of
    # the flow's run and is not there).
    assert sorted((n["id"], n["type"]) for n in inside) == [
        (4, "LokiImageLevels"), (5, "LokiImageSharpen"), (6, "LokiTextOverlay"), (8, "SaveImage")]
    io = page.evaluate("""() => ({ inputs: app.canvas.graph.inputs.map((i) => [i.name, i.type]),
        outputs: app.canvas.graph.outputs.map((o) => [o.name, o.type]) })""")
    assert io == {"inputs": [["image", "IMAGE"], ["caption", "STRING"]], "outputs": [["image", "IMAGE"]]}, io
    page.screenshot("open-photo-finish-inside")
    back_to_root(page)
    root = {n["id"]: n for n in canvas_nodes(page)}
    assert root[7]["title"] == "My finish" and root[7]["widgets"] == {"caption": "hello"}
    prompt = page.evaluate("async () => (await app.graphToPrompt()).output")
    assert {k: v["class_type"] for k, v in prompt.items() if k.startswith("7:")} == {
        "7:4": "LokiImageLevels", "7:5": "LokiImageSharpen", "7:6": "LokiTextOverlay", "7:8": "SaveImage"}
    assert prompt["7:6"]["inputs"]["text"] == "hello" and prompt["7:4"]["inputs"]["image"] == ["1", 0]
    assert prompt["9"]["inputs"]["images"] == ["7:6", 0]

    closed = page.evaluate(call_action("close", 7))
    assert closed == {"id": 7, "type": "LokiPhotoFinish"}
    after = page.evaluate(SERIALIZE)
    assert differences(normalized(after), normalized(before)) == []
    assert "definitions" not in after or not after["definitions"].get("subgraphs")


def test_a_composite_script_node_opens_as_the_flow_of_its_parts(page, image):
    """Issue 13: image_finish is a LOKI Script calling three library nodes; the build grew its flow from the script."""
    page.evaluate(LOAD, image_finish_workflow(image))
    before = page.evaluate(SERIALIZE)
    opened = page.evaluate(call_action("open", 7))
    assert opened["id"] == 7
    inside = sorted((n["type"], n["title"]) for n in canvas_nodes(page))  # the flow's saver shows the result inside
    assert inside == [("LokiImageLevels", "leveled"), ("LokiImageSharpen", "sharpened"), ("LokiTextOverlay", "captioned"),
                      ("SaveImage", "Save Image")]
    io = page.evaluate("""() => ({ inputs: app.canvas.graph.inputs.map((i) => [i.name, i.type]),
        outputs: app.canvas.graph.outputs.map((o) => [o.name, o.type]) })""")
    assert io == {"inputs": [["image", "IMAGE"], ["caption", "STRING"], ["amount", "FLOAT"]],
                  "outputs": [["image", "IMAGE"]]}, io
    page.screenshot("open-composite-image-finish-inside")
    back_to_root(page)
    prompt = page.evaluate("async () => (await app.graphToPrompt()).output")
    inner = {v["class_type"]: v["inputs"] for k, v in prompt.items() if k.startswith("7:")}
    assert sorted(inner) == ["LokiImageLevels", "LokiImageSharpen", "LokiTextOverlay", "SaveImage"]
    assert inner["LokiTextOverlay"]["text"] == "hello" and inner["LokiImageSharpen"]["amount"] == 1.5
    assert inner["LokiImageLevels"]["image"] == ["1", 0] and inner["LokiImageLevels"]["gamma"] == 1.1
    closed = page.evaluate(call_action("close", 7))
    assert closed == {"id": 7, "type": "LokiImageFinish"}
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []


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
    assert sorted(n["id"] for n in canvas_nodes(page)) == [4, 5, 6, 8]
    page.screenshot("open-nested")
    serialized = page.evaluate(SERIALIZE)
    assert len(serialized["definitions"]["subgraphs"]) == 2
    back_to_root(page)
    page.evaluate("""() => { const outer = app.graph.getNodeById(12); app.canvas.openSubgraph(outer.subgraph); return true }""")
    page.evaluate(call_action("close", 4))
    back_to_root(page)
    page.evaluate(call_action("close", 12))
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []


# Records the toasts the page shows from now on (window.__toasts: their details).
WATCH_TOASTS = """() => { const t = app.extensionManager.toast; window.__toasts = []
    if (!t.__watched) {
        const add = t.add
        t.add = function (m) { window.__toasts?.push(m?.detail); return add.apply(this, arguments) }
        t.__watched = true
    }
    return true }"""


def test_the_user_opens_and_closes_with_the_context_menu_and_the_title_button(page, image):
    page.evaluate(LOAD, photo_finish_workflow(image))
    page.evaluate(WATCH_TOASTS)
    before = page.evaluate(SERIALIZE)
    assert context_menu(page, 7)[:2] == ["Open flow", "Peek inside"]
    page.click(".litecontextmenu .litemenu-entry", text="Open flow")
    assert page.evaluate("() => app.canvas.graph !== app.graph")  # the canvas shows the opened flow
    assert sorted(n["type"] for n in canvas_nodes(page)) == ["LokiImageLevels", "LokiImageSharpen", "LokiTextOverlay", "SaveImage"]
    back_to_root(page)
    assert page.evaluate("() => app.graph.getNodeById(7).title") == "My finish"
    choose(page, 7, "Close to LOKI node")
    assert page.evaluate("() => app.graph.getNodeById(7).type") == "LokiPhotoFinish"
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []

    click_title_button(page, 7, "loki_open_flow")
    assert page.evaluate("() => app.canvas.graph !== app.graph && app.graph.getNodeById(7).properties.loki_flow.type")
    back_to_root(page)
    assert title_button_point(page, 7, "loki_open_flow") is None
    click_title_button(page, 7, "loki_close_flow")
    assert page.evaluate("() => app.graph.getNodeById(7).type") == "LokiPhotoFinish"
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []

    assert page.evaluate("() => window.__toasts") == []  # nothing was edited inside: no warning

    # An edit inside (a widget no flow input drives) is dropped on close, and the user is told.
    click_title_button(page, 7, "loki_open_flow")
    page.evaluate("() => { app.canvas.graph.getNodeById(4).widgets[0].value = 0.5; return true }")
    back_to_root(page)
    click_title_button(page, 7, "loki_close_flow")
    toasts = page.evaluate("() => window.__toasts")
    assert len(toasts) == 1 and "My finish" in toasts[0], toasts
    assert differences(normalized(page.evaluate(SERIALIZE)), normalized(before)) == []

    closed = page.evaluate(SERIALIZE)
    choose(page, 7, "Peek inside")
    assert sorted(n["type"] for n in canvas_nodes(page)) == ["LokiImageLevels", "LokiImageSharpen", "LokiTextOverlay", "SaveImage"]
    back_to_root(page)
    assert page.evaluate(SERIALIZE) == closed  # peeking changed nothing


def test_queueing_a_closed_flow_node_shows_its_inner_nodes_run_in_turn(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.85))
    history = run_queued(page)
    seen = {}  # flow path -> states in order of first sight
    for h in history:
        for path, state in h["states"].items():
            if seen.setdefault(path, [])[-1:] != [state]:
                seen[path].append(state)
    assert seen["12"][-1] == "finished" and seen["12>3"] == ["running", "finished"], seen
    assert seen["12>4"] == ["running", "finished"] and seen["12>5"][-1] == "finished"
    assert seen["12>4>4"][-1] == seen["12>4>6"][-1] == "finished"  # photo_finish's own nodes, inside the nested flow

    def first(path, state):
        return next(i for i, h in enumerate(history) if h["states"].get(path) == state)

    assert first("12>3", "finished") <= first("12>4", "running") < first("12>4>4", "running") < first("12>5", "running")
    summary = page.evaluate(f"() => {EXT}.model.summary('12', {EXT}.index.get('{FLOW_CLASS}'))")
    assert (summary["done"], summary["total"]) == (3, 3)
    counters = [h for h in history if h["kind"] == "progress_state"]
    assert len(counters) >= 6  # the closed node's counter moved through the run


def seen_running(path: str) -> str:
    """True once the model has seen the inner node run: its state now, or any state in its history (a fast node can
    start and finish between two polls of the page, and the CI machine is slow or fast by turns)."""
    return (f"() => {EXT}.model.stateOf('{path}')?.state === 'running'"
            f" || {EXT}.model.history.some((h) => h.states?.['{path}'] === 'running')")


def test_progress_is_drawn_on_the_closed_node_and_on_the_running_inner_node(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.8))
    page.evaluate("() => { app.canvas.ds.scale = 1.2; app.canvas.ds.offset = [-300, 100]; app.canvas.setDirty(true, true); return true }")
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(seen_running("12>4"), timeout=240)
    page.screenshot("progress-closed")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)

    page.evaluate(call_action("open", 12))
    page.evaluate("() => { app.canvas.ds.scale = 0.9; app.canvas.ds.offset = [100, 150]; app.canvas.setDirty(true, true); return true }")
    page.evaluate("() => { app.graph.getNodeById(12)?.widgets?.forEach((w) => { if (w.name === 'white') w.value = 0.75 }); return true }")
    page.evaluate(f"() => {{ {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(seen_running("12:4"), timeout=240)
    page.screenshot("progress-opened")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)
    states = page.evaluate(f"() => Object.fromEntries(['12:3', '12:4', '12:4>4', '12:5'].map((p) => [p, {EXT}.model.stateOf(p)?.state]))")
    assert states == {"12:3": "finished", "12:4": "finished", "12:4>4": "finished", "12:5": "finished"}, states
    back_to_root(page)
    page.evaluate(call_action("close", 12))


def test_an_error_inside_a_flow_shows_on_the_inner_node(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.1))  # white 0.1 < the levels' black point 0.2
    history = run_queued(page)
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


def test_an_error_inside_an_opened_flow_shows_on_the_inner_node_that_raised_it(page, image):
    page.evaluate(LOAD, finish_sheet_workflow(image, 0.1))
    choose(page, 12, "Open flow")
    page.evaluate("() => { app.canvas.ds.scale = 1; app.canvas.ds.offset = [100, 150]; return true }")
    history = run_queued(page)
    assert history[-1]["kind"] == "execution_error"
    # ComfyUI names the inner node by its flattened id; the frontend's own error outline compares that id with the
    # node's own id (3), so it marks nothing inside the subgraph: the extension does.
    assert page.evaluate("() => app.lastExecutionError?.node_id") == "12:3"
    assert page.evaluate("""() => { const n = app.canvas.graph.getNodeById(3)
        return n.strokeStyles?.executionError?.call(n) ?? null }""") is None
    assert page.evaluate(f"() => {EXT}.model.stateOf('12:3')?.state") == "error"
    drawn = page.evaluate(DRAWN_TEXTS)
    node = page.evaluate("() => { const n = app.canvas.graph.getNodeById(3); return [...n.pos, ...n.size] }")
    red = [d for d in drawn if d["color"] == "#f85149"]
    message = [d for d in red if "white_point" in d["text"]]
    assert len(message) == 1, drawn
    assert abs(message[0]["x"] - (node[0] - 3)) < 1 and abs(message[0]["y"] - (node[1] + node[3] + 7)) < 1
    assert any(d["text"] == "✖" and node[0] < d["x"] < node[0] + node[2] for d in red), red
    assert not any(d["text"] in ("✖", "▶") and d["color"] == "#f85149" and not node[0] < d["x"] < node[0] + node[2]
                   for d in drawn)  # only the failing node is marked
    close_dialogs(page)  # the frontend's error report covers the canvas
    page.screenshot("error-opened")
    page.errors()  # the frontend itself logs the execution error: not the extension's
    back_to_root(page)
    strip = [d["text"] for d in page.evaluate(DRAWN_TEXTS) if d["color"] == "#f85149"]
    assert "0/3 ✖ Levels" in strip, strip  # the opened node's own strip names the failing inner node
    page.evaluate(call_action("close", 12))


def test_a_script_node_has_no_inner_run_to_count(page, image):
    """A script node's flow is the node itself: it runs as one ComfyUI node (no expansion, no inner ids), so the
    frontend's own running outline and progress bar on it say all a k/n strip would; the extension draws none."""
    page.evaluate(LOAD, levels_workflow(image))
    assert page.evaluate(f"() => {EXT}.index.get('LokiImageLevels')?.trivial") is True
    history = run_queued(page)
    assert history[-1]["kind"] == "execution_success"
    paths = {p for h in history for p in h["states"]}
    assert "2" in paths and paths <= {"1", "2", "3"}, paths  # no inner ids: nothing expanded
    states = [h["states"].get("2") for h in history if h["states"].get("2")]
    assert states[0] == "running" and states[-1] == "finished", states
    assert not [d for d in page.evaluate(DRAWN_TEXTS) if re.match(r"\d+/\d+", d["text"])]


@pytest.fixture
def old_frontend(browser, server):
    """The module's browser reloaded with the subgraph API removed before the extension's setup; reloaded as the
    real 1.27.10 afterwards."""
    browser.evaluate(LOAD, photo_finish_workflow("example.png"))  # the restored workflow holds no subgraph
    browser.open(server.url, init=NO_SUBGRAPHS)
    yield browser
    browser.open(server.url)
    browser.errors()


def test_without_native_subgraphs_nothing_opens_and_the_node_still_runs(old_frontend, image):
    page = old_frontend
    assert page.evaluate("() => window.__lokiStripped") == ["LGraph", "LGraphCanvas"]
    assert page.evaluate("() => [typeof app.graph.createSubgraph, typeof app.canvas.openSubgraph]") == [
        "undefined", "undefined"]
    assert page.evaluate(f"() => {EXT}.index.has('LokiPhotoFinish')")  # the extension loaded and read its index
    page.evaluate(LOAD, photo_finish_workflow(image))
    entries = context_menu(page, 7)
    assert entries and not {"Open flow", "Peek inside", "Close to LOKI node"} & set(entries), entries
    page.call("key", key="Escape")
    assert page.evaluate("() => app.graph.getNodeById(7).title_buttons.map((b) => b.name)") == []
    history = run_queued(page)
    assert history[-1]["kind"] == "execution_success"
    final = history[-1]["states"]
    assert {p: final.get(p) for p in ("7", "7>4", "7>5", "7>6", "9")} == dict.fromkeys(
        ("7", "7>4", "7>5", "7>6", "9"), "finished"), final  # the flow expanded on the server and ran
    assert significant(page.errors()) == []
