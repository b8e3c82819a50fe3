"""Static extraction of ComfyUI node definitions (V1 and V3) from a custom-node pack or ComfyUI's own sources,
in `/object_info` form. Nothing is imported; what only running code could tell is marked unresolved."""
from __future__ import annotations

import ast
import os
from typing import Any

from . import comfy_v3
from .evaluator import Evaluator
from .modules import ModuleIndex
from .values import ClassRef, FunctionRef, ModuleRef, Unresolved, is_unresolved, to_json

MISSING = object()


class Extraction:
    def __init__(self, roots: list[str], base: str):
        self.index = ModuleIndex(roots, special=comfy_v3.special_module)
        self.ev = Evaluator(self.index)
        self.base = base
        self.nodes: dict[str, dict] = {}
        self.errors: list[dict] = []
        # ComfyUI looks display names up in one merged NODE_DISPLAY_NAME_MAPPINGS across everything it loaded.
        self.display: dict[str, Any] = {}

    def rel(self, path: str) -> str:
        return os.path.relpath(path, self.base).replace(os.sep, "/")

    # ---- registration ---------------------------------------------------------------------

    def load_entry(self, module: ModuleRef, python_module: str) -> None:
        ns = self.ev.module_namespace(module)
        mappings = ns.get("NODE_CLASS_MAPPINGS", MISSING)
        if mappings is not MISSING:
            if not isinstance(mappings, dict):
                if module.is_package and self.load_submodule_mappings(module, python_module):
                    self.error(module.path, "NODE_CLASS_MAPPINGS is assembled at run time; the nodes were read from the "
                                            "NODE_CLASS_MAPPINGS of each module of the pack instead")
                    return
                self.error(module.path, f"NODE_CLASS_MAPPINGS cannot be read statically ({to_json(mappings)})")
                return
            display = ns.get("NODE_DISPLAY_NAME_MAPPINGS", {})
            if not isinstance(display, dict):
                self.error(module.path, "NODE_DISPLAY_NAME_MAPPINGS cannot be read statically; class names are used")
                display = {}
            self.display.update({k: v for k, v in display.items() if isinstance(k, str)})
            for class_type, cls in mappings.items():
                if not isinstance(class_type, str):
                    continue
                if not isinstance(cls, ClassRef):
                    self.error(module.path, f"NODE_CLASS_MAPPINGS[{class_type!r}] is not a class we can read")
                    continue
                self.add_v1(class_type, cls, python_module)
            return
        entry = ns.get("comfy_entrypoint")
        if isinstance(entry, FunctionRef):
            self.load_v3_extension(module, python_module)
        elif entry is None and not module.path.endswith("nodes.py"):
            self.error(module.path, "no NODE_CLASS_MAPPINGS and no comfy_entrypoint")

    def load_submodule_mappings(self, package: ModuleRef, python_module: str) -> bool:
        """Fallback for packs that import their modules in a loop: each module's own literal mappings, merged."""
        folder = os.path.dirname(package.path)
        found = False
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")) and d not in ("tests", "test", "js", "web"))
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if not name.endswith(".py") or os.path.abspath(path) == os.path.abspath(package.path):
                    continue
                with open(path, "rb") as f:
                    if b"NODE_CLASS_MAPPINGS" not in f.read():
                        continue
                rel = os.path.relpath(path, folder)[:-3].replace(os.sep, ".")
                sub = self.index.module_for_file(path, package.name + "." + rel.removesuffix(".__init__"))
                if sub is None:
                    continue
                ns = self.ev.module_namespace(sub)
                mappings = ns.get("NODE_CLASS_MAPPINGS")
                if not isinstance(mappings, dict):
                    continue
                display = ns.get("NODE_DISPLAY_NAME_MAPPINGS", {})
                if isinstance(display, dict):
                    self.display.update({k: v for k, v in display.items() if isinstance(k, str)})
                for class_type, cls in mappings.items():
                    if isinstance(class_type, str) and isinstance(cls, ClassRef):
                        self.add_v1(class_type, cls, python_module)
                        found = True
        return found

    def load_v3_extension(self, module: ModuleRef, python_module: str) -> None:
        ns = self.ev.module_namespace(module)
        found = False
        for value in list(ns.values()):
            if not isinstance(value, ClassRef) or value.module is not module:
                continue
            getter = self.ev.class_attr(value, "get_node_list", None)
            if not isinstance(getter, FunctionRef):
                continue
            found = True
            # An instance method called on the extension: the class stands in for `self`.
            nodes = self.ev.call_function(getter, [] if getter.bound is not None else [value], {}, Unresolved("get_node_list()"))
            if not isinstance(nodes, (list, tuple)):
                self.error(module.path, f"{value.name}.get_node_list() cannot be read statically", getter.node.lineno)
                continue
            for cls in nodes:
                if isinstance(cls, ClassRef):
                    self.add_v3(cls, python_module)
                else:
                    self.error(module.path, f"{value.name}.get_node_list() lists a value that is not a class", getter.node.lineno)
        if not found:
            self.error(module.path, "comfy_entrypoint found but no extension class with get_node_list")

    def error(self, path: str, message: str, line: int = 0) -> None:
        self.errors.append({"file": self.rel(path), "line": line, "message": message})

    # ---- one node -------------------------------------------------------------------------

    def attr(self, cls: ClassRef, name: str, default: Any = MISSING) -> Any:
        value = self.ev.class_attr(cls, name, MISSING)
        return default if value is MISSING else value

    def add_v1(self, class_type: str, cls: ClassRef, python_module: str) -> None:
        if comfy_v3.is_v3_node_class(self.ev, cls):
            self.add_v3(cls, python_module, class_type)
            return
        input_types = self.attr(cls, "INPUT_TYPES")
        if isinstance(input_types, FunctionRef):
            inputs = self.ev.call_function(input_types, [], {}, Unresolved(f"{cls.name}.INPUT_TYPES()"))
        elif input_types is MISSING:
            inputs = Unresolved(f"{cls.name}.INPUT_TYPES is missing")
        else:
            inputs = Unresolved(f"{cls.name}.INPUT_TYPES")
        if isinstance(inputs, dict):
            order: Any = {k: (list(v.keys()) if isinstance(v, dict) else Unresolved(f"INPUT_TYPES()[{k!r}]")) for k, v in inputs.items()}
        else:
            order = Unresolved(f"{cls.name}.INPUT_TYPES()")
        outputs = self.attr(cls, "RETURN_TYPES", ())
        n = len(outputs) if isinstance(outputs, (list, tuple)) else None
        is_list = self.attr(cls, "OUTPUT_IS_LIST", MISSING)
        if is_list is MISSING:
            is_list = [False] * n if n is not None else Unresolved(f"{cls.name}.RETURN_TYPES")
        info: dict = {
            "input": inputs,
            "input_order": order,
            "output": outputs,
            "output_is_list": is_list,
            "output_name": self.attr(cls, "RETURN_NAMES", outputs),
            "name": class_type,
            "display_name": class_type,
            "description": self.attr(cls, "DESCRIPTION", ""),
            "python_module": python_module,
            "category": self.attr(cls, "CATEGORY", "sd"),
            "output_node": self.attr(cls, "OUTPUT_NODE", False) is True,
        }
        for key, attr in (("output_tooltips", "OUTPUT_TOOLTIPS"),):
            value = self.attr(cls, attr)
            if value is not MISSING:
                info[key] = value
        for key, attr in (("deprecated", "DEPRECATED"), ("experimental", "EXPERIMENTAL")):
            if self.attr(cls, attr, False) is True:
                info[key] = True
        api = self.attr(cls, "API_NODE")
        if api is not MISSING:
            info["api_node"] = api
        self.nodes[class_type] = {
            "class": cls.name,
            "file": self.rel(cls.module.path),
            "line": cls.node.lineno,
            "api": "v1",
            "function": to_json(self.attr(cls, "FUNCTION", Unresolved(f"{cls.name}.FUNCTION is missing"))),
            "input_is_list": to_json(self.attr(cls, "INPUT_IS_LIST", False)),
            "object_info": to_json(info),
        }

    def add_v3(self, cls: ClassRef, python_module: str, class_type: str | None = None) -> None:
        define = self.attr(cls, "define_schema")
        schema = self.ev.call_function(define, [], {}, Unresolved(f"{cls.name}.define_schema()")) if isinstance(define, FunctionRef) else None
        if not isinstance(schema, comfy_v3.V3Schema):
            self.error(cls.module.path, f"{cls.name}.define_schema() cannot be read statically", cls.node.lineno)
            return
        node_id = schema.get("node_id")
        if not isinstance(node_id, str):
            self.error(cls.module.path, f"{cls.name}: node_id cannot be read statically", cls.node.lineno)
            return
        info = schema.v1_info(python_module)
        self.nodes[class_type or node_id] = {
            "class": cls.name,
            "file": self.rel(cls.module.path),
            "line": cls.node.lineno,
            "api": "v3",
            "function": "execute",
            "input_is_list": bool(schema.get("is_input_list", False)),
            "object_info": to_json(info),
        }


def extract_pack(pack: str, comfyui: str | None = None) -> dict:
    """Every node a custom-node pack (folder with __init__.py, or a single .py file) registers."""
    pack = os.path.abspath(pack)
    is_file = os.path.isfile(pack)
    folder = os.path.dirname(pack) if is_file else pack
    name = os.path.splitext(os.path.basename(pack))[0]
    if not is_file and _is_comfyui_root(pack):
        return extract_core(pack)
    roots = [folder] + ([comfyui] if comfyui else [])
    ex = Extraction(roots, folder if not is_file else os.path.dirname(pack))
    entry_path = pack if is_file else os.path.join(pack, "__init__.py")
    if not os.path.isfile(entry_path):
        return {"nodes": {}, "errors": [{"file": os.path.basename(entry_path), "line": 0, "message": "the pack has no __init__.py"}]}
    module = ex.index.module_for_file(entry_path, name)
    if module is not None:
        ex.load_entry(module, f"custom_nodes.{name}")
    return finish(ex)


def extract_core(root: str) -> dict:
    """ComfyUI's own nodes: nodes.py and the comfy_extras files nodes.py loads, as /object_info reports them."""
    root = os.path.abspath(root)
    ex = Extraction([root], root)
    nodes_py = ex.index.module_for_file(os.path.join(root, "nodes.py"), "nodes")
    if nodes_py is not None:
        ex.load_entry(nodes_py, "nodes")
        for file in _builtin_extras(nodes_py.tree):
            path = os.path.join(root, "comfy_extras", file)
            module = ex.index.module_for_file(path, "comfy_extras." + file[:-3]) if os.path.isfile(path) else None
            if module is not None:
                ex.load_entry(module, "comfy_extras." + file[:-3])
    return finish(ex)


def finish(ex: Extraction) -> dict:
    for class_type, node in ex.nodes.items():
        if node["api"] == "v1" and class_type in ex.display:
            node["object_info"]["display_name"] = to_json(ex.display[class_type])
    errors = ex.errors + [{"file": ex.rel(e["file"]), "line": e["line"], "message": e["message"]} for e in ex.index.errors]
    return {"nodes": {k: ex.nodes[k] for k in sorted(ex.nodes)}, "errors": errors}


def _is_comfyui_root(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "nodes.py")) and os.path.isdir(os.path.join(path, "comfy_extras")) and os.path.isfile(os.path.join(path, "folder_paths.py"))


def _builtin_extras(tree: ast.Module) -> list[str]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "init_builtin_extra_nodes":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "extras_files" for t in sub.targets):
                    try:
                        return [v for v in ast.literal_eval(sub.value) if isinstance(v, str)]
                    except ValueError:
                        break
    return []
