"""script.entry and Script in one process: input forms, output collection, and the CLI's edge cases via main()."""
import json

import numpy as np
import pytest
import torch
from PIL import Image as PILImage

from conftest import write_rgba_png
from loki_runtime import script
from loki_runtime.errors import ConfigError, InputError, LokiError
from loki_runtime.types import Image, Latent, Mask


def make(tmp_path, name, config, fn):
    """A Script whose config lies beside a (virtual) script file in tmp_path."""
    (tmp_path / f"{name}.json").write_text(json.dumps(config), encoding="utf-8")
    return script.entry(str(tmp_path / f"{name}.py"))(fn)


@script.entry
def passthrough(image: Image, mask: Mask = None, latent: Latent = None) -> tuple[Image, Mask]:
    return image, mask if mask is not None else image[..., 0]


def test_image_inputs_accept_paths_arrays_tensors_and_pil(tmp_path):
    pixels = np.arange(2 * 3 * 3, dtype=np.uint8).reshape(2, 3, 3) * 10
    path = write_rgba_png(tmp_path / "p.png", pixels)
    expected = pixels[None].astype(np.float32) / 255
    for given in [path, str(path), [path], tmp_path, pixels, pixels[None], torch.from_numpy(expected),
                  torch.from_numpy(expected).double(), PILImage.fromarray(pixels)]:
        out = passthrough(image=given)["image"]
        assert out.dtype == np.float32 and out.shape == (1, 2, 3, 3), type(given)
        np.testing.assert_allclose(out, expected, atol=1e-6)


def test_torch_outputs_become_numpy_and_masks_get_a_batch_axis():
    @script.entry
    def make_tensor() -> tuple[Image, Mask]:
        return torch.ones(2, 4, 4, 3), torch.zeros(4, 4)

    out = make_tensor()
    assert isinstance(out["image"], np.ndarray) and out["image"].shape == (2, 4, 4, 3)
    assert isinstance(out["mask"], np.ndarray) and out["mask"].shape == (1, 4, 4)


def test_positional_inputs_follow_declaration_order():
    image = np.zeros((1, 2, 2, 3), np.float32)
    mask = np.ones((1, 2, 2), np.float32)
    out = passthrough(image, mask)
    np.testing.assert_array_equal(out["mask"], mask)
    with pytest.raises(TypeError, match="two values"):
        passthrough(image, image=image)


def test_opaque_inputs_are_untouched():
    latent = {"samples": object()}

    @script.entry
    def show(latent: Latent) -> Latent:
        return latent

    assert show(latent=latent)["latent"] is latent


def test_a_missing_declared_output_is_an_error(tmp_path):
    s = make(tmp_path, "two", {"inputs": {}, "outputs": {"a": "INT", "b": "INT"}}, lambda: {"a": 1})
    with pytest.raises(LokiError, match='no value for output "b"'):
        s()


def test_dicts_tuples_and_single_values_are_collected_by_output_name(tmp_path):
    config = {"inputs": {"x": "INT"}, "outputs": {"double": "INT", "text": "STRING"}}
    assert make(tmp_path, "t", config, lambda x: (2 * x, str(x)))(x="4") == {"double": 8, "text": "4"}
    single = make(tmp_path, "s", {"inputs": {"x": "INT"}, "outputs": {"n": "INT"}}, lambda x: x + 1)
    assert single(x=1) == {"n": 2}
    extra = make(tmp_path, "e", {"inputs": {}, "outputs": {"n": "INT"}}, lambda: {"n": 1, "debug": "kept"})
    assert extra() == {"n": 1, "debug": "kept"}


def test_config_and_signature_must_agree(tmp_path):
    config = {"inputs": {"image": "IMAGE", "radius": "INT"}, "outputs": {}}
    with pytest.raises(ConfigError) as info:
        make(tmp_path, "bad", config, lambda image, sigma: None)
    assert info.value.codes == ["LOKI0101", "LOKI0101"]
    assert [d.json_path for d in info.value.diagnostics] == ["$.inputs.radius", "$.inputs"]
    make(tmp_path, "ok", config, lambda image, **rest: None)  # **kwargs takes everything


def test_optional_inputs_without_default_are_not_passed(tmp_path):
    config = {"inputs": {"note": {"type": "STRING", "required": False}}, "outputs": {"note": "STRING"}}
    s = make(tmp_path, "o", config, lambda note="from the function": note)
    assert s() == {"note": "from the function"}
    assert s(note="given") == {"note": "given"}


def test_main_handles_reserved_names_opaque_files_and_json(tmp_path, capsys):
    config = {"inputs": {"output": {"type": "STRING", "default": "x"}, "latent": {"type": "LATENT"},
                         "flag": {"type": "BOOLEAN", "default": False}},
              "outputs": {"summary": "STRING", "samples": "LATENT"}}
    np.save(tmp_path / "latent.npy", np.arange(6, dtype=np.float32).reshape(1, 6))
    s = make(tmp_path, "r", config,
             lambda output, latent, flag: {"summary": f"{output}:{flag}:{latent.shape}", "samples": latent * 2})
    code = s.main(["--in-output", "y", "--latent", str(tmp_path / "latent.npy"), "--flag", "--output",
                   str(tmp_path / "out"), "--json"])
    assert code == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"summary": "y:True:(1, 6)", "samples": str(tmp_path / "out" / "samples.npy")}
    np.testing.assert_array_equal(np.load(shown["samples"]), np.arange(6).reshape(1, 6) * 2)
    assert s.main(["--latent", '{"a": [1, 2]}', "--flag", "false", "--output", str(tmp_path / "o2"), "--json"]) == 1
    assert "AttributeError" in capsys.readouterr().err  # a dict has no shape: a failure inside


def test_main_writes_rgba_images_and_returns_exit_codes(tmp_path, capsys):
    config = {"inputs": {"size": {"type": "INT", "default": 2, "min": 1}}, "outputs": {"image": "IMAGE"}}

    def rgba(size):
        if size == 3:
            raise ValueError("three is not allowed")
        return np.full((1, size, size, 4), 0.5, np.float32)

    s = make(tmp_path, "rgba", config, rgba)
    assert s.main(["--output", str(tmp_path / "out")]) == 0
    with PILImage.open(tmp_path / "out" / "image.png") as img:
        assert img.mode == "RGBA" and img.getpixel((0, 0)) == (128, 128, 128, 128)
    assert s.main(["--size", "0"]) == 2
    assert "argument --size: 0 is below the minimum 1" in capsys.readouterr().err
    assert s.main(["--size", "3", "--output", str(tmp_path / "x")]) == 1
    assert capsys.readouterr().err == "error: ValueError: three is not allowed\n"
    assert s.main(["--help"]) == 0


def test_unknown_and_missing_inputs_name_the_port():
    with pytest.raises(InputError) as info:
        passthrough(picture=1)
    assert info.value.port == "picture"
    with pytest.raises(InputError) as info:
        passthrough()
    assert info.value.port == "image"


def test_runtime_options_are_flags_and_keywords_but_not_ports(tmp_path, capsys, monkeypatch):
    options = [script.Option("backend", "where to run", default="loki", choices=("loki", "server")),
               script.Option("server", "server URL", env="LOKI_TEST_SERVER")]

    def run(x: int = 1, *, backend="loki", server=None):
        return {"value": f"{x}:{backend}:{server}"}

    s = script.entry(str(tmp_path / "opt.py"), outputs={"value": "STRING"}, options=options)(run)
    assert [p.name for p in s.interface.inputs] == ["x"]  # options are not ports
    assert s(x=2, backend="server") == {"value": "2:server:None"}
    monkeypatch.setenv("LOKI_TEST_SERVER", "http://h:1")
    assert s.main(["--backend", "server", "--output", str(tmp_path / "o"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"value": "1:server:http://h:1"}
    assert s.main(["--backend", "cloud"]) == 2
    s.main(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--backend {loki,server} where to run (default: loki)" in help_text
    assert "--server SERVER server URL (default: http://h:1)" in help_text


def test_a_single_dict_valued_output_is_not_mistaken_for_the_output_mapping(tmp_path):
    latent = {"samples": np.zeros((1, 4, 2, 2), np.float32)}
    s = make(tmp_path, "lat", {"inputs": {}, "outputs": {"samples": "LATENT"}}, lambda: latent)
    assert s()["samples"] is latent
    wrapped = make(tmp_path, "lat2", {"inputs": {}, "outputs": {"samples": "LATENT"}}, lambda: {"samples": latent})
    assert wrapped()["samples"] is latent
    audio = make(tmp_path, "aud", {"inputs": {}, "outputs": {"audio": "AUDIO"}},
                 lambda: {"waveform": np.zeros((2, 5), np.float32), "sample_rate": 8000})
    assert audio()["audio"]["waveform"].shape == (1, 2, 5)
