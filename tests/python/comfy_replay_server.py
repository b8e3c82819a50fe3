"""A fake ComfyUI server (aiohttp, loopback only) that replays a recorded trace (fixtures/comfy_trace_*.json).

Requests must arrive in the recorded order with the recorded method and path (the websocket's clientId
excepted) and `POST /prompt` must carry the recorded prompt and the websocket's client id; the answers are
the recorded bytes. After answering `POST /prompt` it sends the recorded websocket frames, text and binary.
"""
from __future__ import annotations

import asyncio
import base64
import json
import threading
from pathlib import Path

from aiohttp import WSMsgType, web

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load_trace(name: str) -> dict:
    return json.loads((FIXTURES / f"comfy_trace_{name}.json").read_text(encoding="utf-8"))


class ReplayServer:
    def __init__(self, trace: dict):
        self.trace = trace
        self.http = [e for e in trace["events"] if e["kind"] == "http"]
        self.frames = [e for e in trace["events"] if e["kind"] == "ws"]
        self.problems: list[str] = []
        self.requests: list[tuple[str, str, bytes]] = []
        self.client_id: str | None = None
        self._queued = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> "ReplayServer":
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the replay server did not start")
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_route("GET", "/ws", self._websocket)
        app.router.add_route("*", "/{tail:.*}", self._http)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        self._queued = asyncio.Event()
        self._ready.set()
        self._loop.run_forever()

    async def _http(self, request: web.Request) -> web.Response:
        body = await request.read()
        path = request.path_qs
        self.requests.append((request.method, path, body))
        if not self.http:
            self.problems.append(f"unexpected request {request.method} {path}")
            return web.Response(status=500)
        expected = self.http.pop(0)
        if (expected["method"], expected["path"]) != (request.method, path):
            self.problems.append(f"expected {expected['method']} {expected['path']}, got {request.method} {path}")
        if path == "/prompt" and request.method == "POST":
            sent = json.loads(body)
            if sent.get("prompt") != expected["request"]["json"]["prompt"]:
                self.problems.append("the prompt differs from the recorded one")
            if sent.get("client_id") != self.client_id:
                self.problems.append("client_id differs from the websocket's clientId")
        response = expected["response"]
        if response is None:
            data = b""
        elif "json" in response:
            data = json.dumps(response["json"]).encode()
        else:
            data = base64.b64decode(response["base64"])
        if path == "/prompt":
            self._queued.set()
        return web.Response(status=expected["status"], body=data,
                            content_type="application/json" if response and "json" in response else "application/octet-stream")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.client_id = request.query.get("clientId")
        await self._queued.wait()
        for frame in self.frames:
            if frame["opcode"] == 2:
                await ws.send_bytes(base64.b64decode(frame["data"]))
            else:
                message = json.loads(frame["data"])
                if "sid" in message.get("data", {}):
                    message["data"]["sid"] = self.client_id
                await ws.send_str(json.dumps(message))
        async for msg in ws:  # keep the socket open until the client closes it
            if msg.type in (WSMsgType.CLOSE, WSMsgType.ERROR):
                break
        return ws
