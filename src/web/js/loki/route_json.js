// The pack's JSON routes as the extension reads them: a frontend or backend without the route is an empty answer.

/** The JSON object `route` answers through `fetchApi` (the frontend's `api.fetchApi`), or {} when it cannot. */
export async function routeJson(fetchApi, route) {
  try {
    const response = await fetchApi(route)
    if (!response.ok) return {}
    const body = await response.json()
    return body && typeof body === 'object' ? body : {}
  } catch {
    return {}
  }
}
