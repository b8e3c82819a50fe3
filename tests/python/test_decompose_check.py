"""The runtime side of `loki decompose`: inputs generated for a plain function (generated_inputs) and the
equivalence check of a composite script against the original (decompose_check)."""
import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src" / "python"))

from loki_runtime import decompose_check, generated_inputs  # noqa: E402

STEP = '''
from loki_runtime import script

@script.entry(__file__, outputs={{"total": "*"}})
def run(a, b):
    return {{"total": a + b{change}}}
'''

PARENT = '''
from loki_runtime import compose, script

add_step = compose.node("add_step", __file__)
double_step = compose.node("double_step", __file__)


@script.entry(__file__)
def run(a: int, b: int = 2):
    total = add_step(a=a, b=b)["total"]
    return {"result": double_step(total=total)["result"]}
'''

DOUBLE = '''
from loki_runtime import script

@script.entry(__file__, outputs={"result": "*"})
def run(total):
    return {"result": total * 2}
'''

ORIGINAL = '''
def twice_sum(a: int, b: int = 2) -> int:
    total = a + b
    return total * 2
'''


def library(tmp_path, change=""):
    for name, text in (("add_step", STEP.format(change=change)), ("double_step", DOUBLE), ("twice_sum", PARENT)):
        folder = tmp_path / "nodes" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.py").write_text(textwrap.dedent(text))
    (tmp_path / "original.py").write_text(ORIGINAL)
    return tmp_path / "nodes" / "twice_sum" / "twice_sum.py"


def test_a_composite_runs_its_steps_beside_it(tmp_path):
    parent = decompose_check.load_composite(str(library(tmp_path)))
    assert parent(a=3, b=4) == {"result": 14}


def test_the_check_passes_and_fails_when_a_step_is_altered(tmp_path):
    parent = library(tmp_path)
    original = decompose_check.load_original(str(tmp_path / "original.py"), "twice_sum", None, False)
    good = decompose_check.check(original, decompose_check.load_composite(str(parent)), trials=12)
    assert good["equal"] and good["returned"] == 12

    altered = tmp_path / "altered"
    bad_parent = library(altered, change=" + 1")
    bad = decompose_check.check(original, decompose_check.load_composite(str(bad_parent)), trials=12)
    assert not bad["equal"] and "difference" in bad


def test_the_command_line_exits_1_on_a_difference(tmp_path):
    parent = library(tmp_path, change=" * 0")
    run = subprocess.run([sys.executable, "-m", "loki_runtime.decompose_check", "--file", str(tmp_path / "original.py"),
                          "--function", "twice_sum", "--composite", str(parent), "--trials", "6"],
                         capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "src" / "python")})
    assert run.returncode == 1, run.stderr
    assert json.loads(run.stdout)["equal"] is False


def test_generated_inputs_are_seeded_and_follow_hints():
    def f(text, width: int = 70, ratio=0.5, flag=False, values=None):
        return text

    first = generated_inputs.generate(f, 10, seed=3)
    assert first == generated_inputs.generate(f, 10, seed=3)
    assert first != generated_inputs.generate(f, 10, seed=4)
    assert all(isinstance(i["text"], str) and isinstance(i["width"], int) and isinstance(i["ratio"], float)
               and isinstance(i["flag"], bool) for i in first)
    ranged = generated_inputs.generate(f, 20, seed=1, families={"width": ("int", 0, 4), "text": ("a", "b")})
    assert all(0 <= i["width"] <= 4 and i["text"] in ("a", "b") for i in ranged)


def test_same_compares_arrays_containers_and_nan_exactly():
    same = decompose_check.same
    assert same(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    assert not same(np.array([1.0]), np.array([1.0], dtype=np.float32))
    assert not same((1, 2), [1, 2])
    assert same(1, 1.0) and not same(1, True) and not same(1, 1.5)
    assert same({"a": [np.int64(2)]}, {"a": [np.int64(2)]})
    assert same(float("nan"), float("nan"))
