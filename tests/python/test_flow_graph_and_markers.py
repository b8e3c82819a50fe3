"""Graph building, the LokiInput/LokiOutput markers, marker-declared flows as nodes, and marker lowering."""
import json

import pytest

from flow_test_nodes import CLASSES
from loki_runtime import flow
from loki_runtime import flow_errors as codes
from loki_runtime.backends.lowering import lower
from loki_runtime.executor import LokiExecutor
from loki_runtime.flow_errors import FlowError
from loki_runtime.flow_node import interface_from_markers, make_flow_node
from loki_runtime.markers import LokiInput, LokiOutput
from loki_runtime.node_registry import runtime_classes


def test_graph_builds_an_api_prompt_with_string_ids_links_and_titles():
    g = flow.Graph()
    a = g.node("Number", value=2)
    b = g.node("Add", _title="Sum", a=a, b=a.out(0), c=None, options=flow.value(["x", 1]))
    g.output("sum", b.out(0))
    assert g.prompt() == {
        "1": {"class_type": "Number", "inputs": {"value": 2}, "_meta": {"title": "Number"}},
        "2": {"class_type": "Add", "inputs": {"a": ["1", 0], "b": ["1", 0], "options": {"__value__": ["x", 1]}},
              "_meta": {"title": "Sum"}},
    }
    assert g.outputs == {"sum": ["2", 0]}
    json.dumps(g.prompt())  # plain JSON


def test_graph_refuses_bad_outputs_and_duplicate_ids():
    g = flow.Graph()
    n = g.node("Number", _id="7", value=1)
    with pytest.raises(FlowError) as info:
        g.output("x", ["99", 0])
    assert info.value.code == codes.BAD_OUTPUT
    g.output("x", n.out(0))
    with pytest.raises(FlowError) as info:
        g.output("x", n.out(0))
    assert info.value.code == codes.DUPLICATE_OUTPUT
    with pytest.raises(FlowError) as info:
        g.node("Number", _id="7", value=2)
    assert info.value.code == codes.DUPLICATE_NODE


def test_input_marker_widgets_are_text_in_the_agreed_order():
    g = flow.Graph()
    link = g.input("strength", 0.5, type="FLOAT", default=0.25, min=0, max=1, description="How much.")
    node = g.prompt()[link[0]]
    assert node["class_type"] == "LokiInput"
    assert list(node["inputs"]) == ["name", "type", "default", "min", "max", "description", "value"]
    assert node["inputs"]["default"] == "0.25" and node["inputs"]["min"] == "0"
    assert list(LokiInput.INPUT_TYPES()["required"]) == ["name", "type", "default", "min", "max", "description"]
    assert LokiOutput.OUTPUT_NODE is True and list(LokiOutput.INPUT_TYPES()["required"]) == ["name", "value"]


@pytest.mark.parametrize("type_, default, expected", [
    ("INT", "3", 3), ("FLOAT", "0.5", 0.5), ("BOOLEAN", "true", True), ("BOOLEAN", "false", False),
    ("STRING", "a cat", "a cat"), ("COMBO", "fast", "fast"),
])
def test_input_marker_parses_its_default_by_type(type_, default, expected):
    assert LokiInput().execute("x", type_, default) == (expected,)


def test_input_marker_passes_its_value_and_checks_ranges():
    assert LokiInput().execute("x", "INT", "3", "", "", "", value=9) == (9,)
    with pytest.raises(FlowError) as info:
        LokiInput().execute("x", "INT", "3", "0", "5", "", value=9)
    assert info.value.code == codes.VALUE_OUT_OF_RANGE
    with pytest.raises(FlowError) as info:
        LokiInput().execute("image", "IMAGE", "")
    assert info.value.code == codes.BAD_MARKER


MARKER_FLOW = {
    "1": {"class_type": "LokiInput", "inputs": {"name": "start", "type": "INT", "default": "3", "min": "0",
                                                "max": "50", "description": "First number."}},
    "2": {"class_type": "Add", "inputs": {"a": ["1", 0], "b": 10}, "_meta": {"title": "Plus ten"}},
    "3": {"class_type": "LokiOutput", "inputs": {"name": "result", "value": ["2", 0]}},
}


def test_interface_from_markers():
    interface = interface_from_markers(MARKER_FLOW, "plus_ten")
    port = interface.input("start")
    assert (port.type, port.default, port.min, port.max, port.description) == ("INT", 3, 0, 50, "First number.")
    assert interface.output_names == ("result",)


@pytest.mark.parametrize("change, code", [
    (lambda p: p.__setitem__("4", dict(p["1"])), codes.DUPLICATE_INPUT),
    (lambda p: p["3"]["inputs"].pop("value"), codes.OUTPUT_UNCONNECTED),
    (lambda p: p["1"]["inputs"].__setitem__("name", ""), codes.BAD_MARKER),
])
def test_bad_markers_are_coded_errors(change, code):
    prompt = json.loads(json.dumps(MARKER_FLOW))
    change(prompt)
    with pytest.raises(FlowError) as info:
        interface_from_markers(prompt, "bad")
    assert info.value.code == code


def test_an_api_prompt_flow_with_markers_runs_as_a_node(tmp_path):
    path = tmp_path / "plus_ten.json"
    path.write_text(json.dumps(MARKER_FLOW))
    node = make_flow_node(path, class_type="LokiPlusTen")
    assert node.INPUT_TYPES()["required"]["start"] == ("INT", {"default": 3, "min": 0, "max": 50, "tooltip": "First number."})
    classes = {**runtime_classes(), **CLASSES, "LokiPlusTen": node}
    prompt = {"1": {"class_type": "Number", "inputs": {"value": 5}},
              "2": {"class_type": "LokiPlusTen", "inputs": {"start": ["1", 0]}},
              "3": {"class_type": "LokiPlusTen", "inputs": {"start": 7}}}
    result = LokiExecutor(classes).run(prompt, ["2", "3"])
    assert result.value(["2", 0]) == 15 and result.value(["3", 0]) == 17


def test_lowering_replaces_markers_by_what_feeds_them():
    g = flow.Graph()
    number = g.node("Number", value=1)
    fed = g.input("a", number.out(0), type="INT")
    constant = g.input("b", 4, type="INT")
    defaulted = g.input("c", None, type="INT", default=6)
    total = g.node("Add", a=fed, b=constant)
    g.node("Add", a=total, b=defaulted)
    lowered = lower(g.prompt(), lambda value, type_: {})
    assert sorted(lowered) == ["1", "5", "6"]
    assert lowered["5"]["inputs"] == {"a": ["1", 0], "b": 4}
    assert lowered["6"]["inputs"] == {"a": ["5", 0], "b": 6}
