// Where a node sits in the run: its "flow path". ComfyUI's ids name a node of the root graph ("12"), a node inside a
// native subgraph instance as the frontend flattens it ("12:3"), and a node of a LOKI flow node's expansion by the
// flow's own id behind the expanding node ("12.0.0.3" for flow node 12, nested "12.0.0.3.0.0.4"). Flow paths write
// an expansion step as ">": "12>3", "12>3>4", "12:5>2". Peek views register the path of the node they show.

const peekBases = new Map() // subgraph definition id -> flow path of the closed node it shows

/** The flow path of a progress id from ComfyUI (`node_id` of progress_state, `node` of executing/progress). */
export function flowPathOfExecutionId(id) {
  const tokens = String(id).split('.')
  let path = tokens[0]
  // GraphBuilder prefixes are "<parent>.<call index>.<graph index>.": every three tokens, one step into a flow.
  for (let i = 1; i + 2 < tokens.length; i += 3) path += '>' + tokens[i + 2]
  return path
}

/** The top-level (root graph or native subgraph) part of a flow path: the node ComfyUI reports errors on. */
export function outerPath(path) {
  return String(path).split('>')[0]
}

export function registerPeek(subgraphId, basePath) {
  peekBases.set(subgraphId, basePath)
}

export function unregisterPeek(subgraphId) {
  return peekBases.delete(subgraphId)
}

export function isPeek(graph) {
  return !!graph && peekBases.has(graph.id)
}

/** The flow path of a node on the canvas, or null when it cannot run from where it is. */
export function flowPathOfNode(node) {
  const graph = node?.graph
  if (!graph) return null
  const root = graph.rootGraph ?? graph
  if (graph === root) return String(node.id)
  if (peekBases.has(graph.id)) return `${peekBases.get(graph.id)}>${node.id}`
  const instance = findInstance(root, graph)
  const base = instance ? flowPathOfNode(instance) : null
  return base === null ? null : `${base}:${node.id}`
}

// The subgraph node whose definition is `subgraph` (the extension gives each opened flow its own definition).
function findInstance(root, subgraph) {
  const graphs = [root, ...(root.subgraphs?.values?.() ?? [])]
  for (const g of graphs) {
    for (const n of g.nodes ?? []) if (n.subgraph === subgraph) return n
  }
  return null
}
