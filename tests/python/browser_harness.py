"""The real ComfyUI frontend 1.27.10 in Debian's chromium, for browser tests (the pack's web extension, layouts).

``shared/tools/comfyui-frontend/dist`` (beside the repository, or ``$LOKI_COMFYUI_FRONTEND``) is served by a real
ComfyUI (``comfyui_tool.ComfyServer`` with ``frontend_root``) and driven by ``tests/browser/driver.mjs``
(playwright-core from ``npm ci`` in ``tests/browser``, Chromium at ``/usr/bin/chromium``; both installed by the Cake
``setup`` target). The driver is one long-lived node process answering JSON lines, so one browser and one loaded app
serve a whole test module. Every request not to 127.0.0.1 is blocked.

Use (see ``test_web_flow_nodes.py``)::

    browser = Browser()                     # launches chromium
    browser.open(server.url)                # loads the app, waits for graph + canvas
    browser.evaluate("async (arg) => ...", arg)   # any JS in the page; JSON result
    browser.screenshot("name")              # artifacts/test-results/screenshots/name.png
    significant(browser.errors())           # console/page/HTTP errors, known start-up noise removed
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DRIVER = REPO / "tests" / "browser" / "driver.mjs"
SCREENSHOTS = REPO / "artifacts" / "test-results" / "screenshots"
ENV_OVERRIDE = "LOKI_COMFYUI_FRONTEND"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# What a stock ComfyUI 0.3.64 + frontend 1.27.10 shows on a fresh start (shared/tools/comfyui-frontend/README.md):
# missing optional user files, empty userdata folders, and the frontend's own settings-callback page error.
BENIGN = (
    re.compile(r"^404 GET .*/(user\.css|api/userdata/user\.css|api/userdata/comfy\.templates\.json)$"),
    re.compile(r"^404 GET .*/api/userdata\?dir=(workflows|subgraphs%2F)&"),
    re.compile(r"/(user\.css|comfy\.templates\.json) net::ERR_ABORTED$"),
    re.compile(r"^Failed to load resource: the server responded with a status of 404"),
    re.compile(r"^Cannot read properties of undefined \(reading 'id'\)$"),
    re.compile(r"^404 GET .*/api/view\?(.*&)?type=input(&|$)"),
    # The minimap logs this on every move between a graph and a native subgraph (seen with the frontend's own
    # convertToSubgraph + openSubgraph and no pack loaded): upstream noise, not the page's tests'.
    re.compile(r"^Attempted to cleanup event listeners for graph that was never set up$"),
)


def find_frontend() -> Path | None:
    """``$LOKI_COMFYUI_FRONTEND`` (a ``dist`` folder), else ``shared/tools/comfyui-frontend/dist`` above the repo."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override).resolve() if (Path(override) / "index.html").is_file() else None
    for folder in (REPO, *REPO.parents):
        candidate = folder / "shared" / "tools" / "comfyui-frontend" / "dist"
        if (candidate / "index.html").is_file():
            return candidate.resolve()
    return None


def why_absent() -> str | None:
    """None when the frontend is there, else why a browser test skips (CI has it: there it never skips)."""
    if find_frontend() is None:
        return f"the real ComfyUI frontend (../shared/tools/comfyui-frontend/dist, or ${ENV_OVERRIDE}) is absent"
    return None


def check_browser_tools() -> None:
    """Chromium, node and playwright-core are installed by the Cake `setup` target: their absence is a failure."""
    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if shutil.which("node") is None:
        missing.append("node (Node.js)")
    if not (DRIVER.parent / "node_modules" / "playwright-core").is_dir():
        missing.append("playwright-core (npm ci in tests/browser)")
    if missing:
        raise RuntimeError("browser tests need " + ", ".join(missing) + "; `dotnet cake build/build.cake --target=setup` "
                           "installs them")


def significant(errors: list[dict]) -> list[dict]:
    """The errors a test must care about: not caused by request blocking, not known start-up noise."""
    return [e for e in errors if not e.get("blocked") and not any(p.search(e["text"]) for p in BENIGN)]


def mark_tutorial_done(url: str) -> None:
    """The first-run template browser would cover the canvas; a user who saw it once has this setting."""
    request = urllib.request.Request(f"{url}/api/settings/Comfy.TutorialCompleted", data=b"true", method="POST")
    urllib.request.urlopen(request, timeout=30).read()


class BrowserError(RuntimeError):
    """The driver answered an error (a failed JS evaluation, a timeout, ...)."""


class Browser:
    """One chromium (through ``driver.mjs``) with one page; stop it with :meth:`close` (or ``with``)."""

    def __init__(self, width: int = 1600, height: int = 1000, timeout: float = 180.0):
        check_browser_tools()
        self.timeout = timeout
        self._next = 0
        self.log: list[dict] = []  # every error seen, for the test report
        self.process = subprocess.Popen(["node", str(DRIVER)], cwd=DRIVER.parent, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        try:
            self.version = self.call("launch", width=width, height=height)["version"]
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def call(self, op: str, timeout: float | None = None, **request):
        self._next += 1
        request.update(id=self._next, op=op)
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout or self.timeout)
        if not ready:
            raise BrowserError(f"the browser driver did not answer {op} in {timeout or self.timeout:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            raise BrowserError(f"the browser driver exited during {op}:\n{self.process.stderr.read()[-4000:]}")
        answer = json.loads(line)
        if not answer["ok"]:
            raise BrowserError(f"{op} failed: {answer['error']}")
        return answer["value"]

    def open(self, url: str, init: str | None = None) -> dict:
        """Loads the app; ``init`` (a script's source) runs before the page's own scripts, on a fresh page."""
        mark_tutorial_done(url)
        return self.call("open", url=url, init=init)

    def evaluate(self, fn: str, arg=None, timeout: float | None = None):
        """Runs the JS function source ``fn`` (sync or async) in the page with ``arg``; returns its JSON value."""
        return self.call("evaluate", fn=fn, arg=arg, timeout=timeout)

    def wait_for(self, fn: str, arg=None, timeout: float = 60.0):
        """Polls the JS predicate ``fn(arg)`` until it returns a truthy value; returns that value."""
        return self.call("waitFor", fn=fn, arg=arg, timeoutMs=int(timeout * 1000), timeout=timeout + 10)

    def screenshot(self, name: str, clip: dict | None = None) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.call("screenshot", path=str(path), clip=clip)
        return path

    def mouse(self, action: str, x: float, y: float, button: str = "left") -> None:
        self.call("mouse", action=action, x=x, y=y, button=button)

    def click(self, selector: str, text: str | None = None) -> None:
        self.call("click", selector=selector, text=text)

    def texts(self, selector: str) -> list[str]:
        return self.call("texts", selector=selector)

    def errors(self) -> list[dict]:
        """Takes the errors collected since the last call (all of them; filter with :func:`significant`)."""
        taken = self.call("errors")["errors"]
        self.log.extend(taken)
        return taken

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(30)
