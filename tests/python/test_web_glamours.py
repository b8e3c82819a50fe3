"""Glamours in the real ComfyUI frontend 1.27.10 served by the real ComfyUI 0.3.64 (the pack's web extension, src/web).

One server and one chromium for the module (browser_harness.py). The pack is the repository's library with its
glamour layers (`nodes/<n>/glamour/`; a node the checkout has none for gets a Pillow stand-in, glamour_standins.py).
Pixels are read from the canvas itself after a full redraw (web_glamour_pages.grab); screenshots go to
artifacts/test-results/screenshots (glamour-*.png).
"""
from __future__ import annotations

import json

import numpy as np
import pytest

import browser_harness
import comfy_real
import glamour_standins
from browser_harness import significant
from web_fixtures import browser, page, server, upload_gradient  # noqa: F401 (fixtures)
from web_flow_pages import EXT, LOAD, SERIALIZE, back_to_root, call_action, choose, context_menu
from web_glamour_pages import (GLAMOURS, LOKI_NODES, canvas_menu, close_menus, closest_state, face_box, fetch_png,
                               glamour_workflow, grab, likeness, node_box, resized, screen_point, set_setting, still)

comfyui_tool = pytest.importorskip("comfyui_tool")

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent() or browser_harness.why_absent()),
                                reason=str(comfyui_tool.why_absent() or browser_harness.why_absent()))


@pytest.fixture(scope="module")
def web_pack(tmp_path_factory):
    work = tmp_path_factory.mktemp("glamour_pack")
    library = comfy_real.build_library(work)
    glamour_standins.fill_missing(library / "nodes")
    return comfy_real.build_pack(work, library)


@pytest.fixture(scope="module")
def image(server, tmp_path_factory):
    return upload_gradient(server, tmp_path_factory.mktemp("img"), 768, "glamour_gradient.png")


@pytest.fixture(scope="module")
def big_image(server, tmp_path_factory):
    """1600 px: each node of a run takes long enough to be drawn (and photographed) running."""
    return upload_gradient(server, tmp_path_factory.mktemp("img"), 1600, "glamour_big.png")


def load(page, workflow) -> None:
    page.evaluate(LOAD, workflow)
    still(page)


def test_the_pack_serves_its_glamours_and_refuses_other_paths(server, browser):
    index = server.get_json("/loki/glamours")
    assert {"LokiImageLevels", "LokiImageBlur", "LokiPhotoFinish"} <= set(index), sorted(index)
    entry = index["LokiImageBlur"]
    shipped = server.comfyui / "custom_nodes" / comfy_real.PACK_FOLDER / "nodes" / "image_blur" / "glamour"
    for state, path in entry["faces"].items():
        status, data = server.http.request("GET", f"/api/loki/glamour/image_blur/{path}")
        assert status == 200 and data == (shipped / path).read_bytes(), (state, path, status)
    for bad in ("../image_blur.py", "..%2Fimage_blur.py", "states/..%2F..%2Fimage_blur.json", "glamour.py",
                "%2Fetc%2Fpasswd", "states/nothing.png"):
        status, data = server.http.request("GET", f"/api/loki/glamour/image_blur/{bad}")
        assert status == 404, (bad, status)
    status, data = server.http.request("GET", "/api/loki/glamour/image_blur/glamour.py%00.png")
    assert status == 404
    assert json.loads(server.http.request("GET", "/api/loki/glamour/image_blur/x.png")[1])["code"] == "LOKI7141"
    assert significant(browser.startup_errors) == [], browser.startup_errors
    loaded = browser.evaluate(f"() => [...{GLAMOURS}.index.keys()].sort()")
    assert set(index) == set(loaded)


def test_loki_nodes_are_glamoured_by_default_and_veiled_they_draw_as_plain_comfyui(page, image):
    load(page, glamour_workflow(image))
    assert page.evaluate(f"() => [2, 3, 4, 5].map((id) => {GLAMOURS}.view.shows(app.graph.getNodeById(id)))") == [
        True, True, True, False]
    boxes = {i: node_box(page, i) for i in (*LOKI_NODES, 1, 5)}
    glamoured = {i: grab(page, b) for i, b in boxes.items()}
    for i in LOKI_NODES:
        assert face_box(page, i) is not None
        assert closest_state(page, i)[0] == "idle"
    page.screenshot("glamour-workflow-glamoured")

    assert canvas_menu(page)[-1:] == ["🌘 Veil all LOKI nodes"]
    page.click(".litecontextmenu .litemenu-entry", text="Veil all LOKI nodes")
    still(page)
    assert page.evaluate("() => app.graph.extra.loki_glamour") == {"all": "veiled"}
    veiled = {i: grab(page, b) for i, b in boxes.items()}
    page.screenshot("glamour-workflow-veiled")

    for i in LOKI_NODES:
        title = boxes[i][4]
        # The title bar is the frontend's in both; the body differs: the face and its overlays.
        assert np.array_equal(glamoured[i][:title - 2], veiled[i][:title - 2]), i
        assert np.abs(glamoured[i][title + 2:] - veiled[i][title + 2:]).mean() > 20, i
    for i in (1, 5):  # plain nodes are never touched
        assert np.array_equal(glamoured[i], veiled[i]), i

    # Veiled, the whole canvas is what the frontend's own drawNode draws: pixel for pixel.
    whole = [0, 0, 1600, 760]  # above the canvas's info text (its FPS counter changes every frame)
    ours = grab(page, whole)
    page.evaluate("""() => { const c = app.canvas; window.__lokiDrawNode = c.drawNode; c.drawNode = LGraphCanvas.prototype.drawNode
        c.setDirty(true, true); c.draw(true, true); return true }""")
    theirs = grab(page, whole)
    page.evaluate("() => { app.canvas.drawNode = window.__lokiDrawNode; return true }")
    diff = np.argwhere(np.abs(ours - theirs).sum(axis=2) > 0)
    assert diff.size == 0, (diff.min(axis=0), diff.max(axis=0), len(diff))


REDRAW = "() => { app.canvas.setDirty(true, true); app.canvas.draw(true, true); return true }"


def faces_of(page, path) -> list[str]:
    """The states node `path`'s face went through, in order, as the view drew them."""
    seen = []
    for h in page.evaluate(f"() => {GLAMOURS}.view.history"):
        if h["path"] == path and seen[-1:] != [h["state"]]:
            seen.append(h["state"])
    return seen


def test_the_face_follows_the_run_through_its_states(page, big_image):
    load(page, glamour_workflow(big_image, white=0.93, radius=6.0))  # values no earlier run used: nothing is cached
    assert all(closest_state(page, i)[0] == "idle" for i in LOKI_NODES)
    page.evaluate(f"() => {{ {GLAMOURS}.view.history.length = 0; {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(f"() => {GLAMOURS}.faces.stateOf('4') === 'queued'", timeout=60)
    page.evaluate(REDRAW)
    assert closest_state(page, 4)[0] == "queued"  # the flow node, last in line, waits longest
    page.wait_for(f"() => {GLAMOURS}.faces.stateOf('4') === 'running'", timeout=240)
    page.evaluate(REDRAW)
    running, distances = closest_state(page, 4)
    assert running == "running", distances
    page.evaluate(REDRAW)
    page.screenshot("glamour-running")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)
    still(page)
    for i in LOKI_NODES:
        assert closest_state(page, i)[0] == "done", i
        states = faces_of(page, str(i))
        assert states[0] == "queued" and states[-1] == "done" and states.index("queued") < len(states) - 1, (i, states)
    assert faces_of(page, "4") == ["queued", "running", "done"]  # the flow node runs long enough to be seen running
    assert "running" in faces_of(page, "2") or "running" in faces_of(page, "3")

    # Peeking into the closed flow node shows its inner nodes glamoured, with the faces of the inner run.
    page.evaluate(call_action("peek", 4))
    assert sorted(page.evaluate(f"() => app.canvas.graph.nodes.map((n) => [n.id, {GLAMOURS}.view.shows(n)])")) == [
        [4, True], [5, True], [6, True], [8, False]]
    still(page, fit=True)
    for i in (4, 5, 6):
        assert page.evaluate(f"() => {GLAMOURS}.faces.stateOf('4>{i}')") == "done"
        assert closest_state(page, i)[0] == "done", i
    back_to_root(page)

    # Another workflow starts idle: the faces of this run were this workflow's.
    load(page, glamour_workflow(big_image, white=0.93, radius=6.0))
    assert [closest_state(page, i)[0] for i in LOKI_NODES] == ["idle"] * 3


def test_a_failing_node_shows_its_error_face(page, image):
    load(page, glamour_workflow(image, white=0.01))  # white point below the black point: levels raises
    page.evaluate("async () => { await app.queuePrompt(0, 1); return true }")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_error')", timeout=240)
    close_dialog = "() => { document.querySelectorAll('.p-dialog .p-dialog-close-button').forEach((b) => b.click()); return true }"
    page.evaluate(close_dialog)
    still(page)
    assert closest_state(page, 2)[0] == "error"
    assert page.evaluate(f"() => [3, 4].map((id) => {GLAMOURS}.faces.stateOf(String(id)))") == ["idle", "idle"]
    page.errors()  # the frontend logs the execution error itself


def test_veil_and_glamour_choices_survive_save_and_load(page, image):
    load(page, glamour_workflow(image))
    choose(page, 3, "🌘 Veil")
    shows = f"() => [2, 3, 4].map((id) => {GLAMOURS}.view.shows(app.graph.getNodeById(id)))"
    assert page.evaluate(shows) == [True, False, True]
    saved = page.evaluate(SERIALIZE)
    assert {n["id"]: n["properties"].get("loki_glamour") for n in saved["nodes"] if n["id"] in LOKI_NODES} == {
        2: None, 3: "veiled", 4: None}
    entries = [e for e in context_menu(page, 3) if e]
    assert entries[:3] == ["Open flow", "Peek inside", "🌔 Glamour"], entries  # the flow actions stay first
    close_menus(page)
    assert canvas_menu(page)[-2:] == ["🌔 Glamour all LOKI nodes", "🌘 Veil all LOKI nodes"]  # mixed: both
    close_menus(page)

    load(page, glamour_workflow(image))
    assert page.evaluate(shows) == [True, True, True]
    load(page, saved)
    assert page.evaluate(shows) == [True, False, True]
    page.evaluate(f"() => {{ {GLAMOURS}.switches.all('veiled'); return true }}")
    veiled = page.evaluate(SERIALIZE)
    assert veiled["extra"]["loki_glamour"] == {"all": "veiled"}
    assert not any("loki_glamour" in n["properties"] for n in veiled["nodes"])
    load(page, glamour_workflow(image))
    load(page, veiled)
    assert page.evaluate(shows) == [False, False, False]
    choose(page, 4, "🌔 Glamour")
    assert page.evaluate(shows) == [False, False, True]
    assert page.evaluate("() => app.extensionManager.workflow.activeWorkflow.changeTracker.activeState.nodes.find((n) => n.id === 4).properties.loki_glamour") == "glamoured"


def test_an_overlay_edits_its_widget_and_the_hidden_widgets_take_no_clicks(page, image):
    load(page, glamour_workflow(image))
    overlays = page.evaluate(f"""() => {{ const n = app.graph.getNodeById(3)
        return {GLAMOURS}.view.overlays(n).map((o) => ({{ widget: o.widget.name, box: [n.pos[0] + o.box.x, n.pos[1] + o.box.y, o.box.w, o.box.h] }})) }}""")
    radius = next(o for o in overlays if o["widget"] == "radius")
    x, y, w, h = radius["box"]
    page.mouse("click", *screen_point(page, [x + w / 2, y + h / 2]))
    page.wait_for("() => !!document.querySelector('.graphdialog input.value')", timeout=10)
    page.evaluate("() => { const i = document.querySelector('.graphdialog input.value'); i.value = '7.5'; return true }")
    page.call("key", key="Enter")
    assert page.evaluate("() => app.graph.getNodeById(3).widgets.find((w) => w.name === 'radius').value") == 7.5
    still(page)
    drawn = page.evaluate(f"""() => {{ const seen = []; const ctx = app.canvas.ctx; const fill = ctx.fillText
        ctx.fillText = function (t) {{ seen.push(String(t)); return fill.apply(this, arguments) }}
        try {{ app.canvas.setDirty(true, true); app.canvas.draw(true, true) }} finally {{ ctx.fillText = fill }}
        return seen }}""")
    labelled = page.evaluate(f"() => {GLAMOURS}.index.get('LokiImageBlur').overlays.find((o) => o.widget === 'radius').label ?? null")
    assert ("7.5" if labelled else "radius: 7.5") in drawn, drawn  # a labelled box: the face paints the caption
    # Where litegraph would find the radius widget (its row, under the face) a click changes nothing.
    row = page.evaluate("""() => { const n = app.graph.getNodeById(3); const w = n.widgets.find((w) => w.name === 'radius')
        return [n.pos[0] + n.size[0] - 12, n.pos[1] + w.y + 10] }""")
    if not any(o["box"][0] <= row[0] <= o["box"][0] + o["box"][2] and o["box"][1] <= row[1] <= o["box"][1] + o["box"][3]
               for o in overlays):
        page.mouse("click", *screen_point(page, row))
        assert page.evaluate("() => app.graph.getNodeById(3).widgets.find((w) => w.name === 'radius').value") == 7.5
    assert page.evaluate("() => !document.querySelector('.graphdialog')")


def test_hovering_a_flow_node_shows_its_composed_card(page, image):
    load(page, glamour_workflow(image))
    x, y, w, h, _ = node_box(page, 4)
    page.mouse("move", *screen_point(page, [x + w / 2, y + h - 20]))
    page.evaluate(f"async () => {{ app.canvas.setDirty(true, true); app.canvas.draw(true, true); await {GLAMOURS}.images.settled(); app.canvas.setDirty(true, true); app.canvas.draw(true, true); return true }}")
    card = page.evaluate(f"() => {GLAMOURS}.view.cardDrawn")
    entry_card = page.evaluate(f"() => {GLAMOURS}.index.get('LokiPhotoFinish').card")
    assert card and card["node"] == 4 and card["url"] == entry_card
    cx, cy, cw, ch = card["rect"]
    shown = grab(page, [int(cx) + 2, int(cy) + 2, int(cw) - 4, int(ch) - 4])
    cards = {t: page.evaluate(f"() => {GLAMOURS}.index.get('{t}').card") for t in ("LokiPhotoFinish", "LokiImageBlur")}
    assert len(set(cards.values())) == 2
    expected = {t: resized(fetch_png(page, u), int(round(cw)), int(round(ch)))[2:2 + shown.shape[0], 2:2 + shown.shape[1]]
                for t, u in cards.items()}
    rows, cols = min(e.shape[0] for e in expected.values()), min(e.shape[1] for e in expected.values())
    distance = likeness(shown[:rows, :cols], {t: e[:rows, :cols] for t, e in expected.items()})
    assert distance["LokiPhotoFinish"] < 10 and distance["LokiPhotoFinish"] * 3 < distance["LokiImageBlur"], distance
    page.screenshot("glamour-flow-card")
    page.mouse("move", 5, 990)


def test_the_inner_nodes_of_an_opened_flow_are_glamoured_and_show_the_run(page, image):
    load(page, glamour_workflow(image, white=0.91, radius=4.0))
    page.evaluate(call_action("open", 4))
    inner = page.evaluate(f"() => app.canvas.graph.nodes.map((n) => [n.id, n.type, {GLAMOURS}.view.shows(n)])")
    assert sorted(inner) == [[4, "LokiImageLevels", True], [5, "LokiImageSharpen", True], [6, "LokiTextOverlay", True],
                             [8, "SaveImage", False]]
    still(page, fit=True)
    assert closest_state(page, 4)[0] == "idle"
    page.evaluate(f"() => {{ {GLAMOURS}.view.history.length = 0; {EXT}.model.history.length = 0; app.queuePrompt(0, 1); return true }}")
    page.wait_for(f"() => {EXT}.model.history.some((h) => h.kind === 'execution_success')", timeout=240)
    still(page, fit=True)
    page.screenshot("glamour-opened-flow-done")
    for i in (4, 5, 6):
        assert closest_state(page, i)[0] == "done", i
        assert faces_of(page, f"4:{i}")[-1] == "done"
        assert faces_of(page, f"4:{i}")[0] == "queued"
    back_to_root(page)
    page.evaluate(call_action("close", 4))


@pytest.fixture
def plain_comfyui(browser, server):
    """The module's browser reloaded with the pack's extension disabled in the user's settings (as the frontend's
    Extensions dialog does): plain ComfyUI with the pack's nodes. Enabled and reloaded afterwards."""
    set_setting(server.url, "Comfy.Extension.Disabled", ["LOKI.Flows"])
    browser.open(server.url)
    yield browser
    set_setting(server.url, "Comfy.Extension.Disabled", [])
    browser.open(server.url)
    browser.errors()


def test_a_veiled_node_looks_like_the_node_in_plain_comfyui(browser, server, image, plain_comfyui):
    workflow = glamour_workflow(image)
    page = plain_comfyui
    # Disabled, the extension set up nothing: the canvas draws nodes with the frontend's own drawNode.
    assert page.evaluate("() => typeof app.canvas.drawNode === 'function' && !Object.hasOwn(app.canvas, 'drawNode')")
    page.evaluate(LOAD, workflow)
    page.mouse("move", 5, 990)
    page.evaluate("() => { const c = app.canvas; c.ds.scale = 1; c.ds.offset = [0, 0]; c.deselectAll?.(); c.setDirty(true, true); c.draw(true, true); return true }")
    plain = {i: grab(page, node_box(page, i)) for i in LOKI_NODES}
    page.screenshot("glamour-plain-comfyui")
    set_setting(server.url, "Comfy.Extension.Disabled", [])
    page.open(server.url)
    workflow["extra"]["loki_glamour"] = {"all": "veiled"}
    load(page, workflow)
    for i in LOKI_NODES:
        box = node_box(page, i)
        veiled = grab(page, box)
        # The flow button (⤢, Level 4) is the one thing the extension adds to a veiled node: its box is left out.
        button = page.evaluate(f"""() => {{ const n = app.graph.getNodeById({i}); const b = (n.title_buttons ?? [])[0]
            return b?._last_area?.[2] ? [...b._last_area] : null }}""")
        mask = np.ones(veiled.shape[:2], bool)
        if button:
            bx, by = int(button[0]), int(button[1] + box[4])
            mask[max(0, by - 1):by + int(button[3]) + 2, max(0, bx - 1):bx + int(button[2]) + 2] = False
        assert np.array_equal(veiled[mask], plain[i][mask]), i
    assert significant(page.errors()) == []


def test_a_click_interaction_in_its_area_runs_its_action(page, image):
    """toggle_veil in an area clear of the overlays (the face's icon corner): a click there veils the node, a click
    elsewhere on the body only selects it."""
    load(page, glamour_workflow(image))
    add = """(area) => { const e = %s.index.get('LokiImageBlur')
        e.interactions.unshift({ on: 'click', action: 'toggle_veil', area, test: true }); return true }""" % GLAMOURS
    page.evaluate(add, {"x": 0.05, "y": 0.3, "w": 0.25, "h": 0.3})
    try:
        x, y, w, h, t = node_box(page, 3)
        body = [x, y + t]
        page.mouse("click", *screen_point(page, [body[0] + 0.6 * w, body[1] + 0.2 * (h - t)]))  # outside the area
        assert page.evaluate("() => app.graph.getNodeById(3).properties.loki_glamour ?? null") is None
        assert page.evaluate("() => app.canvas.selectedItems.has(app.graph.getNodeById(3))")
        page.mouse("click", *screen_point(page, [body[0] + 0.17 * w, body[1] + 0.45 * (h - t)]))
        assert page.evaluate("() => app.graph.getNodeById(3).properties.loki_glamour") == "veiled"
        assert page.evaluate(f"() => {GLAMOURS}.view.shows(app.graph.getNodeById(3))") is False
    finally:
        page.evaluate("""() => { const e = %s.index.get('LokiImageBlur')
            e.interactions = e.interactions.filter((i) => !i.test); return true }""" % GLAMOURS)
