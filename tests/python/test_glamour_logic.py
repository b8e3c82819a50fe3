"""The glamour layer's logic without a browser: face states from ComfyUI's message sequences (face_state.js on the
real ProgressModel), the glamoured/veiled choice (glamour_choice.js) and the index entries (glamour_index.js), run by
node on the shipped modules (copied beside a package.json that makes them ES modules for any node version)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULES = REPO / "src" / "web" / "js" / "loki"


def run_js(tmp_path: Path, body: str):
    if shutil.which("node") is None:
        pytest.fail("node is needed (the Cake setup target's npm install uses it too)")
    shutil.copytree(MODULES, tmp_path / "loki")
    (tmp_path / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    script = tmp_path / "case.js"
    script.write_text(body, encoding="utf-8")
    proc = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


FACES = """import { FaceStates } from './loki/face_state.js'
import { ProgressModel } from './loki/progress_model.js'
const p = new ProgressModel(); const f = new FaceStates(p); const seen = {}
const at = (label, paths) => { seen[label] = Object.fromEntries(paths.map((x) => [x, f.stateOf(x)])) }
const node = (id, state) => ({ node_id: id, state, value: 0, max: 1 })
"""


def test_a_run_takes_each_node_from_queued_through_running_to_done(tmp_path):
    seen = run_js(tmp_path, FACES + """
at('before', ['1', '2', '3'])
const entry = f.queued(['1', '2', '3'])
p.start('A')                                       // ComfyUI started before the frontend had its answer
at('started', ['1', '2', '3'])
f.answered(entry, 'A')
f.cached({ nodes: ['1'] })
p.progressState({ prompt_id: 'A', nodes: { 2: node('2', 'running') } })
at('running', ['1', '2', '3'])
p.progressState({ prompt_id: 'A', nodes: { 2: node('2', 'finished'), 3: node('3', 'running') } })
p.progressState({ prompt_id: 'A', nodes: { 2: node('2', 'finished'), 3: node('3', 'finished') } })
p.finish()
at('after', ['1', '2', '3'])
const again = f.queued(['2', '3'])                  // queued again: the last run's done gives way to queued
at('queued again', ['1', '2', '3'])
console.log(JSON.stringify(seen))""")
    assert seen["before"] == dict.fromkeys(("1", "2", "3"), "idle")
    assert seen["started"] == dict.fromkeys(("1", "2", "3"), "queued")
    assert seen["running"] == {"1": "done", "2": "running", "3": "queued"}
    assert seen["after"] == dict.fromkeys(("1", "2", "3"), "done")
    assert seen["queued again"] == {"1": "done", "2": "queued", "3": "queued"}


def test_an_error_marks_the_failing_node_and_leaves_the_nodes_it_stopped_idle(tmp_path):
    seen = run_js(tmp_path, FACES + """
const first = f.queued(['2', '3']); f.answered(first, 'A'); p.start('A')
p.progressState({ prompt_id: 'A', nodes: { 2: node('2', 'finished'), 3: node('3', 'finished') } }); p.finish()
const second = f.queued(['2', '3', '4']); f.answered(second, 'B'); p.start('B')
p.progressState({ prompt_id: 'B', nodes: { 2: node('2', 'running') } })
p.error({ prompt_id: 'B', node_id: '2', exception_message: 'white_point below black_point' })
at('after error', ['2', '3', '4'])
const refused = f.queued(['9']); f.answered(refused, null)
at('refused', ['9'])
f.forget()
at('other workflow', ['2', '3'])
console.log(JSON.stringify(seen))""")
    assert seen["after error"] == {"2": "error", "3": "idle", "4": "idle"}  # the error stopped 3 and 4: they never ran
    assert seen["refused"] == {"9": "idle"}
    assert seen["other workflow"] == {"2": "idle", "3": "idle"}


def test_inner_nodes_of_a_closed_flow_node_are_queued_with_it_then_follow_its_inner_run(tmp_path):
    seen = run_js(tmp_path, FACES + """
const e = f.queued(['4']); f.answered(e, 'A'); p.start('A')
p.progressState({ prompt_id: 'A', nodes: { 4: node('4', 'running'), '4.0.0.3': node('4.0.0.3', 'running') } })
at('inner', ['4', '4>3', '4>6'])
console.log(JSON.stringify(seen))""")
    assert seen["inner"] == {"4": "running", "4>3": "running", "4>6": "queued"}


CHOICE = """import { GLAMOURED, VEILED, isGlamoured, setGlobalChoice, setNodeChoice, summary } from './loki/glamour_choice.js'
const index = new Map([['LokiImageBlur', {}], ['LokiImageLevels', {}]])
const inner = { id: 9, type: 'LokiImageBlur', properties: { loki_glamour: 'veiled' } }
const sub = { nodes: [inner] }
const root = { extra: {}, subgraphs: new Map([['s', sub]]), nodes: [] }
sub.rootGraph = root
const a = { id: 1, type: 'LokiImageBlur', graph: root, properties: {} }
const b = { id: 2, type: 'LokiImageLevels', graph: root }
const plain = { id: 3, type: 'LoadImage', graph: root }
inner.graph = sub
root.nodes.push(a, b, plain)
const shows = () => [a, b, plain, inner].map((n) => isGlamoured(n, index))
const seen = { start: shows(), mixed: summary(root, index) }
setNodeChoice(b, VEILED); seen.node = shows(); seen.properties = { ...b.properties }
setGlobalChoice(sub, VEILED); seen.veilAll = shows(); seen.extra = root.extra; seen.cleared = [a, b, inner].map((n) => 'loki_glamour' in (n.properties ?? {}))
seen.summaryVeiled = summary(root, index)
setNodeChoice(a, GLAMOURED); seen.oneBack = shows(); seen.summaryMixed = summary(root, index)
console.log(JSON.stringify(seen))"""


def test_glamoured_by_default_a_node_choice_wins_and_veil_all_clears_them_in_every_graph(tmp_path):
    seen = run_js(tmp_path, CHOICE)
    assert seen["start"] == [True, True, False, False] and seen["mixed"] == "mixed"
    assert seen["node"] == [True, False, False, False] and seen["properties"] == {"loki_glamour": "veiled"}
    assert seen["veilAll"] == [False, False, False, False] and seen["extra"] == {"loki_glamour": {"all": "veiled"}}
    assert seen["cleared"] == [False, False, False] and seen["summaryVeiled"] == "veiled"
    assert seen["oneBack"] == [True, False, False, False] and seen["summaryMixed"] == "mixed"


def test_an_index_entry_falls_back_to_the_idle_face_then_the_icon_and_shows_its_card_on_hover(tmp_path):
    seen = run_js(tmp_path, """import { GlamourEntry } from './loki/glamour_index.js'
const url = (r) => '/api' + r
const full = new GlamourEntry('LokiImageBlur', { name: 'image_blur', base: '/loki/glamour/image_blur/', icon: 'icon.png',
  card: 'card/card.png', faces: { idle: 'states/idle.png', running: 'states/run ning.png' },
  glamour: { overlays: [{ widget: 'radius', x: 0.4, y: 0.3, w: 0.5, h: 0.1 }, { widget: 'bad', x: 2, y: 0, w: 1, h: 1 }],
    interactions: [{ on: 'click', action: 'edit_widget', widget: 'radius', area: { x: 0.4, y: 0.3, w: 0.5, h: 0.1 } },
      { on: 'wink', action: 'x' }], metaphor: 'breath', states: { running: { tint: '#ffd166' }, done: { tint: 'red' } } } }, url)
const iconOnly = new GlamourEntry('LokiX', { name: 'x', icon: 'icon.png', faces: {}, glamour: {} }, url)
console.log(JSON.stringify({ running: full.face('running'), error: full.face('error'), icon: iconOnly.face('done'),
  overlays: full.overlays.map((o) => o.widget), interactions: full.interactions.map((i) => [i.on, i.action, !!i.area]),
  tints: full.tints, card: full.card, iconHover: iconOnly.interactions }))""")
    assert seen["running"] == "/api/loki/glamour/image_blur/states/run%20ning.png"
    assert seen["error"] == "/api/loki/glamour/image_blur/states/idle.png"
    assert seen["icon"] == "/api/loki/glamour/x/icon.png"
    assert seen["overlays"] == ["radius"]  # a box outside 0..1 is left out
    assert seen["interactions"] == [["click", "edit_widget", True], ["hover", "show_card", False]]
    assert seen["tints"] == {"running": "#ffd166"} and seen["card"] == "/api/loki/glamour/image_blur/card/card.png"
    assert seen["iconHover"] == []  # no card: nothing to show on hover


def test_an_interrupted_prompt_keeps_what_finished_and_stops_showing_the_running_node(tmp_path):
    seen = run_js(tmp_path, FACES + """
const e = f.queued(['2', '3', '4']); f.answered(e, 'A'); p.start('A')
p.progressState({ prompt_id: 'A', nodes: { 2: node('2', 'finished'), 3: node('3', 'running') } })
f.interrupted('A')
at('interrupted', ['2', '3', '4'])
const next = f.queued(['3']); f.answered(next, 'B'); p.start('B')
p.progressState({ prompt_id: 'B', nodes: { 3: node('3', 'running') } })
at('next', ['2', '3'])
console.log(JSON.stringify(seen))""")
    assert seen["interrupted"] == {"2": "done", "3": "idle", "4": "idle"}
    assert seen["next"] == {"2": "done", "3": "running"}
