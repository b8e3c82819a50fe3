"""Records the HTTP and websocket traffic of the server backend against a real ComfyUI (run by hand).

    cp -r ../shared/tools/comfyui /tmp/x-comfyui && /tmp/x-comfyui/start-server.sh 8199 &
    python3 tests/python/record_comfy_trace.py http://127.0.0.1:8199

Writes tests/python/fixtures/comfy_trace_<name>.json for each flow of comfy_trace_flows.GRAPHS.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "src" / "python")]

from comfy_trace_flows import GRAPHS  # noqa: E402
from loki_runtime.backends.server import ServerBackend  # noqa: E402
from loki_runtime.backends.transport import HttpTransport, RecordingTransport  # noqa: E402
from loki_runtime.flow_errors import FlowError  # noqa: E402


def main(url: str) -> None:
    for name, build in GRAPHS.items():
        transport = RecordingTransport(HttpTransport(url, timeout=120))
        backend = ServerBackend(url, transport=transport)
        try:
            outputs = backend.run(build())
            outcome = {"outputs": {k: (list(v.shape) if hasattr(v, "shape") else v) for k, v in outputs.items()}}
        except FlowError as ex:
            outcome = {"error": str(ex), "code": ex.code}
        trace = {"recorded_from": "ComfyUI 0.3.64 --cpu (comfyui_version.py), by record_comfy_trace.py",
                 "flow": name, "outcome": outcome, "events": transport.events}
        path = HERE / "fixtures" / f"comfy_trace_{name}.json"
        path.write_text(json.dumps(trace, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(name, outcome, len(transport.events), "events ->", path.name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8199")
