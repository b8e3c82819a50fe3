"""Reads a function's signature, type hints, defaults and docstring from source, without importing it."""
from __future__ import annotations

import ast
import re
from typing import Any

from . import docstrings


class SignatureError(Exception):
    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


_SIMPLE = {"int": "INT", "float": "FLOAT", "str": "STRING", "bool": "BOOLEAN"}
# Names (last dotted part) that stand for LOKI types; `loki_runtime.types` spells them this way.
_LOKI = {"Image": "IMAGE", "Mask": "MASK", "Audio": "AUDIO", "Latent": "LATENT", "Conditioning": "CONDITIONING",
         "Model": "MODEL", "Vae": "VAE", "Clip": "CLIP", "Any": "*"}
_ARRAYS = {"ndarray", "Tensor", "NDArray", "ArrayLike"}


def parse_function(path: str, qualname: str) -> tuple[bytes, ast.Module, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The module's source and tree and the function `qualname` in it; SignatureError when either is missing."""
    with open(path, "rb") as f:
        source = f.read()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as ex:
        raise SignatureError(f"{path} is not valid Python: {ex.msg}", ex.lineno or 0)
    fn = _find(tree, qualname)
    if fn is None:
        names = sorted(n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))
        raise SignatureError(f"no function '{qualname}' in {path}; it defines: {', '.join(names) or 'no functions'}")
    return source, tree, fn


def read_function(path: str, qualname: str) -> dict:
    _, tree, fn = parse_function(path, qualname)
    doc = docstrings.parse(ast.get_docstring(fn) or "")
    pil_names = _pil_names(tree)
    params = []
    a = fn.args
    positional = list(a.posonlyargs) + list(a.args)
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for i, (p, d) in enumerate(zip(positional, defaults)):
        params.append(_param(p, d, "positional", doc, pil_names, i < len(a.posonlyargs)))
    if a.vararg is not None:
        params.append(_param(a.vararg, None, "var_positional", doc, pil_names))
    for p, d in zip(a.kwonlyargs, a.kw_defaults):
        params.append(_param(p, d, "keyword_only", doc, pil_names))
    if a.kwarg is not None:
        params.append(_param(a.kwarg, None, "var_keyword", doc, pil_names))
    if "." in qualname and params and params[0]["name"] in ("self", "cls"):
        params = params[1:]
    returns = None
    if fn.returns is not None:
        returns = {"annotation": ast.unparse(fn.returns), "types": _return_types(fn.returns, pil_names)}
    return {
        "name": fn.name,
        "qualname": qualname,
        "line": fn.lineno,
        "is_async": isinstance(fn, ast.AsyncFunctionDef),
        "summary": doc["summary"],
        "description": doc["description"],
        "params": params,
        "returns": returns,
        "returns_doc": doc["returns"],
        "module_docstring": ast.get_docstring(tree),
    }


def _find(tree: ast.Module, qualname: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    scope: list[ast.stmt] = tree.body
    parts = qualname.split(".")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        match = None
        for node in scope:
            if last and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == part:
                match = node
            elif not last and isinstance(node, ast.ClassDef) and node.name == part:
                match = node
        if match is None:
            return None
        if last:
            return match
        scope = match.body
    return None


def _pil_names(tree: ast.Module) -> set[str]:
    """Names that mean PIL's Image class or module in this file (`from PIL import Image`, `import PIL.Image as I`...)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "PIL":
            names.update(a.asname or a.name for a in node.names if a.name == "Image")
        elif isinstance(node, ast.Import):
            names.update(a.asname for a in node.names if a.name == "PIL.Image" and a.asname)
    return names


def _is_pil(node: ast.expr, pil_names: set[str]) -> bool:
    """PIL.Image.Image, Image.Image (Image from PIL), or a bare name imported as PIL's Image class."""
    text = ast.unparse(node)
    if text in ("PIL.Image.Image", "PIL.Image"):
        return True
    parts = text.split(".")
    return (len(parts) == 2 and parts[1] == "Image" and parts[0] in pil_names) or (len(parts) == 1 and parts[0] in pil_names and parts[0] != "Image")


def _typed(node: ast.expr, pil_names: set[str]) -> dict:
    inner = node
    optional = False
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and (_is_none(node.right) or _is_none(node.left)):
        inner, optional = (node.left if _is_none(node.right) else node.right), True
    elif isinstance(node, ast.Subscript) and _last_name(node.value) == "Optional":
        inner, optional = node.slice, True
    if _is_pil(inner, pil_names):
        return {"type": "IMAGE", "pil": True, **({"optional": True} if optional else {})}
    return annotation_type(node)


def _param(p: ast.arg, default: ast.expr | None, kind: str, doc: dict, pil_names: set[str] = frozenset(), positional_only: bool = False) -> dict:
    out: dict[str, Any] = {"name": p.arg, "kind": kind, "line": p.lineno}
    if positional_only:
        out["positional_only"] = True
    if p.annotation is not None:
        out["annotation"] = ast.unparse(p.annotation)
        out["type"] = _typed(p.annotation, pil_names)
    if default is not None:
        try:
            out["default"] = {"value": ast.literal_eval(default)}
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            out["default"] = {"source": ast.unparse(default)}
        if isinstance(out["default"].get("value"), (set, bytes, complex, tuple)):
            value = out["default"]["value"]
            out["default"] = {"value": list(value)} if isinstance(value, tuple) else {"source": ast.unparse(default)}
    info = doc["params"].get(p.arg)
    if info:
        if info.get("description"):
            out["description"] = info["description"]
        if info.get("type") and "annotation" not in out:
            out["doc_type"] = info["type"]
            out["type"] = _doc_type(info["type"])
    return out


def annotation_type(node: ast.expr) -> dict:
    """A LOKI type for an annotation: {"type": "INT", ...}, "optional" when `| None`; `*` when not understood."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return annotation_type(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return {"type": "*", "understood": False}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = node.left, node.right
        if _is_none(right):
            return {**annotation_type(left), "optional": True}
        if _is_none(left):
            return {**annotation_type(right), "optional": True}
        return {"type": "*", "understood": False}
    if isinstance(node, ast.Subscript):
        head = _last_name(node.value)
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head == "Optional":
            return {**annotation_type(args[0]), "optional": True}
        if head == "Union":
            rest = [a for a in args if not _is_none(a)]
            if len(rest) == 1:
                return {**annotation_type(rest[0]), "optional": len(rest) < len(args)}
            return {"type": "*", "understood": False}
        if head == "Literal":
            try:
                options = [ast.literal_eval(a) for a in args]
            except ValueError:
                return {"type": "*", "understood": False}
            return {"type": "COMBO", "options": [str(o) for o in options]}
        if head == "Annotated":
            base = annotation_type(args[0])
            for meta in args[1:]:
                if isinstance(meta, ast.Call):
                    name = _last_name(meta.func)
                    values = _literal_args(meta)
                    if name == "Range" and values is not None:
                        positional, keywords = values
                        for key, v in zip(("min", "max", "step"), positional):
                            keywords.setdefault(key, v)
                        base.update({k: v for k, v in keywords.items() if k in ("min", "max", "step") and v is not None})
                    elif name == "Multiline":
                        base["multiline"] = True
                    elif name in ("Description", "Doc") and values and values[0]:
                        base["description"] = str(values[0][0])
                elif isinstance(meta, ast.Constant) and isinstance(meta.value, str):
                    base["description"] = meta.value
            return base
        return {"type": "*", "understood": False}
    name = _last_name(node)
    if name in _SIMPLE and (isinstance(node, ast.Name)):
        return {"type": _SIMPLE[name]}
    if name in _LOKI:
        return {"type": _LOKI[name]}
    if name == "Image" or (name in _ARRAYS):
        return {"type": "IMAGE", "assumed": True}
    if _is_none(node):
        return {"type": "*", "understood": False}
    return {"type": "*", "understood": False}


def _return_types(node: ast.expr, pil_names: set[str] = frozenset()) -> list[dict]:
    if isinstance(node, ast.Subscript) and _last_name(node.value) in ("tuple", "Tuple"):
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return [_typed(a, pil_names) for a in args if not (isinstance(a, ast.Constant) and a.value is Ellipsis)]
    if _is_none(node):
        return []
    return [_typed(node, pil_names)]


def _doc_type(text: str) -> dict:
    t = text.strip().split(",")[0].strip()
    t = re.sub(r"\s*optional$", "", t)
    try:
        return annotation_type(ast.parse(t, mode="eval").body)
    except SyntaxError:
        return {"type": "*", "understood": False}


def _literal_args(call: ast.Call) -> tuple[list, dict] | None:
    try:
        return [ast.literal_eval(a) for a in call.args], {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
    except ValueError:
        return None


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None
