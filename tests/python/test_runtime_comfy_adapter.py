"""comfy_adapter: ComfyUI tensors ⇄ the runtime's numpy arrays, and V1 node classes built from an interface."""
from typing import Annotated, Literal

import numpy as np
import pytest
import torch

from loki_runtime import comfy_adapter, script
from loki_runtime.interface import Port
from loki_runtime.types import Image, Latent, Mask, Multiline, Range

seen = {}


@script.entry
def levels(image: Image, mask: Mask, latent: Latent, gain: Annotated[float, Range(0.0, 4.0, 0.1)] = 1.0,
           mode: Literal["mul", "add"] = "mul", note: Annotated[str, Multiline(), "Shown in the UI."] = "",
           extra: Mask = None) -> tuple[Image, Mask, Latent, float]:
    """Scales an image where the mask is set."""
    seen.update(image=image, mask=mask, latent=latent)
    out = image * gain if mode == "mul" else image + gain
    out = np.where(mask[..., None] > 0.5, out, image)
    return out, 1.0 - mask, latent, float(out.mean())


def test_call_converts_tensors_to_numpy_and_back_in_return_names_order():
    image = torch.rand(3, 4, 5, 3)
    mask = torch.zeros(3, 4, 5)
    mask[:, :2] = 1.0
    latent = {"samples": torch.randn(3, 4, 1, 1), "batch_index": [0, 1, 2]}
    result = comfy_adapter.call(levels, {"image": image, "mask": mask, "latent": latent, "gain": 0.5,
                                         "mode": "mul", "note": ""})
    assert isinstance(seen["image"], np.ndarray) and seen["image"].shape == (3, 4, 5, 3)
    assert seen["image"].dtype == np.float32 and seen["mask"].shape == (3, 4, 5)
    assert seen["latent"] is latent  # opaque: untouched, same object
    out_image, out_mask, out_latent, mean = result
    assert isinstance(out_image, torch.Tensor) and out_image.dtype == torch.float32
    assert out_image.shape == (3, 4, 5, 3) and out_mask.shape == (3, 4, 5)
    torch.testing.assert_close(out_image[:, :2], image[:, :2] * 0.5)
    torch.testing.assert_close(out_image[:, 2:], image[:, 2:])
    assert out_latent is latent and isinstance(mean, float)


def test_two_dimensional_masks_and_16_bit_tensors_are_accepted():
    image = torch.rand(1, 2, 2, 3).half()
    result = comfy_adapter.call(levels, {"image": image, "mask": torch.ones(2, 2), "latent": {}, "gain": 2.0})
    torch.testing.assert_close(result[0], image.float() * 2.0)
    assert result[1].shape == (1, 2, 2)


def test_widget_values_are_checked_as_in_the_script():
    with pytest.raises(ValueError, match="maximum 4"):
        comfy_adapter.call(levels, {"image": torch.rand(1, 2, 2, 3), "mask": torch.ones(1, 2, 2), "latent": {},
                                    "gain": 9.0})


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_outputs_land_on_the_device_of_the_inputs():
    image = torch.rand(2, 4, 4, 3, device="cuda")
    result = comfy_adapter.call(levels, {"image": image, "mask": torch.ones(2, 4, 4, device="cuda"), "latent": {}})
    assert result[0].device.type == "cuda" and result[1].device.type == "cuda"


def test_outputs_stay_on_cpu_without_tensor_inputs():
    @script.entry
    def make(width: int = 4) -> Image:
        return np.ones((1, 2, width, 3), dtype=np.float32)

    (image,) = comfy_adapter.call(make, {"width": 3})
    assert image.device.type == "cpu" and image.shape == (1, 2, 3, 3)


def test_input_types_follow_comfyui_conventions():
    types = comfy_adapter.input_types(levels.interface)
    assert list(types) == ["required", "optional"]
    required = types["required"]
    assert list(required) == ["image", "mask", "latent", "gain", "mode", "note"]
    assert required["image"] == ("IMAGE",)
    assert required["gain"] == ("FLOAT", {"default": 1.0, "min": 0.0, "max": 4.0, "step": 0.1})
    assert required["mode"] == (["mul", "add"], {"default": "mul"})
    assert required["note"] == ("STRING", {"default": "", "multiline": True, "tooltip": "Shown in the UI."})
    assert types["optional"] == {"extra": ("MASK",)}


def test_int_widgets_get_int_bounds_and_comfy_options_from_extra_fields():
    port = Port("seed", "INT", default=1.0, min=0.0, max=10.0, step=1.0,
                extra={"control_after_generate": True, "loki_private": 1})
    assert comfy_adapter.input_spec(port) == ("INT", {"default": 1, "min": 0, "max": 10, "step": 1,
                                                      "control_after_generate": True})
    assert all(type(v) is int for k, v in comfy_adapter.input_spec(port)[1].items() if k != "control_after_generate")


def test_names_follow_the_node_spec():
    assert comfy_adapter.class_name("image_levels") == "ImageLevels"
    assert comfy_adapter.mapping_key("image_levels") == "LokiImageLevels"
    assert comfy_adapter.class_name("3d_view") == "N3dView"
    assert comfy_adapter.display_name(levels.interface) == "Levels (LOKI)"
    assert comfy_adapter.category(levels.interface) == "LOKI 🦊"


def test_node_mappings_build_a_working_v1_class():
    classes, names = comfy_adapter.node_mappings(levels)
    cls = classes["LokiLevels"]
    assert names == {"LokiLevels": "Levels (LOKI)"}
    assert cls.__name__ == "Levels" and cls.FUNCTION == "execute"
    assert cls.RETURN_TYPES == ("IMAGE", "MASK", "LATENT", "FLOAT")
    assert cls.RETURN_NAMES == ("image", "mask", "latent", "value")
    assert cls.DESCRIPTION == "Scales an image where the mask is set."
    assert cls.INPUT_TYPES() == comfy_adapter.input_types(levels.interface)
    image = torch.rand(2, 3, 3, 3)
    out = getattr(cls(), cls.FUNCTION)(image=image, mask=torch.ones(2, 3, 3), latent={}, gain=0.0, mode="add")
    torch.testing.assert_close(out[0], image)


def plain_double(image: Image) -> Image:
    return image * 2


def test_plain_functions_are_adapted_once():
    first = comfy_adapter.as_script(plain_double)
    assert comfy_adapter.as_script(plain_double) is first
    (out,) = comfy_adapter.call(plain_double, {"image": torch.ones(1, 2, 2, 3)})
    torch.testing.assert_close(out, torch.full((1, 2, 2, 3), 2.0))



@script.entry(name="boom_node", outputs=["text"])
def boom(text: str = "x") -> str:
    raise ValueError("it broke")


def test_an_error_inside_names_the_node_and_keeps_its_type():
    # Inside a flow node ComfyUI reports the outer node's id; the message still names the inner LOKI node.
    with pytest.raises(ValueError, match=r"^LOKI node boom_node: it broke$"):
        comfy_adapter.call(boom, {"text": "y"})
