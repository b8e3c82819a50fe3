// Draws glamoured nodes. A glamoured node keeps its title bar and its sockets; its whole body shows the face of its
// state (face_state.js; the faces are drawn in the body's proportions and glamour.json places the widget boxes in
// fractions of it), the sockets' dots over it, a progress bar in the state's tint while it runs (the
// node's own progress, or its inner nodes' for a flow node, as progress_model.js summarises them) and the live value
// of each overlaid widget in its box. What a hover shows (the card, the metaphor) is drawn above every node. A veiled
// node, or a node without a glamour, is drawn by the frontend alone: nothing here touches it.
import { isGlamoured } from './glamour_choice.js'
import { flowPathOfNode } from './node_paths.js'
import { RECORD } from './open_close.js'

const COLORS = { box: 'rgba(13,17,23,0.55)', edge: 'rgba(230,237,243,0.35)', hot: '#e6edf3',
  text: '#e6edf3', bar: '#3fb950' }
const HISTORY_LIMIT = 2000

/** Draws glamours on `canvas`; `ctx` = { glamours, flows, faces, progress, images }. Returns the view. */
export function installGlamourView(canvas, ctx) {
  const view = new GlamourView(canvas, ctx)
  const drawNode = canvas.drawNode
  canvas.drawNode = function (node, c) {
    drawNode.call(this, node, c)
    if (!view.shows(node)) return
    try {
      view.drawFace(c, node)
    } catch (e) {
      console.warn('LOKI: glamour drawing failed', e)
    }
  }
  const foreground = canvas.onDrawForeground
  canvas.onDrawForeground = function (c, area) {
    foreground?.call(this, c, area)
    try {
      view.drawHoverCard(c)
    } catch (e) {
      console.warn('LOKI: glamour card drawing failed', e)
    }
  }
  ctx.faces.onChange(() => canvas.setDirty(true, true))
  ctx.progress.onChange(() => canvas.setDirty(true, true))
  return view
}

export class GlamourView {
  constructor(canvas, { glamours, flows, faces, progress, images }) {
    Object.assign(this, { canvas, glamours, flows, faces, progress, images })
    this.drawn = new Map() // flow path -> { state, url }: what each glamoured node last showed
    this.history = [] // { t, path, state, url } each time a node's face changed
  }

  shows(node) {
    return !node.flags?.collapsed && isGlamoured(node, this.glamours)
  }

  /** The node-relative box of a fraction box `b` of the node's body. */
  box(node, b) {
    return { x: b.x * node.size[0], y: b.y * node.size[1], w: b.w * node.size[0], h: b.h * node.size[1] }
  }

  /** The node-relative pointer position when the pointer is over `node`, else null. */
  pointer(node) {
    const m = this.canvas.graph_mouse
    if (this.canvas.node_over !== node || !m) return null
    return [m[0] - node.pos[0], m[1] - node.pos[1]]
  }

  /** The hover interactions whose area (the whole body when none) the pointer is in. */
  hovered(node) {
    const p = this.pointer(node)
    if (!p || p[1] < 0) return []
    const hovers = this.glamours.get(node.type).interactions.filter((i) => i.on === 'hover')
    return hovers.filter((i) => inside(p, i.area ? this.box(node, i.area) : null, node))
  }

  drawFace(c, node) {
    const entry = this.glamours.get(node.type)
    const path = flowPathOfNode(node)
    const state = this.faces.stateOf(path)
    const url = entry.face(state)
    this.#record(path, state, url)
    for (const other of Object.values(entry.faces)) this.images.get(other) // every state's face ready before it is due
    const [w, h] = node.size
    c.save()
    c.beginPath()
    c.roundRect(0, 0, w, h, [0, 0, globalThis.LiteGraph?.ROUND_RADIUS ?? 8, globalThis.LiteGraph?.ROUND_RADIUS ?? 8])
    c.clip()
    c.fillStyle = node.renderingBgColor ?? node.bgcolor ?? '#353535'
    c.fillRect(0, 0, w, h)
    const image = this.images.get(url)
    const face = this.faceRect(node)
    c.imageSmoothingQuality = 'high' // faces and cards are drawn smaller than they are painted
    if (image && face) c.drawImage(image, face.x, face.y, face.w, face.h)
    const fraction = state === 'running' ? this.#progress(node, path) : null
    if (fraction !== null) {
      c.fillStyle = entry.tints.running ?? COLORS.bar
      c.fillRect(0, h - 4, w * fraction, 4)
    }
    c.restore()
    // The sockets' dots again, over the face, where links attach; their names are the face's to show (a generated
    // face paints them as chips), so the frontend's labels are left out.
    const fillText = c.fillText
    c.fillText = () => {}
    try {
      const { linkConnector, colourGetter, editor_alpha: editorAlpha, low_quality: lowQuality } = this.canvas
      node.drawSlots?.(c, { fromSlot: linkConnector?.renderLinks?.[0]?.fromSlot, colorContext: colourGetter, editorAlpha,
        lowQuality })
    } finally {
      c.fillText = fillText
    }
    c.globalAlpha = 1
    this.#drawOverlays(c, node)
  }

  /** The node-relative box of `node`'s face image (the whole body), or null before the image has loaded. */
  faceRect(node) {
    const image = this.images.get(this.glamours.get(node.type)?.face(this.faces.stateOf(flowPathOfNode(node))))
    return image ? { x: 0, y: 0, w: node.size[0], h: node.size[1] } : null
  }

  /** The overlays of `node` whose widget it has: [{ overlay, widget, box }]. */
  overlays(node) {
    const entry = this.glamours.get(node.type)
    return entry.overlays
      .map((o) => ({ overlay: o, widget: node.widgets?.find((w) => w.name === o.widget), box: this.box(node, o) }))
      .filter((o) => o.widget)
  }

  drawHoverCard(c) {
    const node = this.canvas.node_over
    if (!node || node.graph !== this.canvas.graph || !this.shows(node)) return
    const entry = this.glamours.get(node.type)
    const wanted = this.hovered(node)
    const metaphor = wanted.find((i) => i.action === 'show_metaphor')
    if (metaphor && (metaphor.text ?? entry.metaphor)) drawTooltip(c, node, metaphor.text ?? entry.metaphor)
    const card = wanted.some((i) => i.action === 'show_card') ? this.images.get(entry.card) : null
    if (!card) return
    const title = globalThis.LiteGraph?.NODE_TITLE_HEIGHT ?? 30
    const height = Math.max(360, node.size[1] + title) // large enough to read: a card is a tooltip, not a thumbnail
    const width = (height * card.naturalWidth) / card.naturalHeight
    const [x, y] = [node.pos[0] + node.size[0] + 16, node.pos[1] - title]
    c.save()
    c.shadowColor = 'rgba(0,0,0,0.6)'
    c.shadowBlur = 12
    c.fillStyle = '#000'
    c.fillRect(x, y, width, height)
    c.shadowColor = 'transparent'
    c.imageSmoothingQuality = 'high'
    c.drawImage(card, x, y, width, height)
    c.restore()
    this.cardDrawn = { node: node.id, url: entry.card, rect: [x, y, width, height] }
  }

  // The live value in each overlay's box; the face image draws the caption when the overlay has a label.
  #drawOverlays(c, node) {
    const p = this.pointer(node)
    for (const { overlay, widget, box } of this.overlays(node)) {
      const hot = p && inside(p, box, node)
      c.save()
      c.fillStyle = COLORS.box
      c.strokeStyle = hot ? COLORS.hot : COLORS.edge
      c.lineWidth = hot ? 2 : 1
      c.beginPath()
      c.roundRect(box.x, box.y, box.w, box.h, Math.min(6, box.h / 3))
      c.fill()
      c.stroke()
      c.fillStyle = COLORS.text
      c.font = `${Math.max(8, Math.min(13, box.h * 0.6))}px sans-serif`
      c.textBaseline = 'middle'
      c.textAlign = 'center'
      const text = overlay.label ? formatValue(widget) : `${widget.label ?? widget.name}: ${formatValue(widget)}`
      c.fillText(text, box.x + box.w / 2, box.y + box.h / 2, box.w - 6)
      c.restore()
    }
  }

  // The running node's progress: a flow node's inner run (k/n, or the running inner node's value/max), else its own.
  #progress(node, path) {
    const flow = this.flows.get(node.properties?.[RECORD]?.type ?? node.type)
    if (flow && !flow.trivial) {
      const s = this.progress.summary(path, flow, '>')
      if (s.running?.max > 0) return Math.min(1, (s.done + s.running.value / s.running.max) / Math.max(1, s.total))
      return s.total ? s.done / s.total : 0
    }
    const own = this.progress.stateOf(path)
    return own && own.max > 0 ? Math.min(1, own.value / own.max) : 0
  }

  #record(path, state, url) {
    const was = this.drawn.get(path)
    if (was && was.state === state && was.url === url) return
    this.drawn.set(path, { state, url })
    this.history.push({ t: Date.now(), path, state, url })
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT)
  }
}

export function inside([x, y], box, node) {
  const b = box ?? { x: 0, y: 0, w: node.size[0], h: node.size[1] }
  return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h
}

function formatValue(widget) {
  const v = widget.value
  if (typeof v === 'boolean') return v ? 'on' : 'off'
  if (typeof v === 'number') {
    const precision = widget.options?.precision ?? (Number.isInteger(v) ? 0 : 2)
    return v.toFixed(Math.min(6, Math.max(0, precision)))
  }
  return String(v ?? '')
}

function drawTooltip(c, node, text) {
  c.save()
  c.font = '12px sans-serif'
  const width = Math.min(320, c.measureText(text).width + 16)
  const title = globalThis.LiteGraph?.NODE_TITLE_HEIGHT ?? 30
  const [x, y] = [node.pos[0], node.pos[1] - title - 28] // above the title: the run's strip is below the node
  c.fillStyle = 'rgba(13,17,23,0.92)'
  c.beginPath()
  c.roundRect(x, y, width, 22, 5)
  c.fill()
  c.fillStyle = COLORS.text
  c.textBaseline = 'middle'
  c.fillText(text, x + 8, y + 11, width - 16)
  c.restore()
}
