// LOKI Flows in the ComfyUI editor (the pack's WEB_DIRECTORY entry; the modules in ./loki/ are imported from here).
// A LOKI flow node opens in place as a native subgraph of its library flow and closes back; "Peek inside" shows the
// flow without changing the graph; while a prompt runs, the flow nodes show their inner nodes' progress. Everything
// comes from ComfyUI's own messages and the pack's /loki/flows route; without either the nodes stay plain nodes.
// Nodes with a glamour (/loki/glamours) show it: their face for their run state, widget overlays, interactions;
// "Veil" / "Glamour" per node and for all of them (./loki/glamours.js).
import { loadFlowIndex } from './loki/flow_index.js'
import { addTitleButton, installContextMenu, installTitleButtonClicks } from './loki/menu.js'
import { closeFlow, openFlow, RECORD } from './loki/open_close.js'
import { createGlamourLayer } from './loki/glamours.js'
import { forgetPeek, peekFlow } from './loki/peek.js'
import { ProgressModel } from './loki/progress_model.js'
import { installProgressView } from './loki/progress_view.js'

// The frontend's own objects, as its scripts/app.js and scripts/api.js shims export them (no path guessing).
const app = globalThis.comfyAPI?.app?.app ?? globalThis.app
const api = globalThis.comfyAPI?.api?.api ?? app?.api

const index = new Map()
const model = new ProgressModel()

function recordChange() {
  app.extensionManager?.workflow?.activeWorkflow?.changeTracker?.checkState?.()
}

const actions = {
  open(node) {
    const entry = index.get(node?.type)
    if (!entry) return null
    const instance = openFlow(node, entry)
    addTitleButton(instance, index)
    recordChange()
    app.canvas.openSubgraph(instance.subgraph)
    return instance
  },
  close(instance) {
    const record = instance?.properties?.[RECORD]
    if (!record) return null
    const { node, changedInside } = closeFlow(instance, index.get(record.type))
    addTitleButton(node, index)
    recordChange()
    app.canvas.setDirty(true, true)
    if (changedInside) {
      app.extensionManager?.toast?.add?.({ severity: 'warn', summary: 'LOKI', life: 6000,
        detail: `Edits inside "${node.title}" are not kept: the closed node runs the library flow.` })
    }
    return node
  },
  peek(node) {
    const entry = index.get(node?.type)
    return entry ? peekFlow(app.canvas, node, entry) : null
  }
}

const glamours = createGlamourLayer({ app, api, flows: index, progress: model, actions })

const extension = {
  name: 'LOKI.Flows',
  model,
  index,
  actions,
  glamours,
  async init() {
    const [loaded] = await Promise.all([loadFlowIndex((route) => api.fetchApi(route)), glamours.init()])
    for (const [k, v] of loaded) index.set(k, v)
  },
  beforeRegisterNodeDef(nodeType, nodeData) {
    glamours.beforeRegisterNodeDef(nodeType, nodeData)
  },
  async setup() {
    glamours.setup() // before the flows' menu: "Open flow" stays the node menu's first entry
    installContextMenu(app.canvas, index, actions)
    installTitleButtonClicks(app.canvas.canvas, actions)
    installProgressView(app.canvas, model, index)
    app.canvas.canvas.addEventListener('litegraph:set-graph', (e) => forgetPeek(app.canvas, e.detail?.oldGraph, e.detail?.newGraph))
    api.addEventListener('execution_start', (e) => model.start(e.detail?.prompt_id))
    api.addEventListener('progress_state', (e) => model.progressState(e.detail))
    api.addEventListener('execution_error', (e) => model.error(e.detail))
    api.addEventListener('execution_success', () => model.finish())
  },
  nodeCreated(node) {
    addTitleButton(node, index)
    glamours.nodeCreated(node)
  },
  loadedGraphNode(node) {
    addTitleButton(node, index)
  },
  afterConfigureGraph() {
    glamours.graphLoaded()
  }
}

app?.registerExtension?.(extension)
