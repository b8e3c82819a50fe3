"""Helpers for the checks against a real ComfyUI (test_comfyui_real.py): build the pack, start and drive the server.

Needs COMFYUI_PATH (an unpacked ComfyUI 0.3.64; never modified: custom_nodes, input and output live in a temporary
--base-directory) and the `loki` CLI (LOKI_CLI, else src/Loki.Cli/bin/*/net10.0/loki.dll, built when absent).
A ready pack can be given with LOKI_PACK; the library defaults to the repo's nodes/ (LOKI_LIBRARY_SOURCE overrides).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PACK_FOLDER = "loki_pack_under_test"  # not the pack's own name: the pack must find its files wherever it lands

# The flow of FlowEndToEndTests (four LOKI nodes, two markers in, two out, one dead branch): test data we own.
LEVELS_BLUR_FLOW = {
    "1": {"class_type": "LokiInput", "inputs": {"name": "image", "type": "IMAGE", "default": "", "min": "", "max": "",
                                                "description": "Picture to process."}},
    "2": {"class_type": "LokiInput", "inputs": {"name": "white", "type": "FLOAT", "default": "0.8", "min": "0.1",
                                                "max": "1", "description": "White point."}},
    "3": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.2, "white_point": ["2", 0],
                                                      "gamma": 1.0}},
    "4": {"class_type": "LokiImageBlur", "inputs": {"image": ["3", 0], "radius": 2.0}},
    "5": {"class_type": "LokiImageChannels", "inputs": {"image": ["4", 0], "operation": "grayscale"}},
    "6": {"class_type": "LokiMaskThreshold", "inputs": {"image": ["3", 0], "threshold": 0.5, "channel": "luminance",
                                                        "invert": False}},
    "7": {"class_type": "LokiOutput", "inputs": {"name": "image", "value": ["5", 0]}},
    "8": {"class_type": "LokiOutput", "inputs": {"name": "mask", "value": ["6", 0]}},
    "9": {"class_type": "LokiImageBlur", "inputs": {"image": ["1", 0], "radius": 9.0}},
}


def loki_cli() -> list[str]:
    """The command that runs `loki`."""
    if os.environ.get("LOKI_CLI"):
        return os.environ["LOKI_CLI"].split()
    for config in ("Debug", "Release"):
        dll = REPO / "src" / "Loki.Cli" / "bin" / config / "net10.0" / "loki.dll"
        if dll.is_file():
            return ["dotnet", str(dll)]
    subprocess.run(["dotnet", "build", str(REPO / "src" / "Loki.Cli"), "-v", "q", "-nologo"], check=True,
                   capture_output=True, timeout=600)
    return ["dotnet", str(REPO / "src" / "Loki.Cli" / "bin" / "Debug" / "net10.0" / "loki.dll")]


def loki(*args, cwd=None) -> subprocess.CompletedProcess:
    proc = subprocess.run([*loki_cli(), *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"loki {' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stderr}"
    return proc


def build_library(work: Path) -> Path:
    """A copy of the library with every missing LOKI Node layer grown (as the library build does) and the
    levels_blur flow converted to a flow node (`loki convert --to node`); returns the library root."""
    root = work / "library"
    source = Path(os.environ.get("LOKI_LIBRARY_SOURCE") or REPO / "nodes")
    shutil.copytree(source, root / "nodes", ignore=shutil.ignore_patterns("bin", "obj", "output", "__pycache__"))
    for folder in sorted((root / "nodes").iterdir()):
        if not folder.is_dir() or (folder / "__init__.py").exists():
            continue
        if (folder / f"{folder.name}.py").exists():
            loki("script-to-node", folder)
        elif (folder / f"{folder.name}_workflow.json").exists():  # a library flow: its node and flow script
            loki("convert", folder / f"{folder.name}_workflow.json", "--to", "node", "-o", folder, "--library", root)
    flow_file = work / "levels_blur_workflow.json"
    flow_file.write_text(json.dumps(LEVELS_BLUR_FLOW, indent=1), encoding="utf-8")
    loki("convert", flow_file, "--to", "node", "-o", root / "nodes" / "levels_blur", "--library", root)
    loki("convert", flow_file, "--to", "script", "-o", work / "levels_blur.py", "--library", root)
    return root


def build_pack(work: Path, library: Path) -> Path:
    if os.environ.get("LOKI_PACK"):
        return Path(os.environ["LOKI_PACK"])
    out = work / "ComfyUI-LOKI"
    loki("pack", "--library", library / "nodes", "--runtime", REPO / "src" / "python" / "loki_runtime",
         "--metadata", REPO / "pack.json", "--web", REPO / "src" / "web", "--out", out, "--no-zip")
    return out


def stand_ins_site(work: Path) -> Path:
    """A folder whose sitecustomize.py installs the test stand-ins for ComfyUI's hard imports Debian lacks."""
    site = work / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(
        f"import sys\nsys.path.insert(0, {str(HERE)!r})\nimport comfy_stand_ins\ncomfy_stand_ins.install()\n",
        encoding="utf-8")
    return site


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ComfyServer:
    """A real ComfyUI server on loopback with the pack in custom_nodes/ under PACK_FOLDER."""

    def __init__(self, comfyui: Path, work: Path, pack: Path):
        self.base = work / "base"
        shutil.copytree(pack, self.base / "custom_nodes" / PACK_FOLDER)
        for sub in ("input", "output", "temp", "user"):
            (self.base / sub).mkdir(parents=True, exist_ok=True)
        front_end = work / "front_end"
        front_end.mkdir(exist_ok=True)
        (front_end / "index.html").write_text("<!doctype html><title>test</title>", encoding="utf-8")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = work / "server.log"
        env = dict(os.environ, PYTHONPATH=str(stand_ins_site(work)))
        self._log_file = open(self.log, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "main.py", "--cpu", "--listen", "127.0.0.1", "--port", str(self.port),
             "--front-end-root", str(front_end), "--base-directory", str(self.base), "--disable-api-nodes"],
            cwd=comfyui, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        self._wait_ready()

    def _wait_ready(self, seconds: float = 180.0) -> None:
        from loki_runtime.backends.transport import HttpTransport

        deadline = time.monotonic() + seconds
        http = HttpTransport(self.url, timeout=5)
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ComfyUI exited {self.process.returncode}:\n{self.log_text()[-4000:]}")
            try:
                if http.request("GET", "/system_stats")[0] == 200:
                    self.http = HttpTransport(self.url, timeout=300)
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"ComfyUI did not answer in {seconds}s:\n{self.log_text()[-4000:]}")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
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

    def queue(self, prompt: dict) -> tuple[str, list[dict]]:
        """POST /prompt, then the websocket until the prompt is done; returns (prompt_id, its text messages)."""
        from loki_runtime.backends.transport import json_body
        from loki_runtime.backends.websocket import TEXT

        client_id = uuid.uuid4().hex
        ws = self.http.websocket(f"/ws?clientId={client_id}")
        try:
            body, headers = json_body({"prompt": prompt, "client_id": client_id})
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
    def __init__(self, answer: dict):
        super().__init__(json.dumps(answer)[:2000])
        self.answer = answer


def png_u8(data: bytes):
    """The exact uint8 pixels of a PNG (grey stays [H,W], colour [H,W,3])."""
    import io

    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB") if im.mode not in ("L", "RGB") else im).copy()


def save_image_u8(image):
    """What SaveImage writes for one IMAGE batch item: clip(255 * x) truncated to uint8 (nodes.py SaveImage)."""
    import numpy as np

    return np.clip(255.0 * np.asarray(image, dtype=np.float32), 0, 255).astype(np.uint8)
