// Draws the run on the canvas (graph space, after the nodes): under a flow node, "k/n" inner nodes done, the running
// inner node's title and its progress bar, or the inner node that failed; on the nodes of an opened or peeked flow,
// a green frame while running, a check mark when done, a red frame and a cross on error.
import { flowPathOfNode } from './node_paths.js'
import { RECORD } from './open_close.js'

const COLORS = { running: '#3fb950', finished: '#2f81f7', error: '#f85149', text: '#e6edf3', strip: 'rgba(13,17,23,0.85)' }

export function installProgressView(canvas, model, index) {
  const original = canvas.onDrawForeground
  canvas.onDrawForeground = function (ctx, area) {
    original?.call(this, ctx, area)
    try {
      drawRun(ctx, this.graph, model, index)
    } catch (e) {
      console.warn('LOKI: progress drawing failed', e)
    }
  }
  model.onChange(() => canvas.setDirty(true, true))
}

function drawRun(ctx, graph, model, index) {
  for (const node of graph?.nodes ?? []) {
    const path = flowPathOfNode(node)
    if (path == null) continue
    const opened = node.properties?.[RECORD]
    const entry = index.get(opened ? opened.type : node.type)
    if (entry && !entry.trivial) {
      const summary = model.summary(path, entry, opened && node.subgraph ? ':' : '>')
      if (summary.own || summary.done || summary.running || summary.error) drawStrip(ctx, node, summary)
    }
    if (/[>:]/.test(path)) drawFrame(ctx, node, model.stateOf(path), path)
  }
}

function drawStrip(ctx, node, s) {
  const x = node.pos[0]
  const y = node.pos[1] + (node.flags?.collapsed ? 0 : node.size[1]) + 6
  const w = Math.max(node.size[0], 160)
  const h = 22
  ctx.save()
  ctx.fillStyle = COLORS.strip
  ctx.beginPath()
  ctx.roundRect(x, y, w, h, 5)
  ctx.fill()
  let text = `${s.done}/${s.total}`
  if (s.error) text += ` ✖ ${s.error.title}`
  else if (s.running) text += ` ▶ ${s.running.title}`
  else if (s.own?.state === 'finished') text += ' ✓'
  ctx.fillStyle = s.error ? COLORS.error : COLORS.text
  ctx.font = '12px sans-serif'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, x + 6, y + h / 2 - 2, w - 12)
  const fraction = s.running && s.running.max > 0 ? Math.min(1, s.running.value / s.running.max) : s.total ? s.done / s.total : 0
  ctx.fillStyle = s.error ? COLORS.error : COLORS.running
  ctx.fillRect(x + 4, y + h - 4, (w - 8) * fraction, 2)
  ctx.restore()
}

function drawFrame(ctx, node, state, path) {
  if (!state) return
  const title = globalThis.LiteGraph?.NODE_TITLE_HEIGHT ?? 30
  const [x, y] = [node.pos[0] - 3, node.pos[1] - title - 3]
  const [w, h] = [node.size[0] + 6, (node.flags?.collapsed ? 0 : node.size[1]) + title + 6]
  const color = COLORS[state.state] ?? COLORS.finished
  ctx.save()
  ctx.strokeStyle = color
  ctx.lineWidth = state.state === 'running' ? 4 : 2
  ctx.beginPath()
  ctx.roundRect(x, y, w, h, 8)
  ctx.stroke()
  const mark = state.state === 'finished' ? '✓' : state.state === 'error' ? '✖' : '▶'
  ctx.fillStyle = color
  ctx.font = 'bold 16px sans-serif'
  ctx.textBaseline = 'bottom'
  ctx.fillText(mark, x + w - 18, y - 2)
  if (state.state === "error" && state.failing === path && state.message) {
    ctx.font = '12px sans-serif'
    ctx.textBaseline = 'top'
    ctx.fillText(state.message.split('\n')[0].slice(0, 90), x, y + h + 4)
  }
  ctx.restore()
}
