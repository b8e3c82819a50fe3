"""Pre-flight validation of an API prompt against node classes, following ComfyUI's `validate_inputs`.

Everything is checked before anything runs: unknown class types (anywhere in the prompt, as ComfyUI does),
cycles, missing required inputs, broken links, socket type mismatches, constants that do not coerce to their
widget type, values out of range or not among a V1 combo's options, and `VALIDATE_INPUTS`. Every problem is
collected; one `FlowValidationError` reports them all.
"""
from __future__ import annotations

import copy
import inspect
from typing import Any, Iterable

from . import flow_errors as codes
from .flow_errors import FlowError, FlowValidationError, NodeRef
from .graph_builder import is_link


def node_ref(prompt: dict, node_id: str) -> NodeRef:
    node = prompt.get(node_id) or {}
    title = (node.get("_meta") or {}).get("title") if isinstance(node, dict) else None
    return NodeRef(node_id, node.get("class_type") if isinstance(node, dict) else None, title)


def input_spec(input_types: dict, name: str) -> tuple[Any, str | None, dict]:
    """(type, category, options) of a declared input; category None when the input is not declared."""
    for category in ("required", "optional", "hidden"):
        section = input_types.get(category) or {}
        if name in section:
            spec = section[name]
            if isinstance(spec, str):  # V1 hidden entries are plain strings
                return spec, category, {}
            type_ = spec[0] if len(spec) > 0 else None
            options = spec[1] if len(spec) > 1 and isinstance(spec[1], dict) else {}
            return type_, category, options
    return None, None, {}


def types_match(received: Any, expected: Any) -> bool:
    """ComfyUI's `validate_node_input` (non-strict), with V1 combo lists matching combo lists."""
    if isinstance(received, (list, tuple)) or isinstance(expected, (list, tuple)):
        return isinstance(received, (list, tuple)) == isinstance(expected, (list, tuple)) or expected == "COMBO"
    if not received != expected:
        return True
    if not isinstance(received, str) or not isinstance(expected, str):
        return False
    return bool({t.strip() for t in received.split(",")} & {t.strip() for t in expected.split(",")})


def _validate_function(cls) -> tuple[Any, list[str], bool]:
    fn = getattr(cls, "VALIDATE_INPUTS", None)
    if fn is None:
        return None, [], False
    spec = inspect.getfullargspec(fn)
    return fn, list(spec.args), spec.varkw is not None


def find_cycle(prompt: dict, roots: Iterable[str]) -> list[str] | None:
    """The node ids of one cycle reachable from `roots`, or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    for root in roots:
        if state.get(root) == 2:
            continue
        stack = [(root, iter(_upstream(prompt, root)))]
        path = [root]
        state[root] = 1
        while stack:
            node_id, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node_id] = 2
                stack.pop()
                path.pop()
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if state.get(nxt) is None and nxt in prompt:
                state[nxt] = 1
                stack.append((nxt, iter(_upstream(prompt, nxt))))
                path.append(nxt)
    return None


def _upstream(prompt: dict, node_id: str) -> list[str]:
    node = prompt.get(node_id) or {}
    return [v[0] for v in (node.get("inputs") or {}).values() if is_link(v)]


def validate_prompt(prompt: dict, classes: dict, targets: Iterable[str]) -> dict:
    """Checks `prompt` for running `targets`; returns a copy with constants coerced like ComfyUI does."""
    prompt = copy.copy({k: dict(v, inputs=dict(v.get("inputs") or {})) if isinstance(v, dict) else v
                        for k, v in prompt.items()})
    errors: list[FlowError] = []
    for node_id, node in prompt.items():
        if not isinstance(node, dict) or "class_type" not in node:
            errors.append(FlowError(codes.UNKNOWN_NODE_TYPE, "has no class_type", (NodeRef(node_id),)))
        elif node["class_type"] not in classes:
            errors.append(FlowError(codes.UNKNOWN_NODE_TYPE,
                                    f"node type {node['class_type']!r} is not known (not a LOKI node, marker or primitive "
                                    f"the loki backend provides; use --backend comfyui or server)",
                                    (node_ref(prompt, node_id),)))
    targets = list(targets)
    for target in targets:
        if target not in prompt:
            errors.append(FlowError(codes.BAD_OUTPUT, f"output refers to node {target}, which is not in the flow"))
    if errors:
        raise FlowValidationError(errors)
    cycle = find_cycle(prompt, targets)
    if cycle:
        raise FlowValidationError([FlowError(codes.CYCLE, "the flow has a cycle: " + " -> ".join(cycle),
                                             (node_ref(prompt, cycle[0]),))])
    seen: set[str] = set()
    todo = list(targets)
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        errors.extend(_validate_node(prompt, classes, node_id, todo))
    if errors:
        raise FlowValidationError(errors)
    return prompt


def _validate_node(prompt: dict, classes: dict, node_id: str, todo: list[str]) -> list[FlowError]:
    node = prompt[node_id]
    cls = classes[node["class_type"]]
    ref = node_ref(prompt, node_id)
    inputs = node["inputs"]
    declared = cls.INPUT_TYPES()
    vfn, vnames, vkwargs = _validate_function(cls)
    errors: list[FlowError] = []
    names = list((declared.get("required") or {})) + list((declared.get("optional") or {}))
    for name in names:
        type_, category, options = input_spec(declared, name)
        if name not in inputs:
            if category == "required":
                errors.append(FlowError(codes.MISSING_INPUT, f"required input {name!r} is missing", (ref,)))
            continue
        value = inputs[name]
        if isinstance(value, list):
            if not is_link(value):
                errors.append(FlowError(codes.BAD_LINK, f"input {name!r}: a link must be [\"node id\", index]; got {value!r}", (ref,)))
                continue
            source, index = value
            if source not in prompt:
                errors.append(FlowError(codes.BAD_LINK, f"input {name!r} links to node {source}, which is not in the flow", (ref,)))
                continue
            returns = classes[prompt[source]["class_type"]].RETURN_TYPES
            if not 0 <= int(index) < len(returns):
                errors.append(FlowError(codes.BAD_LINK, f"input {name!r} links to output {index} of {node_ref(prompt, source)}, which has {len(returns)} outputs", (ref,)))
                continue
            if options.get("rawLink"):
                todo.append(source)
                continue
            if "input_types" not in vnames and not types_match(returns[int(index)], type_):
                errors.append(FlowError(codes.TYPE_MISMATCH, f"input {name!r} expects {type_} but {node_ref(prompt, source)} gives {returns[int(index)]}", (ref,)))
                continue
            todo.append(source)
            continue
        if isinstance(value, dict) and "__value__" in value:
            value = inputs[name] = value["__value__"]
        if isinstance(value, (str, int, float, bool)) or value is None:
            try:
                value = _coerce(type_, value)
                inputs[name] = value
            except (TypeError, ValueError) as ex:
                errors.append(FlowError(codes.BAD_VALUE, f"input {name!r}: {value!r} is not a valid {type_} ({ex})", (ref,)))
                continue
        if name in vnames or vkwargs:
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "min" in options and value < options["min"]:
                errors.append(FlowError(codes.VALUE_OUT_OF_RANGE, f"input {name!r}: {value} is smaller than min {options['min']}", (ref,)))
                continue
            if "max" in options and value > options["max"]:
                errors.append(FlowError(codes.VALUE_OUT_OF_RANGE, f"input {name!r}: {value} is bigger than max {options['max']}", (ref,)))
                continue
        if isinstance(type_, (list, tuple)) and value not in type_:
            shown = list(type_) if len(type_) <= 20 else f"a list of {len(type_)} options"
            errors.append(FlowError(codes.VALUE_NOT_IN_OPTIONS, f"input {name!r}: {value!r} is not one of {shown}", (ref,)))
    if vfn is not None and (vnames or vkwargs) and not errors:
        errors.extend(_custom_validation(vfn, vnames, vkwargs, inputs, ref))
    return errors


def _coerce(type_: Any, value: Any) -> Any:
    if type_ == "INT":
        return int(value)
    if type_ == "FLOAT":
        return float(value)
    if type_ == "STRING":
        return str(value)
    if type_ == "BOOLEAN":
        return bool(value)
    return value


def _custom_validation(vfn, vnames, vkwargs, inputs, ref) -> list[FlowError]:
    args = {k: (None if is_link(v) else v) for k, v in inputs.items() if k in vnames or vkwargs}
    if "input_types" in vnames:
        args["input_types"] = {}
    try:
        result = vfn(**args)
    except Exception as ex:  # a node's own validator failing is a validation error, not a crash
        return [FlowError(codes.BAD_VALUE, f"VALIDATE_INPUTS raised {type(ex).__name__}: {ex}", (ref,))]
    if result is True:
        return []
    return [FlowError(codes.BAD_VALUE, f"custom validation failed: {result}", (ref,))]
