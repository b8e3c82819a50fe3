"""The LOKI executor follows ComfyUI's node contract: order, lists, expansion, lazy inputs, caching, errors."""
import pytest

from flow_test_nodes import CLASSES, Add
from loki_runtime import flow_errors as codes
from loki_runtime.executor import LokiExecutor
from loki_runtime.flow_errors import FlowError, FlowValidationError


def run(prompt, targets=()):
    return LokiExecutor(dict(CLASSES)).run(prompt, targets)


def n(class_type, title=None, **inputs):
    node = {"class_type": class_type, "inputs": inputs}
    if title:
        node["_meta"] = {"title": title}
    return node


def test_runs_in_dependency_order_and_coerces_constants():
    prompt = {"3": n("Add", a=["2", 0], b=["1", 0]), "2": n("Number", value="7"), "1": n("Number", value=5)}
    result = run(prompt, ["3"])
    assert result.value(["3", 0]) == 12
    assert result.executed.index("1") < result.executed.index("3")
    assert result.executed.index("2") < result.executed.index("3")


def test_each_node_runs_once_per_run():
    Add.calls = 0
    prompt = {"1": n("Number", value=1), "2": n("Add", a=["1", 0], b=1),
              "3": n("Add", a=["2", 0], b=["2", 0]), "4": n("Add", a=["2", 0], b=["3", 0])}
    assert run(prompt, ["4"]).value(["4", 0]) == 2 + 4
    assert Add.calls == 3


def test_output_is_list_maps_downstream_and_input_is_list_gets_whole_lists():
    prompt = {"1": n("Range3", start=10), "2": n("Add", a=["1", 0], b=100), "3": n("Sum", values=["2", 0], offset=1)}
    result = run(prompt, ["3"])
    assert result.outputs["1"][0] == [10, 11, 12]
    assert result.outputs["1"][1] == ["from 10"]
    assert result.value(["2", 0]) == [110, 111, 112]
    assert result.value(["3", 0]) == 110 + 111 + 112 + 1


def test_shorter_lists_repeat_their_last_item():
    prompt = {"1": n("Range3", start=0), "2": n("Range3", start=5), "3": n("Add", a=["1", 0], b=["2", 0])}
    assert run(prompt, ["3"]).value(["3", 0]) == [5, 7, 9]


def test_output_nodes_always_run_and_collect_ui():
    prompt = {"1": n("Range3", start=1), "2": n("Collect", value=["1", 0]), "3": n("Number", value=3)}
    result = run(prompt)
    assert result.ui["2"] == {"values": [1, 2, 3]}
    assert "3" not in result.executed  # not reachable from an output


def test_node_expansion_with_graph_builder():
    prompt = {"1": n("Number", value=5), "7": n("AddTwice", value=["1", 0], amount=3)}
    result = run(prompt, ["7"])
    assert result.value(["7", 0]) == 11
    assert result.value(["7", 1]) == "expanded 7"
    assert "7.0.0.1" in result.executed and "7.0.0.2" in result.executed


def test_nested_expansion_ids_grow_with_each_level():
    prompt = {"1": n("Number", value=1), "4": n("AddTwiceNested", value=["1", 0], fail=False)}
    result = run(prompt, ["4"])
    assert result.value(["4", 0]) == 21
    assert "4.0.0.1.0.0.2" in result.executed


def test_expansion_of_a_list_maps_each_call_with_its_own_prefix():
    prompt = {"1": n("Range3", start=0), "2": n("AddTwiceEach", value=["1", 0], amount=1)}
    result = run(prompt, ["2"])
    assert result.value(["2", 0]) == [2, 3, 4]
    assert result.value(["2", 1]) == ["expanded 2"] * 3
    assert {"2.0.0.1", "2.1.0.1", "2.2.0.1"} <= set(result.executed)


def test_linked_expansion_results_are_flattened_like_comfyui():
    # rawLink: one call; the inner list output is spliced into the result tuple and shifts what follows
    prompt = {"1": n("Range3", start=0), "2": n("AddTwice", value=["1", 0], amount=1)}
    result = run(prompt, ["2"])
    assert result.outputs["2"] == [[2], [3], [4], ["expanded 2"]]


def test_lazy_inputs_evaluate_only_the_requested_branch():
    prompt = {"1": n("Number", value=1), "2": n("Fail", value=["1", 0]),
              "3": n("Choose", use_a=True, a=["1", 0], b=["2", 0])}
    assert run(prompt, ["3"]).value(["3", 0]) == 1


def test_a_failing_node_is_named_by_id_title_and_type():
    prompt = {"1": n("Number", value=4), "9": n("Fail", "Break it", value=["1", 0])}
    with pytest.raises(FlowError) as info:
        run(prompt, ["9"])
    assert info.value.code == codes.NODE_FAILED
    assert info.value.node.node_id == "9"
    assert info.value.node.title == "Break it"
    assert info.value.node.class_type == "Fail"
    assert "cannot handle 4" in str(info.value)


def test_an_error_inside_an_expansion_names_the_inner_node_and_its_parents():
    prompt = {"1": n("Number", value=1), "4": n("AddTwiceNested", "Outer", value=["1", 0], fail=True)}
    with pytest.raises(FlowError) as info:
        run(prompt, ["4"])
    chain = [ref.node_id for ref in info.value.nodes]
    assert chain == ["4", "4.0.0.2"]
    assert info.value.node.class_type == "Fail"
    assert "node 4.0.0.2 (Fail) inside node 4 'Outer' (AddTwiceNested)" in str(info.value)


@pytest.mark.parametrize("prompt, code", [
    ({"1": n("Nope")}, codes.UNKNOWN_NODE_TYPE),
    ({"1": n("Add", b=1)}, codes.MISSING_INPUT),
    ({"1": n("Add", a=["5", 0])}, codes.BAD_LINK),
    ({"1": n("Number", value=1), "2": n("Add", a=["1", 3])}, codes.BAD_LINK),
    ({"1": n("Text", text="x"), "2": n("Add", a=["1", 0])}, codes.TYPE_MISMATCH),
    ({"1": n("Number", value="seven")}, codes.BAD_VALUE),
    ({"1": n("Number", value=101)}, codes.VALUE_OUT_OF_RANGE),
    ({"1": n("Text", text="x", mode="title")}, codes.VALUE_NOT_IN_OPTIONS),
    ({"1": n("Add", a=["2", 0]), "2": n("Add", a=["1", 0])}, codes.CYCLE),
])
def test_preflight_validation_refuses_bad_prompts_before_running(prompt, code):
    Add.calls = 0
    with pytest.raises(FlowValidationError) as info:
        run(prompt, list(prompt))
    assert info.value.code == code
    assert Add.calls == 0


def test_validation_reports_every_problem():
    prompt = {"1": n("Add", b=1), "2": n("Number", value=500), "3": n("Add", a=["2", 0], b=["1", 0])}
    with pytest.raises(FlowValidationError) as info:
        run(prompt, ["3"])
    assert sorted(e.code for e in info.value.errors) == sorted([codes.MISSING_INPUT, codes.VALUE_OUT_OF_RANGE])
