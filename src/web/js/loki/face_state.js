// Which face a node shows: idle, queued, running, done or error, from the run as ComfyUI reports it. A node is queued
// from the moment the frontend posts a prompt holding it (the only place the prompt's nodes are known before they
// run) until ComfyUI reports it; the ProgressModel's states (progress_state, execution_error) then say running, done
// or error; `execution_cached` nodes are done. When a prompt ends, its faces stay until the node is queued again.
import { outerPath } from './node_paths.js'

const FROM_PROGRESS = { pending: 'queued', running: 'running', finished: 'done', error: 'error' }

export class FaceStates {
  constructor(progress) {
    this.progress = progress
    this.pending = [] // [{ promptId, nodes: Set of prompt node ids }], oldest first
    this.cachedIds = new Set()
    this.last = new Map() // flow path -> face of the last prompt that ran it
    this.stale = null // a prompt of a workflow loaded over since: its states are not this workflow's
    this.listeners = new Set()
    progress.onChange((kind) => {
      if (kind === 'start') this.started(progress.promptId)
      if (kind === 'execution_success' || kind === 'execution_error') this.ended(progress.promptId)
    })
  }

  onChange(listener) {
    this.listeners.add(listener)
  }

  /** A prompt the frontend is posting, by its node ids (`Object.keys(prompt.output)`); returns its entry. */
  queued(nodeIds) {
    const entry = { promptId: null, nodes: new Set(nodeIds.map(String)) }
    this.pending.push(entry)
    this.#changed()
    return entry
  }

  /** The server's answer to the post: its prompt id, or null when it refused the prompt. */
  answered(entry, promptId) {
    if (promptId) entry.promptId = promptId
    else this.pending = this.pending.filter((e) => e !== entry)
    this.#changed()
  }

  // ComfyUI may start a prompt before the frontend has its answer to the post: the oldest unanswered one is it.
  started(promptId) {
    this.cachedIds.clear()
    if (!this.pending.some((e) => e.promptId === promptId)) {
      const entry = this.pending.find((e) => e.promptId === null)
      if (entry) entry.promptId = promptId
    }
  }

  cached(message) {
    for (const id of message?.nodes ?? []) this.cachedIds.add(String(id))
    this.#changed()
  }

  /** The prompt `promptId` ended (success, error or interruption): its faces become the nodes' last ones; a node
   * it held that never ran (a node upstream failed) is idle again. */
  ended(promptId) {
    const reported = new Set()
    for (const [path, s] of this.progress.states) {
      const face = FROM_PROGRESS[s.state]
      if (face === 'done' || face === 'error') this.last.set(path, face)
      reported.add(path)
    }
    for (const id of this.cachedIds) {
      this.last.set(id, 'done')
      reported.add(id)
    }
    const index = this.pending.findIndex((e) => e.promptId === promptId)
    const at = index >= 0 ? index : this.pending.findIndex((e) => e.promptId === null)
    if (at >= 0) {
      const [entry] = this.pending.splice(at, 1)
      for (const path of [...this.last.keys()]) {
        if (!reported.has(path) && (entry.nodes.has(path) || entry.nodes.has(outerPath(path)))) this.last.delete(path)
      }
    }
    this.#changed()
  }

  /** The user interrupted the prompt: what finished stays done, the node that was running is not running any more. */
  interrupted(promptId) {
    this.ended(promptId)
    this.stale = this.progress.promptId // its 'running' states stay in the ProgressModel until the next prompt
    this.#changed()
  }

  /** Another workflow was loaded: the faces of the last runs belonged to the old one's nodes. */
  forget() {
    this.last.clear()
    this.cachedIds.clear()
    this.stale = this.progress.promptId // the ProgressModel keeps that prompt's states until the next one starts
    this.#changed()
  }

  /** The face of the node at flow path `path` (node_paths.js). */
  stateOf(path) {
    if (path == null) return 'idle'
    const top = outerPath(path)
    const holds = (e) => e.nodes.has(path) || e.nodes.has(top)
    const progress = this.stale != null && this.stale === this.progress.promptId ? null : this.progress.stateOf(path)
    const reported = FROM_PROGRESS[progress?.state] ?? (this.cachedIds.has(path) ? 'done' : null)
    const running = this.pending.find((e) => e.promptId !== null && e.promptId === this.progress.promptId)
    if (running && holds(running)) return reported ?? 'queued'
    if (this.pending.some(holds)) return 'queued'
    return reported ?? this.last.get(path) ?? 'idle'
  }

  #changed() {
    for (const listener of this.listeners) listener()
  }
}
