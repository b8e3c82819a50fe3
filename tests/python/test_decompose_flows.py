"""The flow side of `loki decompose` in the runtime: a composite run as its flow on the LOKI executor
(`@compose.entry`, `--backend loki`), arrays into opaque markers kept as they are, and the flow's verdict in
`decompose_check` (the flow run on the generated inputs too)."""
import sys
import textwrap
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src" / "python"))

from loki_runtime import decompose_check, node_registry  # noqa: E402
from loki_runtime.backends import loki as loki_backend  # noqa: E402

CENTRE = '''
from loki_runtime import script

@script.entry(__file__, outputs={"centred": "*"})
def run(a):
    return {"centred": a - a.mean()}
'''

SCALE = '''
from loki_runtime import script

@script.entry(__file__, outputs={"scaled": "*"})
def run(centred, width):
    return {"scaled": centred / width}
'''

PARENT = '''
from loki_runtime import compose

wave_centre = compose.node("wave_centre", __file__)
wave_scale = compose.node("wave_scale", __file__)


@compose.entry(__file__)
def run(a, width: float = 2.0):
    centred = wave_centre(a=a)["centred"]
    return {"result": wave_scale(centred=centred, width=width)["scaled"]}
'''

ORIGINAL = '''
def wave(a, width: float = 2.0):
    centred = a - a.mean()
    return centred / width
'''


def library(tmp_path):
    for name, text in (("wave_centre", CENTRE), ("wave_scale", SCALE), ("wave", PARENT)):
        folder = tmp_path / "nodes" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.py").write_text(textwrap.dedent(text))
    (tmp_path / "original.py").write_text(ORIGINAL)
    return node_registry.script_of(tmp_path / "nodes" / "wave")


def test_the_composite_runs_as_its_flow_on_the_loki_executor_and_an_array_stays_float64(tmp_path, monkeypatch):
    parent = library(tmp_path)
    ran = []
    real_run = loki_backend.LokiBackend.run

    def spy(self, graph, flow=None):
        ran.append(sorted(n["class_type"] for n in graph.prompt().values()))
        return real_run(self, graph, flow)

    monkeypatch.setattr(loki_backend.LokiBackend, "run", spy)
    a = np.array([[0.5, -1.25, 3.0], [2.0, 0.125, -4.0]])
    in_memory = parent(a=a, width=1.5)
    as_flow = parent(a=a, width=1.5, backend="loki")
    assert len(ran) == 1 and ran[0] == ["LokiInput", "LokiInput", "LokiWaveCentre", "LokiWaveScale"]
    assert as_flow["result"].dtype == np.float64 and np.array_equal(as_flow["result"], (a - a.mean()) / 1.5)
    assert np.array_equal(in_memory["result"], as_flow["result"])


def test_the_flow_is_proven_on_the_generated_inputs_and_a_different_flow_is_named(tmp_path):
    parent = library(tmp_path)
    original = decompose_check.load_original(str(tmp_path / "original.py"), "wave", None, False)

    def flow(a, W, backend):  # the flow's interface may rename a port (width -> W), as a snake-cased marker does
        assert backend == "loki"
        return {"out": parent(a=a, width=W, backend=backend)["result"]}

    names = {"inputs": {"width": "W"}, "outputs": {"result": "out"}}
    good = decompose_check.check(original, parent, trials=8, flow=flow, names=names)
    assert good["equal"] and good["flow"] == {"equal": True, "difference": None}

    def shifted(a, W, backend):
        return {"out": flow(a, W, backend)["out"] + 1e-12}

    bad = decompose_check.check(original, parent, trials=8, flow=shifted, names=names)
    assert bad["equal"] and bad["flow"]["equal"] is False and "inputs" in bad["flow"]["difference"]


def test_a_name_hint_that_never_runs_gives_way_to_the_family_that_does():
    from loki_runtime import generated_inputs

    def spread(x):  # `x` reads as a number by its name, but the code takes an array
        return float(x.max() - x.min())

    def shifted(x):  # here the number is right and stays
        return x + 1

    assert generated_inputs.settle_families(spread, 0)["x"] == "ndarray"
    assert generated_inputs.settle_families(shifted, 0)["x"] == "float"
