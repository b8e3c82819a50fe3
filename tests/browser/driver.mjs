#!/usr/bin/env node
// A long-lived headless-Chromium driver for the browser tests, spoken to over stdin/stdout in JSON lines, so that a
// pytest fixture keeps one browser (and one loaded app) for many tests. Each request is one line
// {"id": n, "op": "...", ...}; each answer one line {"id": n, "ok": true, "value": ...} or {"id": n, "ok": false,
// "error": "..."}. Nothing else is written to stdout.
//
// Chromium is Debian's (CHROMIUM, default /usr/bin/chromium; playwright-core downloads no browser). Every request
// that is not to 127.0.0.1 (or data:/blob:) is aborted and recorded. Console errors, page errors, failed and >= 400
// responses are collected until the `errors` op takes them.
import { chromium } from 'playwright-core'
import readline from 'node:readline'

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'

function isLocal(u) {
  try {
    const url = new URL(u)
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return true
    return url.hostname === '127.0.0.1'
  } catch {
    return false
  }
}

class Driver {
  constructor() {
    this.errors = []
    this.blocked = []
  }

  async launch({ width = 1600, height = 1000 } = {}) {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-default-apps', '--disable-sync',
        '--disable-features=Translate,OptimizationHints,MediaRouter']
    })
    this.context = await this.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
    await this.context.route('**/*', (route) => {
      const u = route.request().url()
      if (isLocal(u)) return route.continue()
      this.blocked.push(u)
      return route.abort('blockedbyclient')
    })
    await this.newPage()
    return { version: this.browser.version() }
  }

  // A fresh page with the collectors attached; `init` (a script's source) runs in it before any of the page's own
  // scripts, on every load of that page (playwright has no way to take an init script back: a later open without
  // one gets a fresh page again).
  async newPage(init = null) {
    if (this.page) await this.page.close()
    this.page = await this.context.newPage()
    this.pageInit = init
    if (init) await this.page.addInitScript(init)
    this.page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push({ kind: 'console', text: msg.text(), blocked: /ERR_BLOCKED_BY_CLIENT/.test(msg.text()) })
    })
    this.page.on('pageerror', (err) => {
      this.errors.push({ kind: 'pageerror', text: String(err?.message ?? err), stack: String(err?.stack ?? '').split('\n').slice(0, 8).join('\n') })
    })
    this.page.on('response', (resp) => {
      if (resp.status() >= 400) this.errors.push({ kind: 'http', text: `${resp.status()} ${resp.request().method()} ${resp.url()}` })
    })
    this.page.on('requestfailed', (req) => {
      if (isLocal(req.url())) this.errors.push({ kind: 'requestfailed', text: `${req.url()} ${req.failure()?.errorText}` })
    })
  }

  // Loads the ComfyUI app at `url` and waits until the graph and canvas exist and the start-up overlay is gone.
  // With `init`, or after a page that had one, the app is loaded in a fresh page (see newPage).
  async open({ url, init = null, timeoutMs = 120000 }) {
    if (init || this.pageInit) await this.newPage(init)
    const t0 = Date.now()
    await this.page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
    await this.page.waitForFunction(() => window.app?.graph && window.app?.canvas && window.app?.extensionManager, null, { timeout: timeoutMs })
    await this.page.waitForSelector('.p-blockui-mask', { state: 'hidden', timeout: 60000 }).catch(() => {})
    await this.page.evaluate(() => document.fonts.ready.then(() => true))
    await this.frames(3)
    return { loadMs: Date.now() - t0 }
  }

  async frames(n = 2) {
    for (let i = 0; i < n; i++) await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
  }

  // Runs `fn` (the source of a JS function, possibly async) in the page with `arg`; answers its JSON result.
  async evaluate({ fn, arg = null }) {
    return await this.page.evaluate(`(${fn})(${JSON.stringify(arg)})`)
  }

  async waitFor({ fn, arg = null, timeoutMs = 30000, pollMs = 50 }) {
    const handle = await this.page.waitForFunction(`(${fn})(${JSON.stringify(arg)})`, null, { timeout: timeoutMs, polling: pollMs })
    return await handle.jsonValue()
  }

  async screenshot({ path, clip = null }) {
    await this.frames(2)
    await this.page.screenshot({ path, ...(clip ? { clip } : {}) })
    return { path }
  }

  async mouse({ action, x, y, button = 'left' }) {
    // A click is a move, then down and up (litegraph's pointer handling sees the pointer arrive first).
    if (action === 'click') {
      await this.page.mouse.move(x, y)
      await this.page.mouse.click(x, y, { button })
    }
    else if (action === 'dblclick') await this.page.mouse.dblclick(x, y, { button })
    else if (action === 'move') await this.page.mouse.move(x, y)
    else throw new Error(`unknown mouse action ${action}`)
    await this.frames(2)
    return null
  }

  async click({ selector, text = null, timeoutMs = 5000 }) {
    let loc = this.page.locator(selector)
    if (text !== null) loc = loc.filter({ hasText: text })
    await loc.first().click({ timeout: timeoutMs })
    await this.frames(2)
    return null
  }

  async key({ key }) {
    await this.page.keyboard.press(key)
    await this.frames(2)
    return null
  }

  async texts({ selector }) {
    return await this.page.locator(selector).allInnerTexts()
  }

  takeErrors() {
    return { errors: this.errors.splice(0), blocked: this.blocked.splice(0) }
  }

  async close() {
    if (this.browser) await this.browser.close()
    this.browser = null
    return null
  }
}

const driver = new Driver()
const ops = {
  launch: (r) => driver.launch(r),
  open: (r) => driver.open(r),
  evaluate: (r) => driver.evaluate(r),
  waitFor: (r) => driver.waitFor(r),
  screenshot: (r) => driver.screenshot(r),
  mouse: (r) => driver.mouse(r),
  click: (r) => driver.click(r),
  key: (r) => driver.key(r),
  texts: (r) => driver.texts(r),
  errors: () => driver.takeErrors(),
  close: () => driver.close()
}

const lines = readline.createInterface({ input: process.stdin })
// One request at a time, in order: the page is one shared state.
let queue = Promise.resolve()
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let request
    try {
      request = JSON.parse(line)
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, ok: false, error: `bad request: ${e.message}` }) + '\n')
      return
    }
    const op = ops[request.op]
    try {
      if (!op) throw new Error(`unknown op ${request.op}`)
      const value = await op(request)
      process.stdout.write(JSON.stringify({ id: request.id, ok: true, value: value ?? null }) + '\n')
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: request.id, ok: false, error: String(e?.stack ?? e) }) + '\n')
    }
  })
})
lines.on('close', () => { queue.then(() => driver.close()).finally(() => process.exit(0)) })
