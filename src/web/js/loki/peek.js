// "Peek inside": the canvas shows a LOKI flow node's flow without changing the graph. The flow is a temporary
// subgraph definition that no node uses (so the workflow never saves it), shown read-only; leaving it (breadcrumb,
// Escape) deletes it. Live progress reaches the peeked nodes through the closed node's flow path.
import { flowPathOfNode, isPeek, registerPeek, unregisterPeek } from './node_paths.js'

/** Shows `entry`'s flow for `node` on `canvas`; returns the temporary subgraph. */
export function peekFlow(canvas, node, entry) {
  const root = node.graph.rootGraph ?? node.graph
  const definition = structuredClone(entry.definition)
  definition.id = crypto.randomUUID()
  definition.name = `${node.title} (peek)`
  const subgraph = root.createSubgraph(definition)
  subgraph.configure(definition)
  for (const inner of subgraph.nodes) inner.flags = { ...(inner.flags ?? {}), pinned: true }
  registerPeek(subgraph.id, flowPathOfNode(node))
  canvas.openSubgraph(subgraph)
  canvas.state && (canvas.state.readOnly = true)
  return subgraph
}

/** Called when the canvas changes graph: a peek left behind is forgotten and its definition deleted. */
export function forgetPeek(canvas, oldGraph, newGraph) {
  if (!isPeek(oldGraph) || oldGraph === newGraph) return false
  unregisterPeek(oldGraph.id)
  oldGraph.rootGraph?.subgraphs?.delete(oldGraph.id)
  if (canvas.state && !isPeek(newGraph)) canvas.state.readOnly = false
  return true
}
