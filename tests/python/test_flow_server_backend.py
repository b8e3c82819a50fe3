"""The server backend against a fake ComfyUI replaying traces recorded from a real ComfyUI 0.3.64."""
import numpy as np
import pytest

pytest.importorskip("aiohttp")

from comfy_replay_server import ReplayServer, load_trace  # noqa: E402
from comfy_trace_flows import GRAPHS, picture  # noqa: E402
from loki_runtime import flow  # noqa: E402
from loki_runtime import flow_errors as codes  # noqa: E402
from loki_runtime.backends import server as server_module  # noqa: E402
from loki_runtime.backends.server import ServerBackend  # noqa: E402
from loki_runtime.flow_errors import FlowError, FlowValidationError  # noqa: E402


@pytest.fixture(autouse=True)
def recorded_upload_names(monkeypatch):
    """Upload names are random; the replay answers with the recorded name, so the prompt matches."""
    class FixedUuid:
        hex = "0" * 32

    monkeypatch.setattr(server_module.uuid, "uuid4", lambda: FixedUuid())


def run_replayed(name, progress=None):
    trace = load_trace(name)
    with ReplayServer(trace) as fake:
        backend = ServerBackend(fake.url, timeout=20, on_progress=progress)
        try:
            return backend.run(GRAPHS[name]()), fake, backend
        finally:
            assert fake.problems == []


def test_a_flow_runs_and_its_outputs_come_back():
    events = []
    outputs, fake, backend = run_replayed("success", events.append)
    assert outputs["width"] == 32 and outputs["text"] == "hello, LOKI"
    image = outputs["image"]
    assert image.shape == (1, 24, 32, 3) and image.dtype == np.float32
    # ImageInvert then a light blur: the smooth red and green ramps stay close to 1 - input
    ramps, source = image[..., :2], picture()[..., :2]
    assert np.abs(ramps - (1.0 - source)).mean() < 0.02 < 0.3 < np.abs(ramps - source).mean()
    kinds = [m["type"] for m in events]
    assert kinds[-1] == "executing" and events[-1]["data"]["node"] is None  # finished: history is stored
    assert kinds.index("execution_start") < kinds.index("execution_success") < len(kinds) - 1
    assert "executed" in kinds and "progress_state" in kinds
    methods = [(m, p.split("?")[0]) for m, p, _ in fake.requests]
    assert methods[0] == ("POST", "/upload/image")
    assert ("POST", "/prompt") in methods and methods[-1] == ("GET", "/view")


def test_validation_errors_name_node_id_title_and_type():
    with pytest.raises(FlowValidationError) as info:
        run_replayed("rejected")
    error = info.value
    assert error.code == codes.VALUE_OUT_OF_RANGE
    assert (error.node.node_id, error.node.title, error.node.class_type) == ("2", "Too much blur", "ImageBlur")


def test_run_time_errors_name_node_id_title_and_type():
    with pytest.raises(FlowError) as info:
        run_replayed("error")
    error = info.value
    assert error.code == codes.NODE_FAILED
    assert (error.node.node_id, error.node.title, error.node.class_type) == ("2", "Alpha of an RGB image", "ImageToMask")
    assert "IndexError" in str(error)


def test_an_unreachable_server_is_a_coded_error():
    FLOW = flow.Flow(__file__, name="unreachable")
    g = flow.Graph()
    g.output("x", g.node("PrimitiveInt", value=1).out(0))
    with pytest.raises(FlowError) as info:
        FLOW.execute(g, backend="server", server="http://127.0.0.1:9")
    assert info.value.code == codes.BACKEND_UNAVAILABLE


def test_the_server_backend_needs_a_url(monkeypatch):
    monkeypatch.delenv("COMFYUI_SERVER", raising=False)
    FLOW = flow.Flow(__file__, name="no_url")
    g = flow.Graph()
    g.output("x", g.node("PrimitiveInt", value=1).out(0))
    with pytest.raises(FlowError) as info:
        FLOW.execute(g, backend="server")
    assert info.value.code == codes.BACKEND_UNAVAILABLE
