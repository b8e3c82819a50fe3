// The glamour layer of the extension, wired to the frontend: the index (init), the node classes' pointer handling
// (beforeRegisterNodeDef), the drawing, menus and run states (setup). loki.js calls these from its own hooks so that
// the flows' menu entries and the glamours' come in a fixed order.
import { FaceStates } from './face_state.js'
import { GLAMOURED, VEILED, setGlobalChoice, setNodeChoice } from './glamour_choice.js'
import { ImageCache } from './glamour_images.js'
import { loadGlamourIndex } from './glamour_index.js'
import { installGlamourInput } from './glamour_input.js'
import { installGlamourMenus } from './glamour_menu.js'
import { installGlamourView } from './glamour_view.js'
import { supportsSubgraphs } from './open_close.js'

/** `app`, `api`: the frontend's; `flows`: the flow index; `progress`: the ProgressModel; `actions`: open/peek. */
export function createGlamourLayer({ app, api, flows, progress, actions }) {
  const layer = {
    index: new Map(),
    faces: new FaceStates(progress),
    images: new ImageCache(() => app.canvas?.setDirty(true, true)),
    view: null,
    async init() {
      const loaded = await loadGlamourIndex((route) => api.fetchApi(route), (route) => api.apiURL(route))
      for (const [k, v] of loaded) layer.index.set(k, v)
    },
    beforeRegisterNodeDef(nodeType, nodeData) {
      if (layer.index.has(nodeData?.name)) installGlamourInput(nodeType, { view: () => layer.view, run: layer.run })
    },
    /** A DOM widget (a text box over the canvas) of a glamoured node hides with the rest of its widgets. */
    nodeCreated(node) {
      // Called from the node's constructor: litegraph sets `type` ("" until then) after it; the class knows its
      // comfyClass.
      if (!layer.index.has(node?.type || node?.constructor?.comfyClass)) return
      for (const widget of node.widgets ?? []) {
        if (!widget.element || typeof widget.isVisible !== 'function') continue
        const visible = widget.isVisible
        widget.isVisible = function () {
          return visible.call(this) && !layer.view?.shows(node)
        }
      }
    },
    /** A workflow was loaded (or a tab switched to): its nodes start idle. */
    graphLoaded() {
      layer.faces.forget()
    },
    setup() {
      const canvas = app.canvas
      const { index: glamours, faces, images } = layer
      layer.view = installGlamourView(canvas, { glamours, flows, faces, progress, images })
      installGlamourMenus(canvas, layer.index, layer.switches)
      watchQueue(api, layer.faces)
      api.addEventListener('execution_cached', (e) => layer.faces.cached(e.detail))
      api.addEventListener('execution_interrupted', (e) => layer.faces.interrupted(e.detail?.prompt_id))
    },
    switches: {
      node(node, choice) {
        setNodeChoice(node, choice)
        changed(app)
      },
      all(choice) {
        setGlobalChoice(app.canvas.graph ?? app.graph, choice)
        changed(app)
      }
    },
    /** Runs a click interaction's action on `node`; false for an action this editor does not know. */
    run(action, node) {
      if (action === 'toggle_veil') layer.switches.node(node, VEILED)
      else if (action === 'open_flow' && flows.has(node.type) && supportsSubgraphs(node.graph)) actions.open(node)
      else return false
      return true
    },
    GLAMOURED,
    VEILED
  }
  return layer
}

// The nodes of every prompt the frontend posts are queued until ComfyUI reports them (face_state.js).
function watchQueue(api, faces) {
  const post = api.queuePrompt
  api.queuePrompt = async function (number, data) {
    const entry = faces.queued(Object.keys(data?.output ?? {}))
    try {
      const answer = await post.apply(this, arguments)
      faces.answered(entry, answer?.prompt_id ?? null)
      return answer
    } catch (e) {
      faces.answered(entry, null)
      throw e
    }
  }
}

function changed(app) {
  app.canvas.setDirty(true, true)
  app.extensionManager?.workflow?.activeWorkflow?.changeTracker?.checkState?.()
}
