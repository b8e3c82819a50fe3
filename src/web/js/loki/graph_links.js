// A node's connections by slot name, so that a node can be replaced by another with the same sockets (a LOKI flow
// node and the subgraph instance of its flow name their inputs and outputs alike).

/** {inputs: [{name, originId, originSlot}], outputs: [{name, targetId, targetSlot}]} of `node` in its graph. */
export function captureLinks(node) {
  const graph = node.graph
  const linkOf = (id) => (graph.links?.get ? graph.links.get(id) : graph.links?.[id])
  const inputs = []
  for (const input of node.inputs ?? []) {
    const link = input.link == null ? null : linkOf(input.link)
    if (link) inputs.push({ name: input.name, originId: link.origin_id, originSlot: link.origin_slot })
  }
  const outputs = []
  for (const output of node.outputs ?? []) {
    for (const id of output.links ?? []) {
      const link = linkOf(id)
      if (link) outputs.push({ name: output.name, targetId: link.target_id, targetSlot: link.target_slot })
    }
  }
  return { inputs, outputs }
}

/** Connects `node` as `captured` says; slots are matched by name. Returns the names that found no slot. */
export function restoreLinks(node, captured) {
  const graph = node.graph
  const missing = []
  for (const { name, originId, originSlot } of captured.inputs) {
    const origin = graph.getNodeById(originId)
    const slot = node.inputs?.findIndex((i) => i.name === name) ?? -1
    if (!origin || slot < 0) missing.push(name)
    else origin.connect(originSlot, node, slot)
  }
  for (const { name, targetId, targetSlot } of captured.outputs) {
    const target = graph.getNodeById(targetId)
    const slot = node.outputs?.findIndex((o) => o.name === name) ?? -1
    if (!target || slot < 0) missing.push(name)
    else node.connect(slot, target, targetSlot)
  }
  return missing
}

/** The values of `node`'s widgets by name (promoted subgraph widgets carry the subgraph input's name). */
export function widgetValues(node) {
  return Object.fromEntries((node.widgets ?? []).map((w) => [w.name, w.value]))
}

/** Sets each widget of `node` whose name is in `values`. */
export function setWidgetValues(node, values) {
  for (const w of node.widgets ?? []) {
    if (Object.prototype.hasOwnProperty.call(values, w.name)) {
      w.value = values[w.name]
      w.callback?.(w.value)
    }
  }
}
