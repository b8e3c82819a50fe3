"""Details the real ComfyUI 0.3.64 showed (docs/comfyui-verification.md), checked without a ComfyUI."""
import json

import numpy as np

from loki_runtime import flow
from loki_runtime.backends.server import ServerBackend
from loki_runtime.flow_errors import FlowError
from loki_runtime.markers import LokiOutput, describe


def test_the_output_marker_shows_its_value_and_passes_it_on():
    image = np.zeros((1, 4, 5, 3), np.float32)
    result = LokiOutput().execute("image", image)
    assert result["result"][0] is image
    assert result["ui"] == {"text": ["image: ndarray [1, 4, 5, 3] float32"]}
    assert LokiOutput().execute("n", 3)["ui"] == {"text": ["n: 3"]}


def test_describe_keeps_long_values_short():
    assert describe("x" * 5000).endswith("...") and len(describe("x" * 5000)) == 1003
    assert describe({"samples": np.zeros((1, 4, 8, 8))}) == "{samples: ndarray [1, 4, 8, 8] float64}"


class _Transport:
    """A server whose history entry is late: empty answers first (older servers, or a read that races the worker)."""

    def __init__(self, empty_history_answers: int, error_running: str | None = None):
        self.empty = empty_history_answers
        self.error_running = error_running
        self.paths = []

    def request(self, method, path, body=None, headers=None):
        self.paths.append(path)
        if path.startswith("/object_info/"):
            kind = path.rsplit("/", 1)[1]
            return 200, json.dumps({kind: {"output": ["INT"], "input": {}}}).encode()
        if path == "/prompt":
            return 200, b'{"prompt_id": "p1", "number": 0, "node_errors": {}}'
        if path == "/history/p1":
            if self.empty:
                self.empty -= 1
                return 200, b"{}"
            return 200, json.dumps({"p1": {"outputs": {"loki_out_0": {"text": ["7"]}}}}).encode()
        raise AssertionError(path)

    def websocket(self, path):
        messages = [{"type": "execution_start", "data": {"prompt_id": "p1"}},
                    {"type": "executing", "data": {"node": "1", "prompt_id": "p1"}}]
        if self.error_running:
            messages.append({"type": "executing", "data": {"node": self.error_running, "prompt_id": "p1"}})
            messages.append({"type": "execution_error", "data": {"prompt_id": "p1", "node_id": "1",
                                                                 "node_type": "LokiFlowish", "exception_type": "ValueError",
                                                                 "exception_message": "bad"}})
        messages.append({"type": "execution_success", "data": {"prompt_id": "p1"}})
        messages.append({"type": "executing", "data": {"node": None, "prompt_id": "p1"}})

        class _Ws:
            def recv(self_inner):
                return 1, json.dumps(messages.pop(0)).encode()

            def close(self_inner):
                pass

        return _Ws()


def _graph():
    g = flow.Graph()
    g.output("n", g.node("PrimitiveInt", value=7).out(0))
    return g


def test_the_server_backend_waits_for_the_history_entry_written_after_success():
    transport = _Transport(empty_history_answers=3)
    outputs = ServerBackend("http://fake", transport=transport).run(_graph())
    assert outputs == {"n": 7} and transport.paths.count("/history/p1") == 4


def test_an_error_inside_an_expansion_names_the_running_inner_node():
    transport = _Transport(empty_history_answers=0, error_running="1.0.0.3")
    try:
        ServerBackend("http://fake", transport=transport).run(_graph())
    except FlowError as ex:
        assert [n.node_id for n in ex.nodes] == ["1", "1.0.0.3"] and ex.nodes[0].class_type == "LokiFlowish"
    else:
        raise AssertionError("no FlowError")
