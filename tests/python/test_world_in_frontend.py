"""The World (``loki world``) as a user meets it: ``world.png`` of the repository's library dropped onto the real
frontend 1.27.10 served by the real ComfyUI 0.3.64, by the same ``drop`` event a file dragged from the desktop fires.

With the ComfyUI-LOKI pack installed every node of the embedded workflow is there with its type, no type is missing,
the frontend's own ``graphToPrompt`` gives exactly the ``prompt`` embedded beside the workflow, queueing it runs the
whole chain (outputs checked), and a flow node opens into its library flow. Without the pack, the missing nodes are
exactly the library's and each carries the pack's ``cnr_id`` and ``ver`` (what ComfyUI-Manager installs from).
Screenshots: ``artifacts/test-results/screenshots/world-*.png``.
"""
from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import pytest

import browser_harness
import comfy_real
from browser_harness import Browser, significant

comfyui_tool = pytest.importorskip("comfyui_tool")

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent() or browser_harness.why_absent()),
                                reason=str(comfyui_tool.why_absent() or browser_harness.why_absent()))

# Drops the PNG on the canvas as the desktop does: a DragEvent whose dataTransfer holds the file; the frontend's
# document-level drop handler hands it to app.handleFile, which reads the PNG's text chunks.
DROP = """async (arg) => {
    window.__lokiMissing = null
    const bytes = Uint8Array.from(atob(arg.png), (c) => c.charCodeAt(0))
    const file = new File([bytes], 'world.png', { type: 'image/png' })
    const dt = new DataTransfer()
    dt.items.add(file)
    app.canvasEl.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    return true
}"""

LOADED = """(count) => window.__lokiMissing !== null && app.graph.nodes.length === count"""

CAPTURE_MISSING = """() => { window.__lokiMissing = null; app.registerExtension({ name: 'loki.world-test',
    afterConfigureGraph (missing) { window.__lokiMissing = (missing ?? []).map((m) => typeof m === 'string' ? m : m.type) } })
    return true }"""

SEEN = """() => ({ missing: window.__lokiMissing,
    nodes: app.graph.nodes.map((n) => ({ id: n.id, type: n.type, errors: !!n.has_errors, properties: n.properties,
        pos: [n.pos[0], n.pos[1]], size: [n.size[0], n.size[1]] })),
    groups: app.graph.groups.map((g) => ({ title: g.title, nodes: [...(g.recomputeInsideNodes?.() ?? []), ...(g.nodes ?? [])].length })),
    links: (app.graph.links instanceof Map ? app.graph.links.size : Object.keys(app.graph.links ?? {}).length) })"""

EXT = "(window.comfyAPI.app.app.extensions.find((e) => e.name === 'LOKI.Flows'))"

# Frames every region (the frontend's own fitToBounds) for the screenshot.
FRAME_REGIONS = """() => { const gs = app.graph.groups.map((g) => g._bounding ?? g.bounding)
    const x0 = Math.min(...gs.map((b) => b[0])) - 20, y0 = Math.min(...gs.map((b) => b[1])) - 20
    const x1 = Math.max(...gs.map((b) => b[0] + b[2])) + 20, y1 = Math.max(...gs.map((b) => b[1] + b[3])) + 20
    app.canvas.ds.fitToBounds([x0, y0, x1 - x0, y1 - y0], { zoom: 0.95 }); app.canvas.setDirty(true, true); return true }"""


def png_texts(path: Path) -> dict:
    from PIL import Image

    with Image.open(path) as im:
        return dict(im.text)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("world") / "world.png"
    comfy_real.loki("world", "--library", comfy_real.REPO / "nodes", "--metadata", comfy_real.REPO / "pack.json", "-o", out)
    return out


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return comfy_real.build_pack(tmp_path_factory.mktemp("world_pack"), comfy_real.REPO)


def open_and_drop(server, world: Path, count: int):
    import urllib.request

    # The minimap would cover part of the screenshot, and the framed map would be drawn without text.
    for setting, value in (("Comfy.Minimap.Visible", b"false"), ("LiteGraph.Canvas.MinFontSizeForLOD", b"0")):
        request = urllib.request.Request(f"{server.url}/api/settings/{setting}", data=value, method="POST")
        urllib.request.urlopen(request, timeout=30).read()
    browser = Browser()
    try:
        browser.open(server.url)
        browser.evaluate(CAPTURE_MISSING)
        browser.errors()
        browser.evaluate(DROP, {"png": base64.b64encode(world.read_bytes()).decode("ascii")})
        browser.wait_for(LOADED, count, timeout=120)
        return browser
    except BaseException:
        browser.close()
        raise


def test_with_the_pack_every_node_loads_the_prompt_matches_and_the_world_runs(tmp_path, world, pack):
    texts = png_texts(world)
    workflow, prompt = json.loads(texts["workflow"]), json.loads(texts["prompt"])
    library = sorted(n["type"] for n in workflow["nodes"] if n["properties"]["cnr_id"] == "comfyui-loki")
    assert len(library) >= 29

    # The id the nodes carry is the one the pack registers under (its pyproject's [project] name), at its version.
    import tomllib
    project = tomllib.loads((pack / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (project["name"], project["version"]) == ("comfyui-loki", workflow["extra"]["loki"]["world"]["version"])

    with comfyui_tool.ComfyServer(tmp_path / "server", packs={comfy_real.PACK_FOLDER: pack},
                                  frontend_root=str(browser_harness.find_frontend())) as server:
        browser = open_and_drop(server, world, len(workflow["nodes"]))
        try:
            seen = browser.evaluate(SEEN)
            assert seen["missing"] == []
            assert sorted((n["id"], n["type"]) for n in seen["nodes"]) == sorted((n["id"], n["type"]) for n in workflow["nodes"])
            assert not [n for n in seen["nodes"] if n["errors"]]
            assert all(n["properties"]["cnr_id"] == "comfyui-loki" and n["properties"]["ver"] == workflow["extra"]["loki"]["world"]["version"]
                       for n in seen["nodes"] if n["type"].startswith("Loki"))
            assert [g["title"] for g in seen["groups"]] == [g["title"] for g in workflow["groups"]]
            assert seen["links"] == len(workflow["links"])
            browser.screenshot("world-loaded")

            # The frontend's own conversion of what it loaded is the prompt the PNG carries.
            queued = browser.evaluate("async () => (await app.graphToPrompt()).output")
            assert queued == prompt

            # Queue it as the Run button does; the whole chain runs on CPU, no model.
            before = set(server.get_json("/history"))
            browser.evaluate("async () => { await app.queuePrompt(0, 1); return true }")
            history = wait_for_history(server, before)
            assert history["status"]["status_str"] == "success", history["status"]
            outputs = history["outputs"]
            sinks = {k for k, v in prompt.items() if v["class_type"] in ("PreviewImage", "MaskPreview", "PreviewAny")}
            assert set(outputs) == sinks
            texts_shown = {k: v["text"] for k, v in outputs.items() if "text" in v}
            stats = next(k for k, v in prompt.items() if v["class_type"] == "PreviewAny"
                         and prompt[v["inputs"]["source"][0]]["class_type"] == "LokiTextStats")
            assert 0 < int(texts_shown[stats][0]) <= 64, texts_shown  # the text source's words, counted at the chain's end
            import io

            from PIL import Image
            for key, value in outputs.items():
                for image in value.get("images", []):
                    with Image.open(io.BytesIO(server.view(image))) as im:
                        assert im.size[0] >= 64 and im.size[1] >= 64, (key, im.size)
            # A flow node opens into its library flow (the pack's web extension, the blueprint it serves) and closes back.
            flow_id = next(n["id"] for n in workflow["nodes"] if n["type"] == "LokiPhotoFinish")
            opened = browser.evaluate(f"""() => {{ const o = {EXT}.actions.open(app.graph.getNodeById({flow_id}))
                const inner = o?.subgraph?.nodes?.map((x) => x.type) ?? []
                app.canvas.setGraph(app.graph)
                const c = {EXT}.actions.close(app.graph.getNodeById({flow_id}))
                app.canvas.setGraph(app.graph)
                return {{ type: o?.type, inner, closed: c?.type, now: app.graph.getNodeById({flow_id})?.type }} }}""")
            assert opened["type"] != "LokiPhotoFinish" and "LokiImageLevels" in opened["inner"], opened
            assert opened["now"] == "LokiPhotoFinish", opened
            browser.evaluate(FRAME_REGIONS)
            browser.screenshot("world-ran")
            assert significant(browser.errors()) == []
        finally:
            browser.close()


def test_without_the_pack_the_missing_nodes_all_carry_the_packs_cnr_id(tmp_path, world):
    workflow = json.loads(png_texts(world)["workflow"])
    with comfyui_tool.ComfyServer(tmp_path / "server", frontend_root=str(browser_harness.find_frontend())) as server:
        browser = open_and_drop(server, world, len(workflow["nodes"]))
        try:
            seen = browser.evaluate(SEEN)
            library = {n["type"] for n in workflow["nodes"] if n["type"].startswith("Loki")}
            assert set(seen["missing"]) == library
            missing_nodes = [n for n in seen["nodes"] if n["type"] in library]
            assert len(missing_nodes) == len(library)
            assert all(n["properties"].get("cnr_id") == "comfyui-loki" and n["properties"].get("ver") for n in missing_nodes)
            assert all(not n["errors"] for n in seen["nodes"] if n["type"] not in library)
            browser.evaluate(FRAME_REGIONS)
            browser.screenshot("world-without-pack")
        finally:
            browser.close()


def wait_for_history(server, before: set, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        history = server.get_json("/history")
        for key, entry in history.items():
            if key not in before and entry.get("status", {}).get("completed") is not None and (
                    entry["status"].get("completed") or entry["status"].get("status_str") == "error"):
                return entry
        time.sleep(0.5)
    raise AssertionError(f"the queued World did not finish in {timeout:.0f} s")
