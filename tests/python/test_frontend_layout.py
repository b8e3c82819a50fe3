"""What LOKI writes looks right in the editor: workflows opened in the real frontend 1.27.10, served by the real
ComfyUI 0.3.64 with the pack installed, checked with the node boxes the frontend itself reports.

Every example workflow of the pack (built by ``loki pack`` from the repository's library) and API -> UI conversions
(``loki convert --to ui``) of an even sample of the corpus's frontend prompts made only of node types this server
has: each loads with no missing node type, no two node boxes (``pos``, ``size`` and the title bar above ``pos``)
overlap, every link reads left to right, and the frontend did not have to grow any node past its written size.
The loaders find their ``example.png``, so image previews are shown and their room is checked, not assumed.
Screenshots (the whole graph framed): ``artifacts/test-results/screenshots/layout-*.png``.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import browser_harness
import comfy_real
from browser_harness import Browser

comfyui_tool = pytest.importorskip("comfyui_tool")  # the real ComfyUI's test tool (tests/python/comfyui_tool.py)

pytestmark = pytest.mark.skipif(bool(comfyui_tool.why_absent() or browser_harness.why_absent()),
                                reason=str(comfyui_tool.why_absent() or browser_harness.why_absent()))

SAMPLE = 24  # corpus prompts converted and opened (an even sample, so every run sees the same ones)

# Loads a workflow as a user would (app.loadGraphData), waits until every loader shows its image (the preview may
# grow the node), and answers what the frontend made of it.
LOAD_AND_MEASURE = """async (wf) => {
    window.__lokiMissing = []
    let error = null
    try { await app.loadGraphData(wf) } catch (e) { error = String(e && e.stack || e) }
    const loaders = () => app.graph.nodes.filter((n) => (n.widgets ?? []).some((w) => w.type === 'button' && /upload/i.test(w.name)))
    for (let t = 0; t < 100 && !loaders().every((n) => n.imgs && n.imgs.length); t++) await new Promise((r) => setTimeout(r, 50))
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => r()))
    const links = [...(app.graph.links instanceof Map ? app.graph.links.values() : Object.values(app.graph.links ?? {}))]
    const LG = window.LiteGraph ?? window.comfyAPI.litegraph.LiteGraph
    return { error, missing: window.__lokiMissing, titleHeight: LG.NODE_TITLE_HEIGHT,
        nodes: app.graph.nodes.map((n) => ({ id: n.id, type: n.type, pos: [n.pos[0], n.pos[1]], size: [n.size[0], n.size[1]],
            previews: n.imgs ? n.imgs.length : 0 })),
        links: links.map((l) => [l.id, l.origin_id, l.target_id]) }
}"""

# Frames the whole graph (the frontend's own fitToBounds) for the screenshot.
FRAME = """() => {
    const T = (window.LiteGraph ?? window.comfyAPI.litegraph.LiteGraph).NODE_TITLE_HEIGHT, ns = app.graph.nodes
    const x0 = Math.min(...ns.map((n) => n.pos[0])) - 40, y0 = Math.min(...ns.map((n) => n.pos[1] - T)) - 40
    const x1 = Math.max(...ns.map((n) => n.pos[0] + n.size[0])) + 40, y1 = Math.max(...ns.map((n) => n.pos[1] + n.size[1])) + 40
    app.canvas.ds.fitToBounds([x0, y0, x1 - x0, y1 - y0], { zoom: 0.92 })
    app.canvas.setDirty(true, true)
    return true
}"""

CAPTURE_MISSING = """() => { window.__lokiMissing = []; app.registerExtension({ name: 'loki.layout-test',
    afterConfigureGraph (missing) { window.__lokiMissing = (missing ?? []).map((m) => typeof m === 'string' ? m : m.type) } })
    return true }"""


def find_corpus() -> Path | None:
    for folder in (comfy_real.REPO, *comfy_real.REPO.parents):
        if (folder / "shared" / "corpus" / "frontend-pairs").is_dir():
            return folder / "shared" / "corpus"
    return None


def overlaps(seen: dict) -> list:
    """Pairs of node ids whose boxes [x, y - title, w, h + title] share some area (touching edges do not count)."""
    t = seen["titleHeight"]
    boxes = sorted(((n["pos"][0], n["pos"][1] - t, n["size"][0], n["size"][1] + t, n["id"]) for n in seen["nodes"]))
    pairs = []
    for i, (ax, ay, aw, ah, a) in enumerate(boxes):
        for bx, by, bw, bh, b in boxes[i + 1:]:
            if bx >= ax + aw:
                break
            if ay < by + bh and by < ay + ah:
                pairs.append((a, b))
    return pairs


def right_to_left(seen: dict) -> list:
    """Links whose target does not start right of its origin's right edge."""
    nodes = {str(n["id"]): n for n in seen["nodes"]}
    bad = []
    for link, origin, target in seen["links"]:
        a, b = nodes.get(str(origin)), nodes.get(str(target))
        if a and b and not a["pos"][0] + a["size"][0] < b["pos"][0]:
            bad.append(link)
    return bad


def grown(seen: dict, workflow: dict) -> list:
    """Nodes the frontend made larger than written: the layout under-estimated them."""
    written = {str(n["id"]): n["size"] for n in workflow["nodes"]}
    return [(n["id"], n["type"], written[str(n["id"])], n["size"]) for n in seen["nodes"]
            if str(n["id"]) in written and any(f > w + 0.01 for f, w in zip(n["size"], written[str(n["id"])]))]


def problems(browser, name: str, workflow: dict) -> tuple[list[str], dict]:
    seen = browser.evaluate(LOAD_AND_MEASURE, workflow, timeout=120)
    browser.evaluate(FRAME)
    browser.screenshot("layout-" + name)
    found = [f"{name}: {what} {value}" for what, value in (
        ("load error", seen["error"]), ("missing node types", seen["missing"]), ("overlapping nodes", overlaps(seen)),
        ("links not reading left to right", right_to_left(seen)), ("nodes grown by the frontend", grown(seen, workflow)))
        if value]
    return found, seen


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """The repository's library packed by `loki pack` (it lays the example workflows out)."""
    return comfy_real.build_pack(tmp_path_factory.mktemp("layout_pack"), comfy_real.REPO)


@pytest.fixture(scope="module")
def server(tmp_path_factory, pack):
    import numpy as np

    from conftest import write_rgba_png

    srv = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("layout_server"), packs={"ComfyUI-LOKI": pack},
                                   frontend_root=str(browser_harness.find_frontend()))
    y, x = np.mgrid[0:240, 0:320]
    pixels = np.stack([x * 255 // 319, y * 255 // 239, np.full_like(x, 160), np.full_like(x, 255)], axis=-1).astype(np.uint8)
    write_rgba_png(srv.input_dir / "example.png", pixels)  # the file every generated loader names
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser(server):
    import urllib.request

    # The minimap would cover part of every screenshot, and a large graph framed whole would be drawn without text.
    for setting, value in (("Comfy.Minimap.Visible", b"false"), ("LiteGraph.Canvas.MinFontSizeForLOD", b"0")):
        request = urllib.request.Request(f"{server.url}/api/settings/{setting}", data=value, method="POST")
        urllib.request.urlopen(request, timeout=30).read()
    with Browser() as b:
        b.open(server.url)
        b.evaluate(CAPTURE_MISSING)
        yield b


def test_the_packs_example_workflows_open_without_overlaps(browser, pack):
    files = sorted((pack / "example_workflows").glob("*.json"))
    assert len(files) >= 3, files
    found, previews = [], 0
    for file in files:
        issues, seen = problems(browser, "example-" + file.stem, json.loads(file.read_text(encoding="utf-8")))
        found += issues
        previews += sum(n["previews"] for n in seen["nodes"])
    assert found == []
    assert previews > 0  # loaders did show their image: the preview's room was measured


def test_api_to_ui_conversions_open_without_overlaps(browser, server, tmp_path):
    corpus = find_corpus()
    if corpus is None:
        pytest.skip("../shared/corpus is absent")
    known = set(server.get_json("/object_info"))
    prompts = []
    for file in sorted((corpus / "frontend-pairs").rglob("*.prompt.json")):
        prompt = json.loads(file.read_text(encoding="utf-8"))
        if isinstance(prompt, dict) and len(prompt) > 1 and all(isinstance(v, dict) and v.get("class_type") in known for v in prompt.values()):
            prompts.append(file)
    step = max(1, len(prompts) // SAMPLE)
    sample = prompts[::step][:SAMPLE]
    assert len(sample) >= 10, f"only {len(sample)} corpus prompts use this server's node types"
    found = []
    for i, file in enumerate(sample):
        out = tmp_path / f"{i:02d}.json"
        comfy_real.loki("convert", file, "--to", "ui", "-o", out)
        issues, _ = problems(browser, f"api-{i:02d}-{file.name.split('.')[0]}", json.loads(out.read_text(encoding="utf-8")))
        found += issues
    assert found == []


def test_the_check_sees_the_overlap_of_an_authored_flow_the_pack_lays_out_again(browser, pack):
    # contact_sheet as authored in the library: once its Load Image shows the picture, the markers below cover it.
    # The pack's example of it (checked above) is laid out again; the source, opened as is, must fail the check.
    source = json.loads((comfy_real.REPO / "nodes" / "contact_sheet" / "contact_sheet_workflow.json").read_text(encoding="utf-8"))
    issues, seen = problems(browser, "source-contact_sheet", source)
    assert overlaps(seen), issues
    example = json.loads((pack / "example_workflows" / "contact_sheet.json").read_text(encoding="utf-8"))
    assert [n["pos"] for n in example["nodes"]] != [n["pos"] for n in source["nodes"]]
