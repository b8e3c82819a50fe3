"""Loads a built pack exactly as ComfyUI 0.3.64's nodes.load_custom_node does, then exercises it.

    python3 comfy_load_probe.py PACK_DIR [--run]

Prints one JSON object: the mappings' keys, display names, WEB_DIRECTORY, the INPUT_TYPES of every node (or the
error calling it), warnings the pack logged, and with --run one node of each kind run on its first example.
Used by the C# pack tests; not collected by pytest (no test_ prefix).
"""
import importlib.util
import json
import logging
import os
import sys
import traceback


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def load_like_comfyui(module_path):
    """nodes.py load_custom_node, folder branch: the sys.modules name is the path with '.' replaced by '_x_'."""
    sys_module_name = module_path.replace(".", "_x_")
    spec = importlib.util.spec_from_file_location(sys_module_name, os.path.join(module_path, "__init__.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[sys_module_name] = module
    spec.loader.exec_module(module)
    return module


def run_one_per_kind(pack_dir, mappings):
    from pathlib import Path

    from loki_runtime import comfy_adapter, config as config_io, smoke_values as values
    from loki_runtime.smoke import node_kind

    done, results = set(), []
    nodes_dir = os.path.join(pack_dir, "nodes")
    for name in sorted(os.listdir(nodes_dir)):
        folder = os.path.join(nodes_dir, name)
        config_path = os.path.join(folder, name + ".json")
        key = comfy_adapter.mapping_key(name)
        if not os.path.isfile(config_path) or key not in mappings:
            continue
        with open(config_path, encoding="utf-8") as handle:
            config = json.load(handle)
        kind = node_kind(Path(folder), config)
        if kind in done or not config.get("examples"):
            continue
        if kind == "comfy" and not os.environ.get("COMFYUI_PATH"):
            results.append({"kind": kind, "node": name, "status": "skipped", "reason": "needs COMFYUI_PATH"})
            done.add(kind)
            continue
        if kind == "flow" and (config.get("flow") or {}).get("backend") == "comfyui" and not os.environ.get("COMFYUI_PATH"):
            continue  # a flow of ComfyUI nodes expands in ComfyUI only; another flow may stand for the kind
        interface = config_io.from_config(config_path)
        example = config["examples"][0]
        kwargs = {p.name: p.default for p in interface.inputs if p.has_default}
        for input_name, raw in (example.get("inputs") or {}).items():
            port = interface.input(input_name)
            value = values.absolute_inputs(port, raw, folder)
            kwargs[input_name] = values.to_node_value(port, values.load_file_input(port, value) if port.is_file else value)
        cls = mappings[key]
        try:
            result = getattr(cls(), cls.FUNCTION)(**kwargs)
            if isinstance(result, dict) and "expand" in result:
                # A flow node returns a graph; run it as ComfyUI would, with the pack's own nodes.
                from loki_runtime.smoke import _run_expansion

                result = _run_expansion(mappings, key, cls, kwargs)
            elif isinstance(result, dict):
                result = result.get("result", result)
            summary = [list(v.shape) if hasattr(v, "shape") else v for v in result] if isinstance(result, tuple) else repr(result)
            results.append({"kind": kind, "node": name, "status": "ran", "outputs": summary})
        except Exception as ex:  # reported, the test decides
            results.append({"kind": kind, "node": name, "status": "failed", "reason": f"{type(ex).__name__}: {ex}"})
        done.add(kind)
    return results


def main():
    pack_dir = os.path.abspath(sys.argv[1])
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    module = load_like_comfyui(pack_dir)
    mappings = module.NODE_CLASS_MAPPINGS
    input_types = {}
    for key, cls in sorted(mappings.items()):
        try:
            spec = cls.INPUT_TYPES()
            input_types[key] = {section: sorted(entries) for section, entries in spec.items() if isinstance(entries, dict)}
        except Exception:
            input_types[key] = {"error": traceback.format_exc(limit=1).strip().splitlines()[-1]}
    out = {
        "keys": sorted(mappings),
        "display": module.NODE_DISPLAY_NAME_MAPPINGS,
        "web": module.WEB_DIRECTORY,
        "all": list(module.__all__),
        "input_types": input_types,
        "warnings": collect.messages,
        "pack_on_path": pack_dir in sys.path,
        "runtime_from_pack": os.path.dirname(os.path.dirname(os.path.abspath(sys.modules["loki_runtime"].__file__))) == pack_dir
        if "loki_runtime" in sys.modules else None,
        "nodes_module_shadowed": "nodes" in sys.modules,
    }
    if "--run" in sys.argv:
        out["runs"] = run_one_per_kind(pack_dir, mappings)
    print(json.dumps(out, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
