"""LOKI Nodes loaded the way ComfyUI loads a pack give the same pixels as the LOKI Script on the command line."""
import json
import sys

import numpy as np
import pytest
import torch
from PIL import Image

from conftest import run_python, write_rgba_png
from loki_runtime import image_io, loader
from test_runtime_script_cli import LEVELS_BODY, LEVELS_CONFIG

PACK_INIT = '''"""A pack root as contracts §3 describes it: the pack folder on sys.path, every node's mappings merged."""
import importlib
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)

NODE_CLASS_MAPPINGS = {}
NODE_DISPLAY_NAME_MAPPINGS = {}
for _name in sorted(os.listdir(os.path.join(_here, "nodes"))):
    if os.path.isfile(os.path.join(_here, "nodes", _name, "__init__.py")):
        _module = importlib.import_module(f"{__name__}.nodes.{_name}")
        NODE_CLASS_MAPPINGS.update(_module.NODE_CLASS_MAPPINGS)
        NODE_DISPLAY_NAME_MAPPINGS.update(_module.NODE_DISPLAY_NAME_MAPPINGS)

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"]
'''


@pytest.fixture
def pack(pack_root, make_node):
    make_node("image_levels", LEVELS_BODY, LEVELS_CONFIG)
    (pack_root / "nodes" / "__init__.py").write_text("", encoding="utf-8")
    (pack_root / "__init__.py").write_text(PACK_INIT, encoding="utf-8")
    return pack_root


@pytest.fixture
def picture(tmp_path):
    rng = np.random.default_rng(11)
    return write_rgba_png(tmp_path / "in.png", rng.integers(0, 256, (20, 28, 4), dtype=np.uint8))


def test_a_node_folder_loads_as_a_comfyui_package(pack):
    mappings = loader.load_pack(pack / "nodes" / "image_levels", name="custom_nodes_image_levels")
    assert list(mappings) == ["LokiImageLevels"]
    assert mappings.display_names == {"LokiImageLevels": "🧪 Image Levels (LOKI)"}
    cls = mappings["LokiImageLevels"]
    assert cls.__module__ == "custom_nodes_image_levels.image_levels_node"
    assert cls.CATEGORY == "LOKI 🦊/image/adjust" and cls.FUNCTION == "execute"
    assert cls.RETURN_TYPES == ("IMAGE", "MASK", "FLOAT", "STRING")
    assert cls.RETURN_NAMES == ("image", "mask", "mean", "summary")
    assert cls.INPUT_TYPES() == {
        "required": {
            "image": ("IMAGE", {"tooltip": "Image batch to adjust."}),
            "black_point": ("FLOAT", {"default": 0.0, "min": 0.0, "max": 0.9, "step": 0.01}),
            "gamma": ("FLOAT", {"default": 1.0, "min": 0.1, "max": 5.0}),
            "mode": (["rgb", "luminance"], {"default": "rgb"}),
            "invert": ("BOOLEAN", {"default": False}),
        },
        "optional": {"caption": ("STRING", {"multiline": True})},
    }


def test_the_node_gives_the_same_pixels_as_the_script(pack, picture, tmp_path):
    cli = run_python([pack / "nodes" / "image_levels" / "image_levels.py", "--image", picture, "--black-point",
                      "0.15", "--gamma", "1.8", "--output", tmp_path / "cli", "--json"])
    assert cli.returncode == 0, cli.stderr
    shown = json.loads(cli.stdout)

    mappings = loader.load_pack(pack)
    cls = mappings["LokiImageLevels"]
    image, _ = image_io.read_image(picture)  # what LoadImage hands the node: [1,H,W,3] float32
    tensor = torch.from_numpy(image)
    out_image, out_mask, mean, summary = getattr(cls(), cls.FUNCTION)(
        image=tensor, black_point=0.15, gamma=1.8, mode="rgb", invert=False)
    assert isinstance(out_image, torch.Tensor) and out_image.shape == (1, 20, 28, 3)
    assert out_image.dtype == torch.float32 and out_mask.shape == (1, 20, 28)
    with Image.open(shown["image"]) as img:
        script_pixels = np.asarray(img)
    node_pixels = np.rint(np.clip(out_image[0].numpy(), 0, 1) * 255).astype(np.uint8)
    np.testing.assert_array_equal(node_pixels, script_pixels)
    assert mean == pytest.approx(shown["mean"], abs=1e-7) and summary == shown["summary"]


def test_batches_go_through_the_node_in_one_call(pack, picture):
    cls = loader.load_pack(pack)["LokiImageLevels"]
    batch = torch.rand(4, 6, 5, 3)
    out_image, out_mask, _, summary = cls().execute(image=batch, invert=True)
    assert summary == "levels: 4 image(s)"
    torch.testing.assert_close(out_image, 1.0 - batch)
    torch.testing.assert_close(out_mask, 1.0 - batch[..., 0])


def test_loading_twice_replaces_the_module(pack):
    first = loader.load_pack(pack, name="loki_test_pack")
    second = loader.load_pack(pack, name="loki_test_pack")
    assert first["LokiImageLevels"] is not second["LokiImageLevels"]
    assert sys.modules["loki_test_pack"] is second.module


def test_folders_that_are_not_packs_are_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportError, match="no __init__.py"):
        loader.load_pack(tmp_path / "empty")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "__init__.py").write_text("X = 1\n")
    with pytest.raises(ImportError, match="NODE_CLASS_MAPPINGS"):
        loader.load_pack(tmp_path / "plain")


def test_a_broken_pack_leaves_no_half_imported_module(tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "__init__.py").write_text("raise RuntimeError('nope')\n")
    with pytest.raises(RuntimeError):
        loader.load_pack(tmp_path / "broken", name="loki_broken_pack")
    assert "loki_broken_pack" not in sys.modules


def test_the_node_runs_in_a_prompt_under_comfyui_execution_semantics(pack, picture, tmp_path):
    """LoadImage → the LOKI Node in an API prompt, through the runtime's ComfyUI-semantics executor (prompt
    validation against INPUT_TYPES, list mapping), gives the script's pixels."""
    from loki_runtime.executor import LokiExecutor
    from loki_runtime.node_registry import runtime_classes

    cli = run_python([pack / "nodes" / "image_levels" / "image_levels.py", "--image", picture, "--gamma", "0.7",
                      "--invert", "--output", tmp_path / "cli", "--json"])
    assert cli.returncode == 0, cli.stderr
    classes = {**runtime_classes(), **loader.load_pack(pack)}
    prompt = {
        "1": {"class_type": "LoadImage", "inputs": {"image": str(picture)}},
        "2": {"class_type": "LokiImageLevels", "inputs": {"image": ["1", 0], "black_point": 0.0, "gamma": 0.7,
                                                          "mode": "rgb", "invert": True}},
    }
    result = LokiExecutor(classes).run(prompt, ["2"])
    image = result.value(["2", 0])
    with Image.open(json.loads(cli.stdout)["image"]) as img:
        np.testing.assert_array_equal(np.rint(image[0].numpy() * 255).astype(np.uint8), np.asarray(img))
