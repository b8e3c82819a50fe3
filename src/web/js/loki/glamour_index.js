// The nodes' glamours: GET /loki/glamours (the pack's `nodes/<n>/glamour/`, by class type, with the files that exist)
// and the URLs of their images under /loki/glamour/<node>/. A frontend or backend without the route gets an empty
// index: every node then stays a plain ComfyUI node.
import { routeJson } from './route_json.js'

export const STATES = ['idle', 'queued', 'running', 'done', 'error']

/** One node's glamour: its face per state, widget overlays, interactions and card (glamour.json, version 1). */
export class GlamourEntry {
  constructor(classType, item, url) {
    this.classType = classType
    this.name = item.name
    const spec = item.glamour ?? {}
    const base = item.base ?? `/loki/glamour/${item.name}/`
    const at = (path) => (path ? url(base + path.split('/').map(encodeURIComponent).join('/')) : null)
    this.faces = Object.fromEntries(STATES.filter((s) => item.faces?.[s]).map((s) => [s, at(item.faces[s])]))
    this.icon = at(item.icon)
    this.card = at(item.card)
    this.overlays = (Array.isArray(spec.overlays) ? spec.overlays : [])
      .filter((o) => isBox(o) && typeof o.widget === 'string')
    this.interactions = (Array.isArray(spec.interactions) ? spec.interactions : [])
      .filter((i) => (i?.on === 'hover' || i?.on === 'click') && typeof i.action === 'string')
      .map((i) => ({ ...i, area: isBox(i.area) ? i.area : null }))
    // A glamour that declares no hover shows its card on hover (a flow's card is its parts' glamours composed).
    if (this.card && !this.interactions.some((i) => i.on === 'hover')) {
      this.interactions.push({ on: 'hover', action: 'show_card', area: null })
    }
    this.metaphor = typeof spec.metaphor === 'string' ? spec.metaphor : null
    const tints = STATES.map((s) => [s, spec.states?.[s]?.tint])
    this.tints = Object.fromEntries(tints.filter(([, t]) => /^#[0-9a-fA-F]{6}$/.test(t ?? '')))
  }

  /** The image URL of the face for `state` (a state without its own image shows the idle face, then the icon). */
  face(state) {
    return this.faces[state] ?? this.faces.idle ?? this.icon
  }
}

/** Loads the index; `fetchApi` and `apiURL` are the frontend's. Never throws: a missing route is an empty index. */
export async function loadGlamourIndex(fetchApi, apiURL) {
  const index = new Map()
  for (const [classType, item] of Object.entries(await routeJson(fetchApi, '/loki/glamours'))) {
    if (typeof item?.name === 'string' && item.faces) index.set(classType, new GlamourEntry(classType, item, apiURL))
  }
  return index
}

// A box in fractions of the node's body (x, y, w, h in 0..1): an overlay, an interaction's `area`.
export function isBox(b) {
  return !!b && ['x', 'y', 'w', 'h'].every((k) => typeof b[k] === 'number' && b[k] >= 0 && b[k] <= 1)
}
