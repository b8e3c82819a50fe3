"""The real ComfyUI 0.3.64 of ``shared/tools/comfyui``, for every test that needs ComfyUI: find it, copy it, start it.

The tool folder is read-only and lives beside the repository (``../shared/tools/comfyui``: CI clones the repo with
``shared/`` next to it); ``$LOKI_COMFYUI_TOOL`` names another copy. Its layout: ``ComfyUI/`` (the source),
``stubs/ shims/ vendor/`` (what Debian lacks; they go on ``PYTHONPATH``), ``start-server.sh PORT`` and
``apt-packages.txt`` (installed by the Cake ``setup`` target).

Two ways to use it, both from a writable copy (:class:`ComfyUICopy`, a few MiB, copied in well under a second):

* **a server** — :class:`ComfyServer` drops packs into the copy's ``custom_nodes/``, runs ``start-server.sh`` on a
  free loopback port (``COMFYUI_PATH`` and ``PYTHONPATH`` removed from its environment: a ComfyUI started normally),
  waits for ``GET /object_info``, and is stopped by its process id. It speaks ComfyUI's HTTP API as a client does
  (:meth:`ComfyServer.queue`, :meth:`~ComfyServer.history`, :meth:`~ComfyServer.view`, ...).
* **in-process** — ``copy.comfyui`` is the ComfyUI folder for ``--comfyui`` / ``COMFYUI_PATH`` and
  ``copy.env()`` the environment of a subprocess that imports it (``PYTHONPATH`` = the helper folders, plus any
  extra paths, as ``start-server.sh`` sets it).

pytest fixtures (``tests/python/conftest.py``): ``comfyui_copy`` (session: one copy for in-process use),
``comfyui_server`` (session: one server with the repository's pack, built once), ``start_comfyui`` (a factory for
a server with other packs or a real frontend; each is stopped at the end of the test that made it). All of them
skip, naming the path, only when the tool folder is absent (it is present in CI).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ENV_OVERRIDE = "LOKI_COMFYUI_TOOL"
HELPER_FOLDERS = ("stubs", "shims", "vendor")


def find_tool() -> Path | None:
    """``$LOKI_COMFYUI_TOOL``, else ``shared/tools/comfyui`` beside the repository or any folder above it."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override).resolve() if _is_tool(Path(override)) else None
    for folder in (REPO, *REPO.parents):
        candidate = folder / "shared" / "tools" / "comfyui"
        if _is_tool(candidate):
            return candidate.resolve()
    return None


def _is_tool(folder: Path) -> bool:
    return (folder / "start-server.sh").is_file() and (folder / "ComfyUI" / "nodes.py").is_file()


def why_absent() -> str | None:
    """None when the tool is there, else the reason a test that needs it skips."""
    if find_tool() is not None:
        return None
    return (f"the real ComfyUI tool (../shared/tools/comfyui beside the repository, or ${ENV_OVERRIDE}) is absent")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ComfyUICopy:
    """A writable copy of the tool folder under ``parent`` (made here; removed with ``parent``)."""

    def __init__(self, parent: str | os.PathLike, tool: Path | None = None):
        tool = tool or find_tool()
        if tool is None:
            raise FileNotFoundError(why_absent())
        self.root = Path(parent) / "comfyui"
        shutil.copytree(tool, self.root, ignore=shutil.ignore_patterns("__pycache__"))
        for path in [self.root, *self.root.rglob("*")]:  # the source is read-only; the copy must not be
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o200)
        self.comfyui = self.root / "ComfyUI"

    @property
    def python_path(self) -> list[str]:
        """The folders ``start-server.sh`` puts on ``PYTHONPATH`` (stand-ins for what Debian does not package)."""
        return [str(self.root / name) for name in HELPER_FOLDERS]

    def env(self, *extra_paths: str | os.PathLike, comfyui_path: bool = False, **overrides: str) -> dict:
        """The environment of a subprocess that imports this ComfyUI: the helper folders, then ``extra_paths``, on
        ``PYTHONPATH``; ``COMFYUI_PATH`` set to the copy only when ``comfyui_path`` (else removed)."""
        env = dict(os.environ)
        env.pop("COMFYUI_PATH", None)
        env["PYTHONPATH"] = os.pathsep.join([*self.python_path, *map(str, extra_paths)])
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        if comfyui_path:
            env["COMFYUI_PATH"] = str(self.comfyui)
        env.update(overrides)
        return env

    def install_pack(self, pack: str | os.PathLike, folder_name: str) -> Path:
        """Copies a custom-node pack to ``custom_nodes/<folder_name>`` (any name: a pack must not depend on it)."""
        target = self.comfyui / "custom_nodes" / folder_name
        shutil.copytree(pack, target, ignore=shutil.ignore_patterns("__pycache__"))
        return target


class ComfyServer:
    """A real ComfyUI started by the tool's ``start-server.sh`` on a free loopback port, from its own copy.

    ``packs`` maps a ``custom_nodes`` folder name to a pack folder. ``frontend_root`` serves a real frontend
    (``COMFYUI_FRONTEND_ROOT``); by default the tool's placeholder page. Always :meth:`stop` it (or use ``with``).
    """

    def __init__(self, parent: str | os.PathLike, packs: dict | None = None, frontend_root: str | None = None,
                 extra_args: tuple = (), startup_seconds: float = 240.0):
        self.copy = ComfyUICopy(parent)
        self.comfyui = self.copy.comfyui
        for name, pack in (packs or {}).items():
            self.copy.install_pack(pack, name)
        self.input_dir, self.output_dir = self.comfyui / "input", self.comfyui / "output"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(parent) / f"comfyui-{self.port}.log"
        # Started as a user starts it: nothing of the tests' set-up leaks in (conftest's LOKI_CACHE_DIR included).
        env = {k: v for k, v in os.environ.items()
               if k not in ("COMFYUI_PATH", "PYTHONPATH", "COMFYUI_FRONTEND_ROOT") and not k.startswith("LOKI_")}
        if frontend_root:
            env["COMFYUI_FRONTEND_ROOT"] = str(frontend_root)
        self._log_file = open(self.log, "wb")
        self.process = subprocess.Popen(["sh", str(self.copy.root / "start-server.sh"), str(self.port), *extra_args],
                                        env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        try:
            self._wait_ready(startup_seconds)
        except BaseException:
            self.stop()
            raise

    def __enter__(self) -> "ComfyServer":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _wait_ready(self, seconds: float) -> None:
        from loki_runtime.backends.transport import HttpTransport

        deadline = time.monotonic() + seconds
        http = HttpTransport(self.url, timeout=10)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ComfyUI exited {self.process.returncode}:\n{self.log_text()[-4000:]}")
            try:
                if http.request("GET", "/object_info")[0] == 200:
                    self.http = HttpTransport(self.url, timeout=300)
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"ComfyUI did not answer /object_info in {seconds:.0f} s:\n{self.log_text()[-4000:]}")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.is_file() else ""

    def stop(self) -> None:
        """Stops the server by its process id (start-server.sh execs python, so the pid is ComfyUI's)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        if not self._log_file.closed:
            self._log_file.close()

    # ---- the HTTP API, as a ComfyUI client uses it --------------------------------------------------------

    def get_json(self, path: str):
        status, data = self.http.request("GET", path)
        assert status == 200, f"GET {path} answered {status}: {data[:500]!r}"
        return json.loads(data)

    def upload_png(self, path: Path) -> str:
        from loki_runtime.backends.transport import multipart

        body, headers = multipart({"type": "input", "overwrite": "true"},
                                  {"image": (path.name, path.read_bytes(), "image/png")})
        status, data = self.http.request("POST", "/upload/image", body, headers)
        assert status == 200, data
        return json.loads(data)["name"]

    def queue(self, prompt: dict, extra_data: dict | None = None) -> tuple[str, list[dict]]:
        """POST /prompt, then the websocket until the prompt is done; returns (prompt_id, its text messages).
        A prompt ComfyUI refuses raises :class:`PromptRejected` with its answer."""
        from loki_runtime.backends.transport import json_body
        from loki_runtime.backends.websocket import TEXT

        client_id = uuid.uuid4().hex
        ws = self.http.websocket(f"/ws?clientId={client_id}")
        try:
            body, headers = json_body({"prompt": prompt, "client_id": client_id, **({"extra_data": extra_data}
                                                                                     if extra_data else {})})
            status, data = self.http.request("POST", "/prompt", body, headers)
            answer = json.loads(data)
            if status != 200:
                raise PromptRejected(answer)
            prompt_id, messages = answer["prompt_id"], []
            while True:
                opcode, frame = ws.recv()
                if opcode != TEXT:
                    continue
                message = json.loads(frame)
                if (message.get("data") or {}).get("prompt_id") not in (None, prompt_id):
                    continue
                messages.append(message)
                kind, data = message["type"], message.get("data") or {}
                # the history is written after execution_success/_error, just before `executing` with node None
                if kind == "executing" and data.get("node") is None and data.get("prompt_id") == prompt_id:
                    return prompt_id, [m for m in messages if m["type"] != "status"
                                       and (m["type"] != "executing" or m["data"].get("node"))]
        finally:
            ws.close()

    def history(self, prompt_id: str) -> dict:
        return self.get_json(f"/history/{prompt_id}")[prompt_id]

    def view(self, image: dict) -> bytes:
        query = urlencode({"filename": image["filename"], "subfolder": image.get("subfolder", ""),
                           "type": image.get("type", "output")})
        status, data = self.http.request("GET", f"/view?{query}")
        assert status == 200, f"GET /view?{query} answered {status}"
        return data


class PromptRejected(Exception):
    """ComfyUI answered POST /prompt with an error (validation)."""

    def __init__(self, answer: dict):
        super().__init__(json.dumps(answer)[:2000])
        self.answer = answer


def temp_copy() -> ComfyUICopy:
    """A copy in a fresh temporary folder, for code outside pytest (benchmarks, conftests run before fixtures);
    the caller removes ``copy.root.parent`` when done."""
    return ComfyUICopy(tempfile.mkdtemp(prefix="loki-comfyui-"))
