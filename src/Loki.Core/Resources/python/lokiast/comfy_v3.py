"""A static model of ComfyUI's V3 node API (`comfy_api.latest.io`), enough to turn `define_schema` into the
`/object_info` entry ComfyUI 0.3.64 serves (`Schema.get_v1_info`). Facts mirror comfy_api/latest/_io.py."""
from __future__ import annotations

from typing import Any

from .values import Unresolved, is_unresolved, to_json

# io class name -> io_type string (comfy_api/latest/_io.py @comfytype declarations).
IO_TYPES = {
    "Boolean": "BOOLEAN", "Int": "INT", "Float": "FLOAT", "String": "STRING", "Combo": "COMBO", "MultiCombo": "COMBO",
    "Image": "IMAGE", "WanCameraEmbedding": "WAN_CAMERA_EMBEDDING", "Webcam": "WEBCAM", "Mask": "MASK",
    "Latent": "LATENT", "Conditioning": "CONDITIONING", "Sampler": "SAMPLER", "Sigmas": "SIGMAS", "Noise": "NOISE",
    "Guider": "GUIDER", "Clip": "CLIP", "ControlNet": "CONTROL_NET", "Vae": "VAE", "Model": "MODEL",
    "ClipVision": "CLIP_VISION", "ClipVisionOutput": "CLIP_VISION_OUTPUT", "StyleModel": "STYLE_MODEL",
    "Gligen": "GLIGEN", "UpscaleModel": "UPSCALE_MODEL", "Audio": "AUDIO", "Video": "VIDEO", "SVG": "SVG",
    "LoraModel": "LORA_MODEL", "LossMap": "LOSS_MAP", "Voxel": "VOXEL", "Mesh": "MESH", "Hooks": "HOOKS",
    "HookKeyframes": "HOOK_KEYFRAMES", "TimestepsRange": "TIMESTEPS_RANGE", "LatentOperation": "LATENT_OPERATION",
    "FlowControl": "FLOW_CONTROL", "Accumulation": "ACCUMULATION", "Load3DCamera": "LOAD3D_CAMERA",
    "Load3D": "LOAD_3D", "Load3DAnimation": "LOAD_3D_ANIMATION", "Photomaker": "PHOTOMAKER", "Point": "POINT",
    "FaceAnalysis": "FACE_ANALYSIS", "BBOX": "BBOX", "SEGS": "SEGS", "AnyType": "*", "ModelPatch": "MODEL_PATCH",
    "AudioEncoder": "AUDIO_ENCODER", "AudioEncoderOutput": "AUDIO_ENCODER_OUTPUT",
}

_BASE = ["id", "display_name", "optional", "tooltip", "lazy", "extra_dict"]
_WIDGET_TAIL = ["socketless", "force_input"]
# Constructor parameters in order, and the option keys each writes (as_dict), per Input class.
INPUT_PARAMS = {
    "Boolean": ["id", "display_name", "optional", "tooltip", "lazy", "default", "label_on", "label_off"] + _WIDGET_TAIL,
    "Int": ["id", "display_name", "optional", "tooltip", "lazy", "default", "min", "max", "step", "control_after_generate", "display_mode"] + _WIDGET_TAIL,
    "Float": ["id", "display_name", "optional", "tooltip", "lazy", "default", "min", "max", "step", "round", "display_mode"] + _WIDGET_TAIL,
    "String": ["id", "display_name", "optional", "tooltip", "lazy", "multiline", "placeholder", "default", "dynamic_prompts"] + _WIDGET_TAIL,
    "Combo": ["id", "options", "display_name", "optional", "tooltip", "lazy", "default", "control_after_generate", "upload", "image_folder", "remote", "socketless"],
    "MultiCombo": ["id", "options", "display_name", "optional", "tooltip", "lazy", "default", "placeholder", "chip", "control_after_generate", "socketless"],
    "Webcam": ["id", "display_name", "optional", "tooltip", "lazy", "default", "socketless"],
}
_WIDGET_KEYS = [("default", "default"), ("socketless", "socketless"), ("force_input", "forceInput")]
_EXTRA_KEYS = {
    "Boolean": [("label_on", "label_on"), ("label_off", "label_off")],
    "Int": [("min", "min"), ("max", "max"), ("step", "step"), ("control_after_generate", "control_after_generate"), ("display_mode", "display")],
    "Float": [("min", "min"), ("max", "max"), ("step", "step"), ("round", "round"), ("display_mode", "display")],
    "String": [("multiline", "multiline"), ("placeholder", "placeholder"), ("dynamic_prompts", "dynamicPrompts")],
    "Combo": [("multiselect", "multiselect"), ("options", "options"), ("control_after_generate", "control_after_generate")],
    "MultiCombo": [("multiselect", "multiselect"), ("options", "options"), ("control_after_generate", "control_after_generate")],
}
HIDDEN = {"unique_id": "UNIQUE_ID", "prompt": "PROMPT", "extra_pnginfo": "EXTRA_PNGINFO", "dynprompt": "DYNPROMPT",
          "auth_token_comfy_org": "AUTH_TOKEN_COMFY_ORG", "api_key_comfy_org": "API_KEY_COMFY_ORG"}
ENUMS = {
    "NumberDisplay": {"number": "number", "slider": "slider"},
    "UploadType": {"image": "image_upload", "audio": "audio_upload", "video": "video_upload", "model": "file_upload"},
    "FolderType": {"input": "input", "output": "output", "temp": "temp"},
    "Hidden": HIDDEN,
}
SCHEMA_PARAMS = ["node_id", "display_name", "category", "inputs", "outputs", "hidden", "description", "is_input_list",
                 "is_output_node", "is_deprecated", "is_experimental", "is_api_node", "not_idempotent", "enable_expand"]


class V3Marker:
    """A V3 name whose only use is being recognised (ComfyNode, ComfyExtension, NodeOutput...)."""

    def __init__(self, name: str):
        self.name = name

    def class_attr(self, name: str) -> Any:
        return None


class ComfyApi:
    """`comfy_api`, `comfy_api.latest`, `comfy_api.v0_0_2`... and their `io` namespace."""

    def __init__(self, dotted: str):
        self.dotted = dotted

    def static_getattr(self, name: str) -> Any:
        if name in ("io", "_io"):
            return IoNamespace()
        if name in ("ComfyExtension", "ComfyNode"):
            return V3Marker(name)
        return ComfyApi(f"{self.dotted}.{name}")


class IoNamespace:
    def static_getattr(self, name: str) -> Any:
        if name in IO_TYPES:
            return IoType(name, IO_TYPES[name])
        if name in ENUMS:
            return EnumNamespace(name, ENUMS[name])
        if name == "Schema":
            return SchemaCtor()
        if name == "Custom":
            return CustomCtor()
        if name == "MultiType":
            return IoType("MultiType", None)
        if name == "RemoteOptions":
            return RemoteOptionsCtor()
        return V3Marker(name)


class EnumNamespace:
    def __init__(self, name: str, members: dict):
        self.name, self.members = name, members

    def static_getattr(self, name: str) -> Any:
        if name in self.members:
            return self.members[name] if self.name != "Hidden" else HiddenValue(name)
        return Unresolved(f"io.{self.name}.{name}")


class HiddenValue:
    def __init__(self, name: str):
        self.name = name

    def to_json(self) -> Any:
        return HIDDEN[self.name]


class CustomCtor:
    def static_call(self, ev: Any, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        io_type = args[0] if args else kwargs.get("io_type")
        return IoType("Custom", io_type) if isinstance(io_type, str) else unknown


class RemoteOptionsCtor:
    def static_call(self, ev: Any, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        names = ["route", "refresh_button", "control_after_refresh", "timeout", "max_retries", "refresh"]
        values = dict(zip(names, args)) | kwargs
        values.setdefault("control_after_refresh", "first")
        return {k: values[k] for k in names if values.get(k) is not None}


class IoType:
    def __init__(self, cls_name: str, io_type: str | None):
        self.cls_name, self.io_type = cls_name, io_type

    def static_call(self, ev: Any, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        return self  # io.Latent() is used like io.Latent

    def static_getattr(self, name: str) -> Any:
        if name in ("Input", "Output"):
            return IoCtor(self, name)
        if name == "io_type":
            return self.io_type
        return Unresolved(f"io.{self.cls_name}.{name}")


class IoCtor:
    def __init__(self, io: IoType, kind: str):
        self.io, self.kind = io, kind

    def static_call(self, ev: Any, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        if self.kind == "Output":
            names = ["id", "display_name", "options", "tooltip", "is_output_list"] if self.io.cls_name == "Combo" else ["id", "display_name", "tooltip", "is_output_list"]
            return V3Output(self.io, dict(zip(names, args)) | kwargs)
        if self.io.cls_name == "MultiType":
            names = ["id", "types", "display_name", "optional", "tooltip", "lazy", "extra_dict"]
        else:
            names = INPUT_PARAMS.get(self.io.cls_name, _BASE)
        if len(args) > len(names):
            return unknown
        return V3Input(self.io, dict(zip(names, args)) | kwargs)


class V3Input:
    def __init__(self, io: IoType, params: dict):
        self.io, self.params = io, params

    @property
    def id(self) -> Any:
        return self.params.get("id")

    @property
    def optional(self) -> bool:
        return bool(self.params.get("optional", False))

    def io_type(self) -> Any:
        if self.io.cls_name == "MultiType":
            types = self.params.get("types")
            if not isinstance(types, (list, tuple)):
                return Unresolved("io.MultiType types")
            names = []
            for t in types:
                name = t.io_type if isinstance(t, IoType) else t.io.io_type if isinstance(t, V3Input) else None
                if name is None:
                    return Unresolved("io.MultiType types")
                names.append(name)
            first = self.params.get("id")
            if isinstance(first, V3Input):
                names.insert(0, first.io_type())
            return ",".join(dict.fromkeys(names))
        return self.io.io_type

    def as_dict(self) -> dict:
        p = dict(self.params)
        cls = self.io.cls_name
        if cls == "Combo":
            p["multiselect"] = False
        elif cls == "MultiCombo":
            p["multiselect"] = True
        if cls == "String":
            p.setdefault("multiline", False)
        options = p.get("options")
        if isinstance(options, IoType):
            options = Unresolved("enum options")
        out: dict = {}
        for key in ("display_name", "tooltip", "lazy"):
            if p.get(key) is not None:
                out[key] = p[key]
        extra = p.get("extra_dict")
        if isinstance(extra, dict):
            out.update({k: v for k, v in extra.items() if v is not None})
        if cls in INPUT_PARAMS:
            for src, dst in _WIDGET_KEYS:
                if p.get(src) is not None:
                    out[dst] = p[src]
        for src, dst in _EXTRA_KEYS.get(cls, []):
            value = options if src == "options" else p.get(src)
            if value is not None:
                out[dst] = value
        if cls == "Combo":
            upload = p.get("upload")
            if isinstance(upload, str):
                out[upload] = True
            elif upload is not None:
                out["upload"] = Unresolved("upload")
            for key in ("image_folder", "remote"):
                if p.get(key) is not None:
                    out[key] = p[key]
        if cls == "MultiCombo":
            out["multi_select"] = True
            for key in ("placeholder", "chip"):
                if p.get(key) is not None:
                    out[key] = p[key]
        return out

    def to_json(self) -> Any:
        return [to_json(self.io_type()), to_json(self.as_dict())]


class V3Output:
    def __init__(self, io: IoType, params: dict):
        self.io, self.params = io, params

    def io_type(self) -> Any:
        if self.io.cls_name == "Combo":
            return self.params.get("options") or []
        return self.io.io_type


class SchemaCtor:
    def static_call(self, ev: Any, args: list, kwargs: dict, unknown: Unresolved) -> Any:
        return V3Schema(dict(zip(SCHEMA_PARAMS, args)) | kwargs)


class V3Schema:
    def __init__(self, params: dict):
        self.params = params

    def static_setattr(self, name: str, value: Any) -> None:
        self.params[name] = value

    def static_getattr(self, name: str) -> Any:
        return self.params.get(name, Unresolved(f"schema.{name}"))

    def get(self, key: str, default: Any = None) -> Any:
        value = self.params.get(key, default)
        return default if value is None and default is not None else value

    def v1_info(self, python_module: str) -> dict:
        """The `/object_info` entry, as `Schema.finalize` + `Schema.get_v1_info` build it."""
        inputs = self.get("inputs") or []
        outputs = self.get("outputs") or []
        hidden = self.get("hidden") or []
        info_input: dict = {"required": {}}
        if isinstance(inputs, (list, tuple)):
            for i in inputs:
                if not isinstance(i, V3Input) or not isinstance(i.id, str):
                    info_input.setdefault("required", {})[f"__unresolved_{len(info_input['required'])}"] = Unresolved("input")
                    continue
                info_input.setdefault("optional" if i.optional else "required", {})[i.id] = i.to_json()
        else:
            info_input = Unresolved("inputs")
        hidden_names = [h.name for h in hidden if isinstance(h, HiddenValue)] if isinstance(hidden, (list, tuple)) else []
        if self.get("is_api_node", False):
            hidden_names += [n for n in ("auth_token_comfy_org", "api_key_comfy_org") if n not in hidden_names]
        if self.get("is_output_node", False):
            hidden_names += [n for n in ("prompt", "extra_pnginfo") if n not in hidden_names]
        if hidden_names and isinstance(info_input, dict):
            info_input["hidden"] = {n: [HIDDEN[n]] for n in hidden_names}
        output, is_list, names, tips = [], [], [], []
        for o in outputs if isinstance(outputs, (list, tuple)) else []:
            if not isinstance(o, V3Output):
                output.append(Unresolved("output"))
                is_list.append(False)
                names.append(Unresolved("output"))
                tips.append(None)
                continue
            t = o.io_type()
            output.append(t)
            is_list.append(bool(o.params.get("is_output_list", False)))
            names.append(o.params.get("display_name") or t)
            tips.append(o.params.get("tooltip") or None)
        return {
            "input": info_input,
            "input_order": {k: list(v.keys()) for k, v in info_input.items()} if isinstance(info_input, dict) else Unresolved("inputs"),
            "output": output,
            "output_is_list": is_list,
            "output_name": names,
            "output_tooltips": tips,
            "name": self.get("node_id"),
            "display_name": self.get("display_name"),
            "description": self.get("description", ""),
            "python_module": python_module,
            "category": self.get("category", "sd"),
            "output_node": bool(self.get("is_output_node", False)),
            "deprecated": bool(self.get("is_deprecated", False)),
            "experimental": bool(self.get("is_experimental", False)),
            "api_node": bool(self.get("is_api_node", False)),
        }


def special_module(dotted: str) -> Any:
    """The evaluator's hook: V3 API modules are modelled, never read."""
    if dotted == "comfy_api" or dotted.startswith("comfy_api."):
        return ComfyApi(dotted)
    return None


def is_v3_node_class(ev: Any, cls: Any) -> bool:
    for c in ev.mro(cls):
        if isinstance(c, V3Marker) and c.name == "ComfyNode":
            return True
    return False


def unresolved_if(value: Any, what: str) -> Any:
    return Unresolved(what) if is_unresolved(value) else value
