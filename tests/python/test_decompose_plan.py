"""`loki_pyast.py decompose`: how a plain function is cut into steps (src/Loki.Core/Resources/python/lokiast)."""
import re
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src" / "Loki.Core" / "Resources" / "python"))

from lokiast import dataflow, decompose  # noqa: E402

SHAPES = Path(__file__).parent / "fixtures" / "decompose" / "shapes.py"


def plan(function, **options):
    return decompose.plan(str(SHAPES), function, **options)


def source_plan(tmp_path, text, function, **options):
    path = tmp_path / "module.py"
    path.write_text(textwrap.dedent(text))
    return decompose.plan(str(path), function, **options)


def by_name(result):
    return {n["name"]: n for n in result["nodes"]}


def test_paragraphs_and_comments_name_the_steps():
    nodes = plan("straight")["nodes"]
    assert [n["name"] for n in nodes] == ["straight", "straight_total_doubled", "straight_square_doubled_value", "straight_mix_results_together"]
    assert not any(re.search(r"(^|_)step_?\d", n["name"]) for n in nodes)
    assert nodes[2]["description"] == "Square the doubled value."
    assert nodes[1]["outputs"] == ["total", "doubled", "tripled"]
    assert nodes[2]["inputs"] == ["doubled", "a", "tripled"]
    assert nodes[0]["calls"][2] == {"node": "straight_mix_results_together", "inputs": ["shifted", "total", "b"],
                                    "outputs": ["result"], "output_ports": ["result"]}
    assert nodes[0]["returns"] == ["result"]


def test_control_flow_stays_inside_one_step_and_plain_returns_stay_in_the_parent():
    result = plan("loops_and_branches")
    nodes = by_name(result)
    loop = nodes["loops_and_branches_clipped"]["code"]
    assert "for v in values:" in loop and "clipped.append(v)" in loop
    assert "while count" in nodes["loops_and_branches_ratio"]["code"]
    assert result["nodes"][0]["returns"] == ["mean", "deviation", "width", "ratio"]
    # The step that uses the module's helper imports it from the module.
    assert "from shapes import spread_of" in nodes["loops_and_branches_mean_deviation"]["code"]
    assert nodes["loops_and_branches_mean_deviation"]["uses_module"]


def test_an_external_call_is_a_step_alone_named_after_the_callee():
    nodes = by_name(plan("external"))
    step = nodes["external_asarray"]
    assert step["external"] == "np.asarray"
    assert step["inputs"] == ["grid"] and step["outputs"] == ["arr"]
    assert "import numpy as np" in step["code"]


@pytest.mark.parametrize("function, code", [
    ("no_result", "LOKI6143"), ("early_return", "LOKI6130"), ("global_write", "LOKI6131"), ("generator", "LOKI6132"), ("one_step", "LOKI6136"),
])
def test_refused_shapes_carry_their_code_and_line(function, code):
    with pytest.raises(decompose.Refusal) as refused:
        plan(function)
    assert refused.value.code == code
    assert refused.value.line > 0


def test_more_refusals(tmp_path):
    cases = {
        "def f(x):\n    y = locals()\n    return y\n": "LOKI6133",
        "def f(*args):\n    n = len(args)\n    return n\n": "LOKI6135",
        "def f(x):\n    for i in range(x):\n        if i > 2:\n            return i\n    z = 0\n    return z\n": "LOKI6130",
        "async def f(x):\n    y = x\n    return y\n": "LOKI6132",
        "class C:\n    def f(self, x):\n        y = x\n        return y\n": "LOKI6134",
    }
    for text, code in cases.items():
        with pytest.raises(decompose.Refusal) as refused:
            source_plan(tmp_path, text, "C.f" if text.startswith("class") else "f")
        assert refused.value.code == code, text


def test_min_lines_merges_small_steps_and_depth_cuts_big_ones_again(tmp_path):
    text = '''
        def layered(text: str, width: int = 10) -> str:
            words = text.split()
            lengths = [len(w) for w in words]
            longest = max(lengths) if lengths else 0
            shortest = min(lengths) if lengths else 0
            span = longest - shortest
            padded = [w.ljust(width) for w in words]
            joined = "|".join(padded)

            # Report the span
            report = f"{joined}:{span}"
            report = report.strip()
            return report.upper()
        '''
    shallow = source_plan(tmp_path, text, "layered", min_lines=3, depth=1)
    assert [n["kind"] for n in shallow["nodes"]] == ["composite", "step", "step"]
    deep = source_plan(tmp_path, text, "layered", min_lines=3, depth=2)
    kinds = [(n["name"], n["kind"]) for n in deep["nodes"]]
    assert kinds[1][1] == "composite" and len(kinds) > 3
    with pytest.raises(decompose.Refusal):
        source_plan(tmp_path, text, "layered", min_lines=20)


def test_comprehension_names_and_in_place_changes_in_the_data_flow():
    import ast

    access = dataflow.statement_access(ast.parse("y = [v * k for v in items if v]").body[0])
    assert access.reads == ["items", "k"] and access.writes == ["y"]
    access = dataflow.statement_access(ast.parse("rows.append(x)").body[0])
    assert "rows" in access.writes and "x" in access.reads
    access = dataflow.statement_access(ast.parse("if c:\n    z = 1").body[0])
    assert access.maybe == {"z"}


def test_multiline_strings_are_rewritten_not_reindented(tmp_path):
    text = '''
        def f(name: str) -> str:
            head = """a
          b"""
            joined = head + name

            tail = joined.upper()
            return tail
        '''
    code = source_plan(tmp_path, text, "f", min_lines=1, depth=1)["nodes"][1]["code"]
    namespace = {}
    exec(compile(code, "step", "exec"), namespace)
    step = next(v for k, v in namespace.items() if k.startswith("f_"))
    assert step(name="x") == "a\n  bx"


def test_the_plan_is_the_same_every_time():
    assert plan("loops_and_branches") == plan("loops_and_branches")


def test_a_call_into_the_modules_own_function_is_decomposed_in_turn_up_to_the_depth():
    result = plan("report")
    nodes = by_name(result)
    callee = nodes["report_normalise"]
    assert callee["kind"] == "composite"
    assert callee["inputs"] == ["values", "scale"] and callee["outputs"] == ["scaled"]
    assert [c["node"] for c in callee["calls"]] == ["report_normalise_shifted", "report_normalise_scale_them"]
    assert nodes["report_normalise_scale_them"]["description"] == "Scale them."
    call = result["nodes"][0]["calls"][1]
    assert call == {"node": "report_normalise", "inputs": ["cleaned", "scale"], "input_ports": ["values", "scale"],
                    "outputs": ["normal"], "output_ports": ["scaled"]}
    # --depth 1: the call stays a statement of an ordinary step, which imports the helper from the module.
    shallow = plan("report", depth=1)
    assert all(n["kind"] == "step" for n in shallow["nodes"][1:])
    assert any("from shapes import normalise" in n["code"] for n in shallow["nodes"][1:])


def test_only_calls_a_flow_can_say_are_recursed_into(tmp_path):
    text = '''
        def helper(items, scale=2):
            low = min(items)
            shifted = [i - low for i in items]

            # Scale
            top = max(shifted) or 1
            scaled = [s * scale / top for s in shifted]
            return scaled


        def again(n):  # read statically only, never run
            m = max(n - 1, 0)
            k = again(m)

            total = k + n
            return total


        def caller(items, n):
            kept = list(items)
            size = len(kept)

            partial = helper(kept)
            full = helper(kept, scale=n)
            looped = again(n)

            out = [partial, full, looped, size]
            return out
        '''
    result = source_plan(tmp_path, text, "caller")
    composites = [n["name"] for n in result["nodes"][1:] if n["kind"] == "composite"]
    # helper(kept) leaves `scale` to its default (a flow has no place for it): not recursed into; helper(kept,
    # scale=n) is. A recursive function is cut once: its call of itself stays a statement of its own step.
    assert composites == ["caller_helper", "caller_again"]
    assert any("k = again(m)" in n.get("code", "") for n in result["nodes"])
    assert next(c for c in result["nodes"][0]["calls"] if c["node"] == "caller_helper")["inputs"] == ["kept", "n"]
