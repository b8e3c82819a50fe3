// "Open flow" replaces a LOKI flow node in place by a native subgraph instance of its library flow; "Close to LOKI
// node" turns it back. The node keeps its id, title, position, size, mode, colours and properties, its widget values
// (as the instance's promoted widgets) and its links (matched by slot name; link ids are new). Each opened node gets
// its own copy of the blueprint's definition, so editing one opened flow never edits another. The instance records
// the closed node in `properties.loki_flow`, which a saved workflow keeps: a reloaded workflow closes as well.
import { captureLinks, restoreLinks, setWidgetValues, widgetValues } from './graph_links.js'

export const RECORD = 'loki_flow'

/** True when the frontend has native subgraphs (ComfyUI frontend 1.24+); otherwise nothing opens. */
export function supportsSubgraphs(graph) {
  return typeof graph?.createSubgraph === 'function' && !!globalThis.LiteGraph?.createNode
}

export function isOpenedFlow(node) {
  return !!node?.subgraph && !!node.properties?.[RECORD]
}

/** Opens `node` (a LOKI flow node) as a subgraph instance of `entry`'s flow; returns the instance. */
export function openFlow(node, entry) {
  const graph = node.graph
  const root = graph.rootGraph ?? graph
  const definition = structuredClone(entry.definition)
  definition.id = crypto.randomUUID()
  definition.name = node.title || definition.name
  const subgraph = root.createSubgraph(definition)
  subgraph.configure(definition)

  // The closed node exactly as the workflow saves it, minus its links (they are the instance's while it is open).
  const serialized = structuredClone(node.serialize())
  for (const input of serialized.inputs ?? []) input.link = null
  for (const output of serialized.outputs ?? []) output.links = []
  const record = { type: node.type, blueprint: entry.name, node: serialized }
  const values = widgetValues(node)
  const links = captureLinks(node)
  const instance = globalThis.LiteGraph.createNode(definition.id)
  replace(graph, node, instance)
  instance.title = node.title
  instance.properties = { ...(instance.properties ?? {}), [RECORD]: record }
  restoreLinks(instance, links)
  setWidgetValues(instance, values)
  instance.setSize?.(instance.computeSize())
  return instance
}

/**
 * Closes an opened flow back to its LOKI node; returns {node, changedInside}. `changedInside` is true when the
 * flow's inner nodes no longer match the blueprint: the closed node runs the library flow, so those edits are gone.
 */
export function closeFlow(instance, entry) {
  const record = instance.properties[RECORD]
  const graph = instance.graph
  const values = widgetValues(instance)
  const links = captureLinks(instance)
  const changedInside = entry ? innerValuesDiffer(instance.subgraph, entry) : false
  const node = globalThis.LiteGraph.createNode(record.type)
  if (!node) throw new Error(`LOKI: node type ${record.type} is not registered`)
  const subgraph = instance.subgraph
  const saved = structuredClone(record.node)
  // What changed while open comes back: position, mode, title and the values of the flow's inputs.
  Object.assign(saved, { id: instance.id, pos: [...instance.pos], mode: instance.mode, title: instance.title })
  saved.widgets_values = mergeValues(node, saved.widgets_values ?? [], values)
  graph.remove(instance)
  node.configure(saved)
  graph.add(node)
  restoreLinks(node, links)
  const root = graph.rootGraph ?? graph
  if (!isUsed(root, subgraph)) root.subgraphs.delete(subgraph.id)
  return { node, changedInside }
}

// The saved widget values with those of the same name in `values` replaced (widgets that are not saved skipped).
function mergeValues(node, saved, values) {
  const merged = [...saved]
  let i = 0
  for (const w of node.widgets ?? []) {
    if (w.serialize === false) continue
    if (Object.prototype.hasOwnProperty.call(values, w.name) && i < merged.length) merged[i] = values[w.name]
    i++
  }
  return merged
}

// Puts `created` where `old` is: same id, position, mode, flags, then removes `old` (its links go with it).
function replace(graph, old, created) {
  const { id, pos, mode, flags } = old
  graph.remove(old)
  created.id = id
  created.pos = [...pos]
  created.mode = mode
  created.flags = structuredClone(flags ?? {})
  graph.add(created)
}

function isUsed(root, subgraph) {
  for (const g of [root, ...root.subgraphs.values()]) {
    if (g !== subgraph && (g.nodes ?? []).some((n) => n.subgraph === subgraph)) return true
  }
  return false
}

// Compares the nodes that run (entry.countable). A widget fed by a link is skipped: a subgraph input drives it (the
// promoted widget writes the closed node's value into it), so its value is the node's input, not an inner edit.
function innerValuesDiffer(subgraph, entry) {
  const original = new Map(entry.definition.nodes.map((n) => [String(n.id), n]))
  const now = new Map((subgraph.nodes ?? []).map((n) => [String(n.id), n]))
  for (const id of entry.countable) {
    const was = original.get(id)
    const is = now.get(id)
    if (!is || is.type !== was.type) return true
    const fed = new Set((is.inputs ?? []).filter((i) => i.link != null && i.widget?.name).map((i) => i.widget.name))
    const values = is.serialize?.().widgets_values ?? []
    const saved = was.widgets_values ?? []
    for (let i = 0; i < Math.max(values.length, saved.length); i++) {
      if (fed.has(is.widgets?.[i]?.name)) continue
      if (JSON.stringify(values[i] ?? null) !== JSON.stringify(saved[i] ?? null)) return true
    }
  }
  return false
}
