"""The interface model: config reading (the C# reader's loose shapes), signature inference and input validation."""
from typing import Annotated, Literal, NamedTuple, Optional

import pytest

from loki_runtime import interface
from loki_runtime.errors import ConfigError, InputError
from loki_runtime.interface import Port
from loki_runtime.types import Image, Mask, Multiline, Opaque, Output, Range


def write(tmp_path, text, name="node_x.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_the_contract_example_with_comments_and_trailing_commas(tmp_path):
    path = write(tmp_path, """{
      // the levels node
      "node_name": "image_levels", "category": "image/adjust", "description": "Levels.",
      "inputs": {
        "image": {"type": "IMAGE", "description": "Batch."},   /* socket */
        "black_point": {"type": "FLOAT", "default": 0.0, "min": 0.0, "max": 1.0, "step": 0.01},
        "mode": {"type": "COMBO", "options": ["rgb", "luminance"], "default": "rgb"},
        "caption": {"type": "STRING", "multiline": true, "default": "", "required": false, "note": "kept"},
      },
      "outputs": {"image": {"type": "IMAGE"}},
      "constants": {"k": 1},
    }""")
    i = interface.from_config(path)
    assert i.name == "image_levels" and i.category == "image/adjust" and i.description == "Levels."
    assert i.input_names == ("image", "black_point", "mode", "caption")
    assert i.input("black_point") == Port("black_point", "FLOAT", default=0.0, min=0.0, max=1.0, step=0.01)
    assert i.input("mode").options == ("rgb", "luminance")
    caption = i.input("caption")
    assert caption.multiline and not caption.required and caption.extra == {"note": "kept"}
    assert i.extra == {"constants": {"k": 1}}
    assert i.output_names == ("image",)


def test_reads_loose_shapes(tmp_path):
    path = write(tmp_path, """{"node_name_internal": "ui_node",
      "inputs": [{"name": "count", "type": "int", "default": 2}, {"name": "pick", "options": ["a", "b"]},
                 {"name": "label", "type": "text"}],
      "outputs": {"picture": "image", "flag": "bool"}}""")
    i = interface.from_config(path)
    assert i.name == "ui_node"
    assert [(p.name, p.type) for p in i.inputs] == [("count", "INT"), ("pick", "COMBO"), ("label", "STRING")]
    assert [(p.name, p.type) for p in i.outputs] == [("picture", "IMAGE"), ("flag", "BOOLEAN")]


def test_name_falls_back_to_the_file_stem_and_unknown_types_stay_opaque(tmp_path):
    i = interface.from_config(write(tmp_path, '{"inputs": {"l": {"type": "latent"}}}', "my_node.json"))
    assert i.name == "my_node"
    assert i.input("l").type == "LATENT" and i.input("l").is_opaque


@pytest.mark.parametrize("text, code, json_path", [
    ('{"inputs": {', "LOKI0100", "$"),
    ('[1, 2]', "LOKI0101", "$"),
    ('{"device": "tpu"}', "LOKI0101", "$.device"),
    ('{"inputs": {"a": {"description": "no type"}}}', "LOKI0102", "$.inputs.a.type"),
    ('{"inputs": {"a": 5}}', "LOKI0102", "$.inputs.a"),
    ('{"inputs": {"a": {"type": "INT", "default": 9, "max": 4}}}', "LOKI0103", "$.inputs.a.default"),
    ('{"inputs": {"m": {"type": "COMBO", "options": ["x"], "default": "y"}}}', "LOKI0103", "$.inputs.m.default"),
    ('{"inputs": [{"name": "a", "type": "INT"}, {"name": "a", "type": "INT"}]}', "LOKI0104", "$.inputs[1]"),
    ('{"inputs": [{"type": "INT"}]}', "LOKI0101", "$.inputs[0]"),
    ('{"inputs": 3}', "LOKI0101", "$.inputs"),
    ('{"examples": [{"name": "no inputs"}]}', "LOKI0101", "$.examples[0]"),
])
def test_bad_configs_report_codes_and_json_paths(tmp_path, text, code, json_path):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        interface.from_config(path)
    first = info.value.diagnostics[0]
    assert (first.code, first.json_path, first.file) == (code, json_path, str(path))
    assert str(first).startswith(f"{path}")


def test_invalid_json_reports_its_line(tmp_path):
    path = write(tmp_path, '{\n  "node_name": "x",\n  "inputs": {,}\n}')
    with pytest.raises(ConfigError) as info:
        interface.from_config(path)
    assert info.value.diagnostics[0].line == 3
    assert f"{path}(3): error LOKI0100" in str(info.value)


def test_all_problems_are_reported_at_once(tmp_path):
    path = write(tmp_path, '{"device": "tpu", "inputs": {"a": {}, "b": {"type": "INT", "default": -1, "min": 0}}}')
    with pytest.raises(ConfigError) as info:
        interface.from_config(path)
    assert info.value.codes == ["LOKI0101", "LOKI0102", "LOKI0103"]


def test_unreadable_config_has_a_file_code(tmp_path):
    with pytest.raises(ConfigError) as info:
        interface.from_config(tmp_path / "missing.json")
    assert info.value.codes == ["LOKI0002"]


def levels_interface():
    return interface.from_dict({"inputs": {
        "image": {"type": "IMAGE"},
        "radius": {"type": "INT", "default": 3, "min": 0, "max": 64},
        "gain": {"type": "FLOAT", "default": 1.0, "min": 0.5, "max": 2.0},
        "mode": {"type": "COMBO", "options": ["fast", "slow"], "default": "fast"},
        "sharpen": {"type": "BOOLEAN", "default": False},
        "note": {"type": "STRING", "required": False},
    }})


def test_validate_fills_defaults_and_coerces_strings():
    values = levels_interface().validate({"image": "x.png", "radius": "5", "gain": "1.5", "sharpen": "yes"})
    assert values == {"image": "x.png", "radius": 5, "gain": 1.5, "mode": "fast", "sharpen": True}
    assert type(values["radius"]) is int and type(values["gain"]) is float


@pytest.mark.parametrize("values, port, words", [
    ({"radius": 65}, "radius", "maximum 64"),
    ({"radius": -1}, "radius", "minimum 0"),
    ({"radius": 2.5}, "radius", "integer"),
    ({"radius": True}, "radius", "integer"),
    ({"gain": "abc"}, "gain", "number"),
    ({"gain": 0.25}, "gain", "minimum 0.5"),
    ({"mode": "medium"}, "mode", "not one of"),
    ({"sharpen": "maybe"}, "sharpen", "true or false"),
    ({"colour": 1}, "colour", "unknown input"),
])
def test_validate_rejects_bad_values_naming_the_port(values, port, words):
    with pytest.raises(InputError) as info:
        levels_interface().validate({"image": "x.png", **values})
    assert info.value.port == port and words in str(info.value)


def test_validate_requires_required_inputs():
    with pytest.raises(InputError) as info:
        levels_interface().validate({"radius": 2})
    assert info.value.port == "image" and "required" in str(info.value)


def test_combo_keeps_the_options_own_values():
    port = Port("size", "COMBO", options=(256, 512))
    assert port.coerce("512") == 512


def test_from_function_reads_annotations_defaults_and_docstring():
    def blur(image: Image, radius: Annotated[int, Range(0, 64, 1)] = 3, mode: Literal["box", "gauss"] = "box",
             note: Annotated[str, Multiline(), "A remark."] = "", mask: Optional[Mask] = None, strength=0.5,
             latent: Opaque("LATENT") = None, *, flag: bool = True) -> tuple[Image, Mask]:
        """Blurs an image.

        Args:
            image: The picture
                to blur.
            radius (int): Blur radius in pixels.
        """

    i = interface.from_function(blur)
    assert i.name == "blur" and i.description == "Blurs an image."
    by_name = {p.name: p for p in i.inputs}
    assert list(by_name) == ["image", "radius", "mode", "note", "mask", "strength", "latent", "flag"]
    assert by_name["image"] == Port("image", "IMAGE", "The picture to blur.")
    assert by_name["radius"] == Port("radius", "INT", "Blur radius in pixels.", default=3, min=0, max=64, step=1)
    assert by_name["mode"].type == "COMBO" and by_name["mode"].options == ("box", "gauss")
    assert by_name["note"].multiline and by_name["note"].description == "A remark."
    assert by_name["mask"].type == "MASK" and not by_name["mask"].required
    assert by_name["strength"].type == "FLOAT" and by_name["strength"].default == 0.5
    assert by_name["latent"].type == "LATENT" and by_name["latent"].is_opaque
    assert by_name["flag"].type == "BOOLEAN"
    assert [(p.name, p.type) for p in i.outputs] == [("image", "IMAGE"), ("mask", "MASK")]


def test_from_function_with_string_annotations_resolves_them():
    namespace = {}
    exec("from __future__ import annotations\nfrom loki_runtime.types import Image\n"
         "def f(image: Image, n: int = 1) -> Image: ...", namespace)
    i = interface.from_function(namespace["f"])
    assert [(p.name, p.type) for p in i.inputs] == [("image", "IMAGE"), ("n", "INT")]
    assert i.output_names == ("image",)


def test_outputs_from_named_tuple_output_markers_and_explicit_spec():
    class Result(NamedTuple):
        picture: Image
        count: int

    def f() -> Result: ...

    def g() -> Annotated[Mask, Output("matte", "The matte.")]: ...

    def h() -> tuple[Image, Image]: ...

    assert [(p.name, p.type) for p in interface.from_function(f).outputs] == [("picture", "IMAGE"), ("count", "INT")]
    assert interface.from_function(g).outputs[0] == Port("matte", "MASK", "The matte.")
    assert interface.from_function(h).output_names == ("image", "image_2")
    spec = interface.from_function(h, outputs={"a": "IMAGE", "b": {"type": "FLOAT"}})
    assert [(p.name, p.type) for p in spec.outputs] == [("a", "IMAGE"), ("b", "FLOAT")]


def test_default_objects_may_describe_their_port():
    class Seed:
        def loki_port(self):
            return {"default": 42, "min": 0, "extra": {"control_after_generate": "increment"}}

    def f(seed: int = Seed()): ...

    port = interface.from_function(f).inputs[0]
    assert (port.type, port.default, port.min, port.extra) == ("INT", 42, 0, {"control_after_generate": "increment"})


def test_to_dict_round_trips_through_from_dict():
    original = levels_interface()
    again = interface.from_dict(original.to_dict(), "<dict>", "x")
    assert again.inputs == original.inputs and again.outputs == original.outputs


def test_help_line_names_type_default_range_and_options():
    i = levels_interface()
    assert i.input("radius").describe() == "[INT; range 0..64; default 3]"
    assert i.input("mode").describe() == "[COMBO; one of: fast, slow; default 'fast']"
    assert i.input("image").describe() == "[IMAGE; required]"
    assert i.input("note").describe() == "[STRING; optional]"
