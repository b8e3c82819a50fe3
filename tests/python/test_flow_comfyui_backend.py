"""The comfyui backend: ComfyUI's own executor in-process, on a copy of the real ComfyUI 0.3.64 (comfyui_copy)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from loki_runtime import flow
from loki_runtime import flow_errors as codes
from loki_runtime.flow_errors import FlowError

HERE = Path(__file__).resolve().parent


def one_output_graph():
    g = flow.Graph()
    g.output("x", g.node("PrimitiveInt", value=1).out(0))
    return g


def test_missing_comfyui_is_a_clear_coded_error(monkeypatch, tmp_path):
    monkeypatch.delenv("COMFYUI_PATH", raising=False)
    FLOW = flow.Flow(tmp_path / "f.py")
    with pytest.raises(FlowError) as info:
        FLOW.execute(one_output_graph(), backend="comfyui")
    assert info.value.code == codes.BACKEND_UNAVAILABLE and "COMFYUI_PATH" in str(info.value)
    with pytest.raises(FlowError) as info:
        FLOW.execute(one_output_graph(), backend="comfyui", comfyui=str(tmp_path))
    assert info.value.code == codes.BACKEND_UNAVAILABLE and "not a ComfyUI folder" in str(info.value)


@pytest.fixture(scope="module")
def report(tmp_path_factory, comfyui_copy):
    work = tmp_path_factory.mktemp("comfyui")
    proc = subprocess.run([sys.executable, str(HERE / "comfyui_backend_driver.py"), str(comfyui_copy.comfyui),
                           str(work)], capture_output=True, text=True, timeout=600, env=comfyui_copy.env())
    lines = [line for line in proc.stdout.splitlines() if line.startswith("REPORT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    return json.loads(lines[-1][len("REPORT "):])


@pytest.mark.parametrize("case", ["lists", "expansion", "expansion_per_item", "nested", "lazy"])
def test_our_executor_matches_comfyuis_on_the_node_contract(report, case):
    assert report[case]["comfyui"] == report[case]["loki"]


def test_contract_cases_give_the_known_values(report):
    assert report["lists"]["comfyui"] == {"each": [110, 111, 112], "total": 334}
    assert report["expansion"]["comfyui"] == {"value": 11, "label": "expanded 7"}
    assert report["nested"]["comfyui"] == {"value": 21}


def test_images_library_nodes_and_flow_nodes_run_in_comfyui(report):
    assert report["invert_max_error"] == 0.0
    assert report["library_node_max_diff"] == 0.0
    assert report["flow_node_max_diff"] == 0.0
    assert {"2.0.0.loki_input_1", "2.0.0.2", "2.0.0.3"} <= set(report["flow_node_inner_nodes"])  # expanded by ComfyUI


def test_comfyui_loads_in_process_as_the_server_loads_it(report):
    # every comfy_extras module imports (nodes_images needs ComfyUI's utils package, which nodes.py would shadow)
    assert report["import_failed"] == []
    assert report["node_classes"] >= 383  # the server's /object_info count on this ComfyUI, plus the markers


def test_seeds_advance_in_a_warm_session(report):
    assert report["seeds"] == [5, 6, 7]


def test_errors_name_node_id_title_and_type(report):
    assert report["error"] == {"code": codes.NODE_FAILED, "node": ["2", "Alpha of RGB", "ImageToMask"]}
    assert report["rejected"] == {"code": codes.VALUE_OUT_OF_RANGE, "node": ["1", "Too big", "Number"]}


def test_a_comfyui_that_cannot_be_imported_is_a_coded_one_line_error(tmp_path):
    fake = tmp_path / "ComfyUI"
    (fake / "comfy").mkdir(parents=True)
    (fake / "execution.py").write_text("")
    (fake / "nodes.py").write_text("")
    (fake / "comfy" / "__init__.py").write_text("")
    (fake / "comfy" / "cli_args.py").write_text("import a_dependency_that_is_not_installed\n")
    script = tmp_path / "one.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(HERE.parents[1] / 'src' / 'python')!r})\n"
        "from loki_runtime import flow\n"
        "FLOW = flow.Flow(__file__, name='one')\n"
        "@FLOW.entry\n"
        "def run(n: int = 1, *, backend: str = 'loki'):\n"
        "    g = flow.Graph()\n"
        "    g.output('n', g.node('PrimitiveInt', value=n).out(0))\n"
        "    return FLOW.execute(g, backend=backend)\n"
        "if __name__ == '__main__':\n"
        "    raise SystemExit(run.main())\n")
    proc = subprocess.run([sys.executable, str(script), "--backend", "comfyui", "--comfyui", str(fake),
                           "--output", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: " + codes.BACKEND_UNAVAILABLE)
    assert "a_dependency_that_is_not_installed" in proc.stderr and "Traceback" not in proc.stderr
