// The user's ways in and out: node context-menu items and a small title button on the node.
// LOKI flow node: "Open flow" (⤢), "Peek inside" (👁). Opened flow: "Close to LOKI node" (⤡).
// Without native subgraphs (an older frontend) nothing is offered and the node stays an ordinary node.
import { isOpenedFlow, supportsSubgraphs } from './open_close.js'

const BUTTONS = { open: { name: 'loki_open_flow', text: '⤢' }, close: { name: 'loki_close_flow', text: '⤡' } }

/** The actions for `node`: [{key, label, run}] (none when nothing applies). */
export function actionsFor(node, index, actions) {
  if (!supportsSubgraphs(node?.graph)) return []
  if (isOpenedFlow(node)) return [{ key: 'close', label: 'Close to LOKI node', run: () => actions.close(node) }]
  if (!index.has(node?.type)) return []
  return [
    { key: 'open', label: 'Open flow', run: () => actions.open(node) },
    { key: 'peek', label: 'Peek inside', run: () => actions.peek(node) }
  ]
}

/** Adds our items at the top of every node's context menu on `canvas`. */
export function installContextMenu(canvas, index, actions) {
  const original = canvas.getNodeMenuOptions
  if (typeof original !== 'function') return false
  canvas.getNodeMenuOptions = function (node) {
    const options = original.apply(this, arguments)
    const ours = actionsFor(node, index, actions)
    if (!ours.length) return options
    return [...ours.map((a) => ({ content: a.label, callback: a.run })), null, ...options]
  }
  return true
}

/** Gives `node` its title button (once); frontends without title buttons get none. */
export function addTitleButton(node, index) {
  if (typeof node?.addTitleButton !== 'function' || !supportsSubgraphs(node.graph ?? globalThis.app?.graph)) return
  const wanted = isOpenedFlow(node) ? BUTTONS.close : index.has(node.type) ? BUTTONS.open : null
  if (!wanted) return
  node.title_buttons = (node.title_buttons ?? []).filter((b) => b.name !== BUTTONS.open.name && b.name !== BUTTONS.close.name)
  node.addTitleButton({ name: wanted.name, text: wanted.text, fontSize: 14, xOffset: -6 })
}

/** Routes title-button clicks on `canvasElement` to the actions. */
export function installTitleButtonClicks(canvasElement, actions) {
  canvasElement.addEventListener('litegraph:node-title-button-clicked', (e) => {
    const { node, button } = e.detail ?? {}
    if (button?.name === BUTTONS.open.name) actions.open(node)
    else if (button?.name === BUTTONS.close.name) actions.close(node)
  })
}
