// Glamoured or veiled: the user's choice, kept in the workflow so that it survives save and load. The global choice is
// the root graph's `extra.loki_glamour.all` ("glamoured", the default, or "veiled"); a node the user toggled on its
// own carries `properties.loki_glamour` ("glamoured" or "veiled"), which wins over the global one. "Glamour all" and
// "Veil all" set the global choice and clear every node's own.

export const KEY = 'loki_glamour'
export const GLAMOURED = 'glamoured'
export const VEILED = 'veiled'

function rootOf(graph) {
  return graph?.rootGraph ?? graph
}

/** The global choice of the workflow `graph` belongs to. */
export function globalChoice(graph) {
  return rootOf(graph)?.extra?.[KEY]?.all === VEILED ? VEILED : GLAMOURED
}

/** True when `node` shows its glamour (it has one: `index` knows its type). */
export function isGlamoured(node, index) {
  if (!node || !index.has(node.type)) return false
  const own = node.properties?.[KEY]
  return (own === GLAMOURED || own === VEILED ? own : globalChoice(node.graph)) === GLAMOURED
}

/** Sets `node`'s own choice. */
export function setNodeChoice(node, choice) {
  node.properties = { ...(node.properties ?? {}), [KEY]: choice }
}

/** Sets the global choice of `graph`'s workflow and clears the nodes' own (in every graph of it). */
export function setGlobalChoice(graph, choice) {
  const root = rootOf(graph)
  root.extra = { ...(root.extra ?? {}), [KEY]: { all: choice } }
  for (const node of glamourNodes(root)) {
    if (node.properties && KEY in node.properties) delete node.properties[KEY]
  }
}

/** "glamoured", "veiled" or "mixed": how the nodes with a glamour in `graph`'s workflow are shown. */
export function summary(graph, index) {
  const nodes = [...glamourNodes(rootOf(graph))].filter((n) => index.has(n.type))
  const shown = new Set(nodes.map((n) => isGlamoured(n, index)))
  if (shown.size === 2) return 'mixed'
  if (shown.size === 0) return globalChoice(graph)
  return shown.has(true) ? GLAMOURED : VEILED
}

// Every node of the root graph and of its subgraph definitions (opened flows included).
function* glamourNodes(root) {
  for (const g of [root, ...(root?.subgraphs?.values?.() ?? [])]) yield* g?.nodes ?? []
}
