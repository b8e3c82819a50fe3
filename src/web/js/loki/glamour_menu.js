// The user's switches: "Veil" / "Glamour" in the context menu of a node with a glamour (that node only), and
// "Veil all LOKI nodes" / "Glamour all LOKI nodes" in the canvas menu (both when the workflow is mixed).
import { GLAMOURED, VEILED, isGlamoured, summary } from './glamour_choice.js'

export const LABELS = {
  veil: '🌘 Veil', glamour: '🌔 Glamour', veilAll: '🌘 Veil all LOKI nodes', glamourAll: '🌔 Glamour all LOKI nodes'
}

/** The node-menu entry for `node`: [{label, run}] (none for a node without a glamour). */
export function nodeEntries(node, glamours, switches) {
  if (!glamours.has(node?.type)) return []
  return isGlamoured(node, glamours)
    ? [{ label: LABELS.veil, run: () => switches.node(node, VEILED) }]
    : [{ label: LABELS.glamour, run: () => switches.node(node, GLAMOURED) }]
}

/** The canvas-menu entries for the workflow of `graph` (none while it has no node with a glamour). */
export function canvasEntries(graph, glamours, switches) {
  const root = graph?.rootGraph ?? graph
  const graphs = [root, ...(root?.subgraphs?.values?.() ?? [])]
  const any = graphs.some((g) => (g?.nodes ?? []).some((n) => glamours.has(n.type)))
  if (!any) return []
  const now = summary(graph, glamours)
  const entries = []
  if (now !== GLAMOURED) entries.push({ label: LABELS.glamourAll, run: () => switches.all(GLAMOURED) })
  if (now !== VEILED) entries.push({ label: LABELS.veilAll, run: () => switches.all(VEILED) })
  return entries
}

/** Adds the entries to `canvas`'s node and canvas menus (after the frontend's own and the flow actions). */
export function installGlamourMenus(canvas, glamours, switches) {
  const nodeMenu = canvas.getNodeMenuOptions
  if (typeof nodeMenu === 'function') {
    canvas.getNodeMenuOptions = function (node) {
      const options = nodeMenu.apply(this, arguments)
      const ours = nodeEntries(node, glamours, switches)
      return ours.length ? [...ours.map((a) => ({ content: a.label, callback: a.run })), null, ...options] : options
    }
  }
  const canvasMenu = canvas.getCanvasMenuOptions
  if (typeof canvasMenu === 'function') {
    canvas.getCanvasMenuOptions = function () {
      const options = canvasMenu.apply(this, arguments)
      const ours = canvasEntries(this.graph, glamours, switches)
      return ours.length ? [...options, null, ...ours.map((a) => ({ content: a.label, callback: a.run }))] : options
    }
  }
}
