// The flows the pack can open: GET /loki/flows (the pack's subgraph blueprints, by class type). A frontend or backend
// without the route gets an empty index: LOKI nodes then stay ordinary closed nodes.
import { routeJson } from './route_json.js'

/** One openable flow: the blueprint's subgraph definition and what the closed node's counter counts. */
export class FlowEntry {
  constructor(classType, name, definition) {
    this.classType = classType
    this.name = name
    this.definition = definition
    this.countable = countableNodeIds(definition)
    this.titles = new Map(definition.nodes.map((n) => [String(n.id), n.title ?? n.type]))
    this.types = new Map(definition.nodes.map((n) => [String(n.id), n.type]))
    // A script node's one-node flow runs just the node itself (beside it at most the example's saver, which reads
    // the node and feeds nothing): it opens, but closed it runs as one node, with no inner run to count.
    const counted = [...this.countable]
    this.trivial = counted.length === 1 && this.types.get(counted[0]) === classType
  }
}

/** Loads the index; `fetchApi` is the frontend's `api.fetchApi`. Never throws: a missing route is an empty index. */
export async function loadFlowIndex(fetchApi) {
  const index = new Map()
  for (const [classType, item] of Object.entries(await routeJson(fetchApi, '/loki/flows'))) {
    const definition = item?.blueprint?.definitions?.subgraphs?.[0]
    if (definition && Array.isArray(definition.nodes)) index.set(classType, new FlowEntry(classType, item.name, definition))
  }
  return index
}

// The inner nodes that run when the flow runs: those whose output is used (by another node or by the flow's
// outputs). A dead branch feeds nothing and never runs (the flow's example inputs are not in the blueprint at all).
function countableNodeIds(definition) {
  const used = new Set()
  for (const link of definition.links ?? []) {
    const origin = Array.isArray(link) ? link[1] : link.origin_id
    used.add(String(origin))
  }
  return new Set(definition.nodes.map((n) => String(n.id)).filter((id) => used.has(id)))
}
