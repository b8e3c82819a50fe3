// The pointer on a glamoured node. Its widgets are hidden under the face, so litegraph must not find them there; a
// click on a widget overlay edits that widget (a number or text in the canvas's prompt, a combo in a menu, a toggle
// flips), a click in a click interaction's area runs it (edit_widget, toggle_veil, open_flow), and anything else
// selects and drags as usual. Moving over the node redraws it (overlays light up, hover interactions show). A veiled
// node is left to litegraph.
import { inside } from './glamour_view.js'

/**
 * Patches the prototype of a node class with a glamour. `deps` = { view: () => GlamourView | null,
 * run: (action, node) => boolean } (the click actions that are not edits).
 */
export function installGlamourInput(nodeType, deps) {
  const proto = nodeType.prototype
  const { getWidgetOnPos, onMouseDown, onMouseMove, onMouseLeave } = proto
  proto.getWidgetOnPos = function () {
    if (deps.view()?.shows(this)) return undefined
    return getWidgetOnPos.apply(this, arguments)
  }
  proto.onMouseDown = function (e, pos, canvas) {
    const view = deps.view()
    if (view?.shows(this) && pos?.[1] >= 0 && click(view, this, e, pos, canvas, deps)) return true
    return onMouseDown?.apply(this, arguments)
  }
  proto.onMouseMove = function (e, pos, canvas) {
    onMouseMove?.apply(this, arguments)
    if (deps.view()?.shows(this)) canvas?.setDirty?.(true, false)
  }
  proto.onMouseLeave = function () {
    onMouseLeave?.apply(this, arguments)
    if (deps.view()?.shows(this)) deps.view().canvas.setDirty(true, false)
  }
}

// An overlay edits its widget; else the first click interaction whose area (the whole body when none) holds the point.
function click(view, node, e, pos, canvas, deps) {
  const hit = view.overlays(node).find((o) => inside(pos, o.box, node))
  if (hit) return editWidget(node, hit.widget, e, canvas)
  const entry = view.glamours.get(node.type)
  for (const interaction of entry.interactions.filter((i) => i.on === 'click')) {
    if (!inside(pos, interaction.area ? view.box(node, interaction.area) : null, node)) continue
    if (interaction.action === 'edit_widget') {
      const widget = node.widgets?.find((w) => w.name === interaction.widget)
      if (widget && editWidget(node, widget, e, canvas)) return true
    } else if (deps.run(interaction.action, node)) return true
  }
  return false
}

/** Edits `widget` of `node` as its overlay was clicked; true when the click was taken. */
export function editWidget(node, widget, e, canvas) {
  const set = (value) => {
    if (widget.setValue) widget.setValue(value, { e, node, canvas })
    else {
      widget.value = value
      widget.callback?.(value, canvas, node, canvas.graph_mouse, e)
    }
    canvas.setDirty(true, true)
    globalThis.app?.extensionManager?.workflow?.activeWorkflow?.changeTracker?.checkState?.()
  }
  const label = widget.label ?? widget.name
  if (widget.type === 'toggle') set(!widget.value)
  else if (widget.type === 'combo') {
    const options = widget.options?.values
    const values = typeof options === 'function' ? options(widget, node) : options
    if (!Array.isArray(values)) return false
    new globalThis.LiteGraph.ContextMenu(values, { event: e, title: label, callback: (v) => set(v) })
  } else if (widget.type === 'number' || widget.type === 'slider') {
    canvas.prompt(label, widget.value, (v) => Number.isFinite(Number(v)) && set(Number(v)), e)
  } else if (widget.type === 'text' || widget.type === 'string' || widget.type === 'customtext') {
    canvas.prompt(label, widget.value, (v) => set(String(v)), e, widget.type === 'customtext')
  } else return false
  return true
}
