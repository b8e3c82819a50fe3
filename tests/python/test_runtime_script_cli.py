"""A LOKI Script in a node folder, run as a real subprocess: --help, real runs on real images, --json, exit codes,
and ``run(...)`` imported from another process."""
import json
import textwrap

import numpy as np
import pytest
from PIL import Image

from conftest import run_python, write_rgba_png
from loki_runtime import png16

LEVELS_CONFIG = {
    "node_name": "image_levels",
    "description": "Remaps the black point and gamma of an image.",
    "category": "image/adjust",
    "inputs": {
        "image": {"type": "IMAGE", "description": "Image batch to adjust."},
        "black_point": {"type": "FLOAT", "default": 0.0, "min": 0.0, "max": 0.9, "step": 0.01},
        "gamma": {"type": "FLOAT", "default": 1.0, "min": 0.1, "max": 5.0},
        "mode": {"type": "COMBO", "options": ["rgb", "luminance"], "default": "rgb"},
        "invert": {"type": "BOOLEAN", "default": False},
        "caption": {"type": "STRING", "required": False, "multiline": True},
    },
    "outputs": {
        "image": {"type": "IMAGE"},
        "mask": {"type": "MASK", "description": "Red channel of the result."},
        "mean": {"type": "FLOAT"},
        "summary": {"type": "STRING"},
    },
}

LEVELS_BODY = '''
@script.entry(__file__)
def run(image, black_point=0.0, gamma=1.0, mode="rgb", invert=False, caption=None):
    import numpy as np

    if gamma == 3.0:
        raise RuntimeError("gamma 3 is unlucky\\nreally")
    out = np.clip((image - np.float32(black_point)) / np.float32(1.0 - black_point), 0.0, 1.0)
    out = out ** np.float32(1.0 / gamma)
    if mode == "luminance":
        out = np.repeat(out.mean(axis=-1, keepdims=True), 3, axis=-1)
    if invert:
        out = 1.0 - out
    return {"image": out, "mask": out[..., 0], "mean": float(out.mean()),
            "summary": f"{caption or 'levels'}: {out.shape[0]} image(s)"}
'''


def expected_levels(pixels, black_point=0.0, gamma=1.0, invert=False):
    """The same computation, independently, from the 8-bit input pixels (RGB only, as LoadImage)."""
    image = pixels[:, :, :3].astype(np.float32) / np.float32(255.0)
    out = np.clip((image - np.float32(black_point)) / np.float32(1.0 - black_point), 0.0, 1.0)
    out = out ** np.float32(1.0 / gamma)
    return 1.0 - out if invert else out


@pytest.fixture
def levels(make_node):
    return make_node("image_levels", LEVELS_BODY, LEVELS_CONFIG)


@pytest.fixture
def picture(tmp_path):
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, (24, 32, 4), dtype=np.uint8)
    return write_rgba_png(tmp_path / "in.png", pixels), pixels


def script_of(folder):
    return folder / f"{folder.name}.py"


def test_help_lists_every_input_with_type_default_and_range(levels):
    result = run_python([script_of(levels), "--help"])
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # argparse wraps to the terminal width
    assert out.index("--image") < out.index("--black-point") < out.index("--caption") < out.index("--output")
    for text in ["--image FILE", "Image batch to adjust.", "--black-point FLOAT", "range 0..0.9 step 0.01",
                 "default 0.0", "--gamma", "range 0.1..5", "--mode {rgb,luminance}", "one of: rgb, luminance",
                 "--invert [true|false]", "default False", "--caption", "STRING (multiline); optional", "-h, --help",
                 "--output DIR", "--json", "mask (MASK): mask.png - Red channel of the result.", "mean (FLOAT)"]:
        assert text in out, text


def test_help_imports_neither_numpy_nor_torch_nor_pillow(levels):
    probe = textwrap.dedent(f"""
        import runpy, sys
        sys.argv = [{str(script_of(levels))!r}, "--help"]
        try:
            runpy.run_path(sys.argv[0], run_name="__main__")
        except SystemExit as ex:
            code = ex.code
        heavy = sorted(m for m in ("numpy", "torch", "PIL") if m in sys.modules)
        print("RESULT", code, heavy, file=sys.stderr)
    """)
    result = run_python(["-c", probe])
    assert "RESULT 0 []" in result.stderr, result.stderr
    assert "--black-point" in result.stdout


def test_run_on_a_real_image_writes_every_output_and_json_names_them(levels, picture, tmp_path):
    path, pixels = picture
    out_dir = tmp_path / "out"
    result = run_python([script_of(levels), "--image", path, "--black-point", "0.2", "--gamma", "2", "--invert",
                         "--caption", "it's \"quoted\"", "--output", out_dir, "--json"])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert list(shown) == ["image", "mask", "mean", "summary"]
    assert shown["image"] == str(out_dir / "image.png") and shown["mask"] == str(out_dir / "mask.png")
    expected = expected_levels(pixels, 0.2, 2.0, invert=True)
    with Image.open(shown["image"]) as img:
        assert img.mode == "RGB" and img.size == (32, 24)
        written = np.asarray(img).astype(int)
    assert np.abs(written - np.rint(expected * 255)).max() <= 1
    with Image.open(shown["mask"]) as img:
        assert img.mode == "L"
        np.testing.assert_array_equal(np.asarray(img), written[:, :, 0])
    assert shown["mean"] == pytest.approx(float(expected.mean()), abs=1e-6)
    assert shown["summary"] == "it's \"quoted\": 1 image(s)"
    assert (out_dir / "summary.txt").read_text(encoding="utf-8") == shown["summary"]


def test_default_output_folder_is_the_node_folders_output(levels, picture):
    result = run_python([script_of(levels), "--image", picture[0]], cwd=picture[0].parent)
    assert result.returncode == 0, result.stderr
    assert f"image: {levels / 'output' / 'image.png'}" in result.stdout.splitlines()
    assert (levels / "output" / "image.png").is_file() and (levels / "output" / "mask.png").is_file()


def test_batches_from_several_files_give_numbered_outputs(levels, picture, tmp_path):
    path, pixels = picture
    second = write_rgba_png(tmp_path / "in2.png", 255 - pixels)
    result = run_python([script_of(levels), "--image", path, second, "--output", tmp_path / "b", "--json",
                         "--black_point=0.1"])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["image"] == [str(tmp_path / "b" / "image_0.png"), str(tmp_path / "b" / "image_1.png")]
    assert shown["summary"] == "levels: 2 image(s)"
    with Image.open(shown["image"][1]) as img:
        expected = expected_levels(255 - pixels, 0.1)
        assert np.abs(np.asarray(img).astype(int) - np.rint(expected * 255)).max() <= 1


def test_16_bit_outputs_keep_float_precision(levels, picture, tmp_path):
    path, pixels = picture
    result = run_python([script_of(levels), "--image", path, "--gamma", "2.2", "--png-bits", "16",
                         "--output", tmp_path / "o16", "--json"])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert png16.header(shown["image"])["bit_depth"] == 16
    written = png16.read(shown["image"]).astype(np.float64) / 65535.0
    assert np.abs(written - expected_levels(pixels, gamma=2.2)).max() <= 1.0 / 65535 + 1e-6


@pytest.mark.parametrize("args, words", [
    (["--black-point", "0.95"], "argument --black-point: 0.95 is above the maximum 0.9"),
    (["--gamma", "abc"], "argument --gamma: expected a number"),
    (["--mode", "cmyk"], "argument --mode:"),
    (["--invert", "maybe"], "argument --invert:"),
    (["--colour", "red"], "unrecognized arguments: --colour red"),
    (["--image", "missing.png"], "argument --image: file not found"),
    (["--image", "broken.png"], "argument --image: cannot read"),
])
def test_bad_arguments_exit_2_with_a_usage_error(levels, picture, args, words):
    (picture[0].parent / "broken.png").write_text("not a png")
    full = args if "--image" in args else ["--image", picture[0], *args]
    result = run_python([script_of(levels), *full], cwd=picture[0].parent)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("usage: image_levels.py")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_required_input_exits_2(levels):
    result = run_python([script_of(levels), "--gamma", "2"])
    assert result.returncode == 2
    assert "the following arguments are required: --image" in result.stderr


def test_a_failure_inside_exits_1_with_one_error_line(levels, picture, tmp_path):
    result = run_python([script_of(levels), "--image", picture[0], "--gamma", "3", "--output", tmp_path / "f"])
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: RuntimeError: gamma 3 is unlucky really"]
    assert result.stdout == ""


def test_run_imported_from_another_process_returns_outputs_in_memory(levels, picture, tmp_path):
    cli = run_python([script_of(levels), "--image", picture[0], "--black-point", "0.3", "--json",
                      "--output", tmp_path / "c"])
    probe = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(levels)!r})
        import numpy as np
        from image_levels import run
        from_file = run(image={str(picture[0])!r}, black_point="0.3")
        from_array = run(np.asarray(from_file["image"]) * 0 + 0.5, gamma=1.0)
        print(json.dumps({{
            "type": type(from_file["image"]).__name__, "dtype": str(from_file["image"].dtype),
            "shape": list(from_file["image"].shape), "mask": list(from_file["mask"].shape),
            "mean": from_file["mean"], "array_mean": from_array["mean"], "name": run.interface.name}}))
    """)
    result = run_python(["-c", probe])
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info == {"type": "ndarray", "dtype": "float32", "shape": [1, 24, 32, 3], "mask": [1, 24, 32],
                    "mean": json.loads(cli.stdout)["mean"], "array_mean": 0.5, "name": "image_levels"}


SIGNATURE_BODY = '''
from typing import Annotated, Literal

from loki_runtime.types import Audio, Image, Range


@script.entry(__file__)
def run(image: Image, radius: Annotated[int, Range(0, 8)] = 1, edge: Literal["wrap", "clamp"] = "clamp",
        sound: Audio = None) -> tuple[Image, Audio]:
    """Box-blurs an image horizontally; halves the volume of a sound.

    Args:
        radius: Half width of the box, in pixels.
    """
    import numpy as np

    padded = np.pad(image, ((0, 0), (0, 0), (radius, radius), (0, 0)), mode="wrap" if edge == "wrap" else "edge")
    out = sum(padded[:, :, i:i + image.shape[2]] for i in range(2 * radius + 1)) / (2 * radius + 1)
    quiet = None if sound is None else {**sound, "waveform": sound["waveform"] * 0.5}
    return out, quiet
'''


def test_a_script_without_config_takes_its_interface_from_the_signature(make_node, picture, tmp_path):
    folder = make_node("box_blur", SIGNATURE_BODY, config=None, node=False)
    help_ = run_python([script_of(folder), "--help"])
    help_.stdout = " ".join(help_.stdout.split())
    assert "Box-blurs an image horizontally" in help_.stdout
    assert "Half width of the box, in pixels. [INT; range 0..8; default 1]" in help_.stdout
    assert "--edge {wrap,clamp}" in help_.stdout and "--sound WAV" in help_.stdout
    assert run_python([script_of(folder), "--image", picture[0], "--radius", "9"]).returncode == 2

    import wave

    with wave.open(str(tmp_path / "s.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes(np.array([0, 16384, -16384], dtype="<i2").tobytes())
    result = run_python([script_of(folder), "--image", picture[0], "--radius", "2", "--sound", tmp_path / "s.wav",
                         "--output", tmp_path / "sig", "--json"])
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown == {"image": str(tmp_path / "sig" / "image.png"), "audio": str(tmp_path / "sig" / "audio.wav")}
    with wave.open(shown["audio"]) as w:
        np.testing.assert_array_equal(np.frombuffer(w.readframes(3), dtype="<i2"), [0, 8192, -8192])
    image = picture[1][:, :, :3].astype(np.float32) / 255
    padded = np.pad(image, ((0, 0), (2, 2), (0, 0)), mode="edge")
    expected = sum(padded[:, i:i + 32] for i in range(5)) / 5
    with Image.open(shown["image"]) as img:
        assert np.abs(np.asarray(img).astype(int) - np.rint(expected * 255)).max() <= 1


def test_a_broken_config_stops_the_script_with_coded_lines_not_a_trace(make_node, picture):
    folder = make_node("image_levels", LEVELS_BODY, LEVELS_CONFIG, node=False)
    (folder / "image_levels.json").write_text('{"inputs": {"image": {"type": "IMAGE"}, "gamma": {"max": 1,}}}')
    result = run_python([script_of(folder), "--help"])
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f'{folder / "image_levels.json"}: error LOKI0102: port "gamma" has no "type" [at $.inputs.gamma.type]'
    assert "Traceback" not in result.stderr
    imported = run_python(["-c", f"import sys; sys.path.insert(0, {str(folder)!r}); import image_levels"])
    assert "loki_runtime.errors.ConfigError" in imported.stderr  # imported: the caller (ComfyUI) reports it
