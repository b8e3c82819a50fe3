"""HTTP and websocket access to a ComfyUI server (standard library only), with optional recording of traffic."""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
import uuid
from typing import Any
from urllib.parse import urlsplit

from .websocket import BINARY, WebSocket


class HttpTransport:
    """Talks to one server: `request()` for HTTP, `websocket()` for the progress feed."""

    def __init__(self, base_url: str, timeout: float = 600.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base_url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as ex:
            return ex.code, ex.read()

    def websocket(self, path: str):
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        return WebSocket(f"{scheme}://{parts.netloc}{parts.path}{path}", timeout=self.timeout)


def json_body(data: Any) -> tuple[bytes, dict]:
    return json.dumps(data).encode(), {"Content-Type": "application/json"}


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, dict]:
    """A multipart/form-data body (for `/upload/image`)."""
    boundary = uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    for name, (filename, data, mime) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {mime}\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


class RecordingTransport:
    """Wraps a transport and keeps every HTTP exchange and websocket message (to write test traces)."""

    def __init__(self, inner):
        self.inner = inner
        self.events: list[dict] = []

    def request(self, method, path, body=None, headers=None):
        status, data = self.inner.request(method, path, body, headers)
        self.events.append({"kind": "http", "method": method, "path": path, "request": _encode(body, headers),
                            "status": status, "response": _encode(data, None)})
        return status, data

    def websocket(self, path):
        ws = self.inner.websocket(path)
        self.events.append({"kind": "ws_open", "path": path})
        recorder = self

        class _Recorded:
            def recv(self):
                opcode, data = ws.recv()
                recorder.events.append({"kind": "ws", "opcode": opcode,
                                        "data": base64.b64encode(data).decode() if opcode == BINARY else data.decode()})
                return opcode, data

            def settimeout(self, seconds):
                ws.settimeout(seconds)

            def close(self):
                ws.close()

        return _Recorded()


def _encode(data: bytes | None, headers: dict | None) -> Any:
    if data is None:
        return None
    content_type = (headers or {}).get("Content-Type", "")
    if content_type.startswith("multipart/"):
        return {"multipart": True, "bytes": len(data)}
    try:
        return {"json": json.loads(data)}
    except (ValueError, UnicodeDecodeError):
        return {"base64": base64.b64encode(data).decode()}
