// The run as the extension shows it, built only from ComfyUI's own websocket messages: `progress_state` (every
// started node of the prompt with its state and value/max, expanded flow nodes included), `execution_start`,
// `execution_error` (which names only the top-level node: the failing inner node is the deepest one still running
// under it) and `execution_success`. States are kept by flow path (node_paths.js); `history` records every change
// with a timestamp, bounded, for anyone who wants the run over time.
import { flowPathOfExecutionId, outerPath } from './node_paths.js'

const HISTORY_LIMIT = 2000

export class ProgressModel {
  constructor() {
    this.promptId = null
    this.states = new Map() // flow path -> { state: 'running'|'finished'|'error', value, max, message? }
    this.history = []
    this.listeners = new Set()
  }

  onChange(listener) {
    this.listeners.add(listener)
  }

  start(promptId) {
    this.promptId = promptId
    this.states.clear()
    this.#changed('start')
  }

  progressState(message) {
    if (!message?.nodes) return
    if (message.prompt_id && message.prompt_id !== this.promptId) this.start(message.prompt_id)
    for (const entry of Object.values(message.nodes)) {
      const path = flowPathOfExecutionId(entry.node_id)
      if (this.states.get(path)?.state === 'error') continue
      this.states.set(path, { state: entry.state, value: entry.value, max: entry.max })
    }
    this.#changed('progress_state')
  }

  error(message) {
    const top = String(message?.node_id ?? '')
    const running = [...this.states.entries()]
      .filter(([path, s]) => s.state === 'running' && outerPath(path) === top)
      .sort((a, b) => b[0].split('>').length - a[0].split('>').length)
    const text = String(message?.exception_message ?? 'error').trim()
    // The failing node and every flow node around it.
    const failing = running.length ? running[0][0] : top
    const steps = failing.split('>')
    for (let i = steps.length; i >= 1; i--) {
      const path = steps.slice(0, i).join('>')
      this.states.set(path, { ...(this.states.get(path) ?? { value: 0, max: 1 }), state: 'error', message: text, failing })
    }
    this.#changed('execution_error')
  }

  finish() {
    this.#changed('execution_success')
  }

  stateOf(path) {
    return path == null ? undefined : this.states.get(path)
  }

  /**
   * What a flow node at `path` shows: k of n inner nodes done, the running one, its progress. `step` is ">" for a
   * closed LOKI node (its expansion) and ":" for an opened one (a native subgraph instance).
   */
  summary(path, entry, step = '>') {
    let done = 0
    let running = null
    let error = null
    for (const [p, s] of this.states) {
      if (!p.startsWith(path + step)) continue
      const rest = p.slice(path.length + 1)
      const id = rest.split(/[>:]/)[0]
      const direct = !/[>:]/.test(rest)
      if (direct && s.state === 'finished' && entry.countable.has(id)) done++
      if (direct && s.state === 'running' && !running) running = { id, value: s.value, max: s.max }
      if (s.state === 'error' && s.failing === p) error = { id, message: s.message }
    }
    if (running) {
      // The progress bar follows the deepest running node below the running inner node (a nested flow's inner node).
      const deeper = [...this.states.entries()].filter(([p, s]) => s.state === 'running' && (p.startsWith(`${path}${step}${running.id}>`) || p.startsWith(`${path}${step}${running.id}:`)))
      if (deeper.length) {
        const [, s] = deeper.sort((a, b) => b[0].length - a[0].length)[0]
        running = { ...running, value: s.value, max: s.max }
      }
      running.title = entry.titles.get(running.id) ?? running.id
    }
    if (error) error.title = entry.titles.get(error.id) ?? error.id
    return { done, total: entry.countable.size, running, error, own: this.states.get(path) }
  }

  #changed(kind) {
    this.history.push({ t: Date.now(), kind, states: Object.fromEntries([...this.states].map(([p, s]) => [p, s.state])) })
    if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT)
    for (const listener of this.listeners) listener(kind)
  }
}
