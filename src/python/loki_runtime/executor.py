"""The LOKI executor: runs an API prompt with V1 node classes, following ComfyUI's node contract.

What it follows (`execution.py` of ComfyUI 0.3.64): nodes run in dependency order from the requested outputs
and every output node; every value is a list internally and a node without `INPUT_IS_LIST` is called once per
index of its longest input (shorter lists repeat their last item); `OUTPUT_IS_LIST` outputs are concatenated
across calls; hidden inputs (`PROMPT`, `DYNPROMPT`, `UNIQUE_ID`, `EXTRA_PNGINFO`); `rawLink` inputs receive the
link itself; lazy inputs with `check_lazy_status`; `ExecutionBlocker`; async functions; node expansion
(`{"result": ..., "expand": graph}`: ephemeral nodes with parent and display ids, inner output nodes run,
linked results flattened). Each node runs at most once per run (the cache of one run). Errors name the node
id, title and type, and for expanded nodes the chain of enclosing nodes.
"""
from __future__ import annotations

import asyncio
import inspect
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import flow_errors as codes
from .flow_errors import FlowError, NodeRef
from .graph_builder import is_execution_blocker, is_link, set_default_prefix
from .validation import input_spec, validate_prompt


class DynamicPrompt:
    """The prompt of one run plus the ephemeral nodes that expansions add (ComfyUI's `DynamicPrompt`)."""

    def __init__(self, prompt: dict):
        self.original_prompt = prompt
        self.ephemeral_prompt: dict[str, dict] = {}
        self.ephemeral_parents: dict[str, str] = {}
        self.ephemeral_display: dict[str, str] = {}

    def get_node(self, node_id: str) -> dict:
        if node_id in self.ephemeral_prompt:
            return self.ephemeral_prompt[node_id]
        if node_id in self.original_prompt:
            return self.original_prompt[node_id]
        raise KeyError(node_id)

    def has_node(self, node_id: str) -> bool:
        return node_id in self.original_prompt or node_id in self.ephemeral_prompt

    def add_ephemeral_node(self, node_id: str, node_info: dict, parent_id: str, display_id: str) -> None:
        self.ephemeral_prompt[node_id] = node_info
        self.ephemeral_parents[node_id] = parent_id
        self.ephemeral_display[node_id] = display_id

    def get_real_node_id(self, node_id: str) -> str:
        while node_id in self.ephemeral_parents:
            node_id = self.ephemeral_parents[node_id]
        return node_id

    def get_parent_node_id(self, node_id: str) -> str | None:
        return self.ephemeral_parents.get(node_id)

    def get_display_node_id(self, node_id: str) -> str:
        while node_id in self.ephemeral_display:
            node_id = self.ephemeral_display[node_id]
        return node_id

    def all_node_ids(self) -> set[str]:
        return set(self.original_prompt) | set(self.ephemeral_prompt)

    def get_original_prompt(self) -> dict:
        return self.original_prompt


@dataclass
class RunResult:
    """What one run produced: every node's output lists, UI payloads, and the order nodes ran in."""

    outputs: dict[str, list[list]] = field(default_factory=dict)
    ui: dict[str, dict] = field(default_factory=dict)
    executed: list[str] = field(default_factory=list)

    def value(self, link: list) -> Any:
        """The value behind a link: the single item, or the whole list when the output holds several."""
        items = self.outputs[link[0]][int(link[1])]
        items = [None if is_execution_blocker(i) else i for i in items]
        return items[0] if len(items) == 1 else items


class LokiExecutor:
    """Runs prompts with the given node classes (`{class_type: class}`)."""

    def __init__(self, classes: dict, extra_data: dict | None = None):
        self.classes = classes
        self.extra_data = extra_data or {}

    def validate(self, prompt: dict, targets: Iterable[str]) -> dict:
        return validate_prompt(prompt, self.classes, targets)

    def output_nodes(self, prompt: dict) -> list[str]:
        return [nid for nid, node in prompt.items()
                if getattr(self.classes.get(node.get("class_type")), "OUTPUT_NODE", False) is True]

    def run(self, prompt: dict, targets: Iterable[str] = (), validate: bool = True) -> RunResult:
        """Runs every output node of `prompt` and the nodes in `targets` (and what they depend on)."""
        targets = list(dict.fromkeys([*self.output_nodes(prompt), *targets]))
        if validate:
            prompt = self.validate(prompt, targets)
        run = _Run(self, DynamicPrompt(prompt))
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 20000))
        try:
            for target in targets:
                run.ensure(target)
        finally:
            sys.setrecursionlimit(limit)
        return run.result


class _Run:
    def __init__(self, executor: LokiExecutor, dynprompt: DynamicPrompt):
        self.executor = executor
        self.classes = executor.classes
        self.dynprompt = dynprompt
        self.result = RunResult()
        self.objects: dict[str, Any] = {}
        self.running: set[str] = set()

    # ---- identification -----------------------------------------------------------------------------

    def ref(self, node_id: str) -> NodeRef:
        node = self.dynprompt.get_node(node_id) if self.dynprompt.has_node(node_id) else {}
        title = (node.get("_meta") or {}).get("title")
        return NodeRef(node_id, node.get("class_type"), title)

    def chain(self, node_id: str) -> tuple[NodeRef, ...]:
        refs = [self.ref(node_id)]
        while node_id in self.dynprompt.ephemeral_parents:
            node_id = self.dynprompt.ephemeral_parents[node_id]
            refs.append(self.ref(node_id))
        return tuple(reversed(refs))

    # ---- execution ---------------------------------------------------------------------------------

    def ensure(self, node_id: str) -> list[list]:
        if node_id in self.result.outputs:
            return self.result.outputs[node_id]
        if node_id in self.running:
            raise FlowError(codes.CYCLE, "the flow has a cycle through this node", self.chain(node_id))
        if not self.dynprompt.has_node(node_id):
            raise FlowError(codes.BAD_LINK, f"a link points to node {node_id}, which does not exist")
        self.running.add(node_id)
        try:
            output = self._execute(node_id)
        finally:
            self.running.discard(node_id)
        self.result.outputs[node_id] = output
        self.result.executed.append(node_id)
        return output

    def _execute(self, node_id: str) -> list[list]:
        node = self.dynprompt.get_node(node_id)
        class_type = node.get("class_type")
        cls = self.classes.get(class_type)
        if cls is None:
            raise FlowError(codes.UNKNOWN_NODE_TYPE, f"node type {class_type!r} is not known", self.chain(node_id))
        declared = cls.INPUT_TYPES()
        obj = self.objects.get(node_id)
        if obj is None:
            obj = self.objects[node_id] = cls()
        data: dict[str, list] = {}
        lazy_pending: list[str] = []
        has_lazy_check = getattr(obj, "check_lazy_status", None) is not None
        for name, value in (node.get("inputs") or {}).items():
            _, category, options = input_spec(declared, name)
            if is_link(value) and not options.get("rawLink", False):
                if options.get("lazy") and has_lazy_check:
                    lazy_pending.append(name)
                    continue
                data[name] = self._linked(node_id, name, value)
            elif category is not None:
                data[name] = [value]
        self._hidden(declared, node_id, data)
        inputs = node.get("inputs") or {}
        try:
            while lazy_pending:
                probe = dict(data, **{n: [None] for n in lazy_pending})
                wanted = self._map(obj, cls, node_id, probe, "check_lazy_status")
                requested = {n for r in wanted if isinstance(r, list) for n in r if n in lazy_pending}
                if not requested:
                    break
                for name in requested:
                    data[name] = self._linked(node_id, name, inputs[name])
                    lazy_pending.remove(name)
            for name in lazy_pending:
                data[name] = [None]
            returns = self._map(obj, cls, node_id, data, cls.FUNCTION, prefix=True)
        except FlowError:
            raise
        except Exception as ex:
            raise FlowError(codes.NODE_FAILED, f"{type(ex).__name__}: {ex}", self.chain(node_id)) from ex
        return self._outputs(node_id, cls, returns)

    def _linked(self, node_id: str, name: str, link: list) -> list:
        source, index = link[0], int(link[1])
        outputs = self.ensure(source)
        if index >= len(outputs):
            raise FlowError(codes.BAD_LINK, f"input {name!r} links to output {index} of node {source}, "
                                            f"which has {len(outputs)} outputs", self.chain(node_id))
        return outputs[index]

    def _hidden(self, declared: dict, node_id: str, data: dict) -> None:
        for name, kind in (declared.get("hidden") or {}).items():
            kind = kind[0] if isinstance(kind, (list, tuple)) else kind
            if kind == "PROMPT":
                data[name] = [self.dynprompt.get_original_prompt()]
            elif kind == "DYNPROMPT":
                data[name] = [self.dynprompt]
            elif kind == "EXTRA_PNGINFO":
                data[name] = [self.executor.extra_data.get("extra_pnginfo")]
            elif kind == "UNIQUE_ID":
                data[name] = [node_id]

    def _map(self, obj, cls, node_id: str, data: dict, function: str, prefix: bool = False) -> list:
        """Calls `function` once per list index (or once with whole lists for INPUT_IS_LIST)."""
        fn = getattr(obj, function)
        calls: list[dict] = []
        if getattr(cls, "INPUT_IS_LIST", False):
            calls.append(data)
        elif not data:
            calls.append({})
        else:
            longest = max(len(v) for v in data.values())
            calls.extend({k: v[i if len(v) > i else -1] for k, v in data.items()} for i in range(longest))
        results = []
        for index, args in enumerate(calls):
            blocker = self._blocker(args, getattr(cls, "INPUT_IS_LIST", False))
            if blocker is not None:
                if blocker.message is not None:
                    raise FlowError(codes.NODE_FAILED, f"execution blocked: {blocker.message}", self.chain(node_id))
                results.append(blocker)
                continue
            if prefix:
                set_default_prefix(node_id, index, 0)
            value = fn(**args)
            if inspect.isawaitable(value):
                value = asyncio.run(_await(value))
            results.append(value)
        return results

    @staticmethod
    def _blocker(args: dict, input_is_list: bool):
        for value in args.values():
            for item in (value if input_is_list else [value]):
                if is_execution_blocker(item):
                    return item
        return None

    def _outputs(self, node_id: str, cls, returns: list) -> list[list]:
        n_out = len(cls.RETURN_TYPES)
        plain, expansions, uis = [], [], []
        for r in returns:
            if isinstance(r, dict):
                if "ui" in r:
                    uis.append(r["ui"])
                result = r.get("result")
                if is_execution_blocker(result):
                    result = tuple([result] * n_out)
                if "expand" in r:
                    expansions.append((r["expand"], result))
                elif "result" in r:
                    plain.append(result)
                    expansions.append((None, result))
            else:
                if is_execution_blocker(r):
                    r = tuple([r] * n_out)
                if r is None:
                    raise FlowError(codes.NODE_FAILED, "the node returned None; a V1 node returns a tuple",
                                    self.chain(node_id))
                plain.append(r)
                expansions.append((None, r))
        if uis:
            self.result.ui[node_id] = {k: [y for x in uis for y in x[k]] for k in uis[0].keys()}
        if any(graph is not None for graph, _ in expansions):
            resolved = [result if graph is None else self._expand(node_id, graph, result)
                        for graph, result in expansions]
            return merge_result_data(resolved, cls)
        return merge_result_data(plain, cls) if plain else []

    def _expand(self, node_id: str, graph: dict, result) -> tuple:
        display = self.dynprompt.get_display_node_id(node_id)
        for inner_id in graph:
            if self.dynprompt.has_node(inner_id):
                raise FlowError(codes.DUPLICATE_NODE, f"expansion adds node {inner_id}, which already exists; "
                                                      "build expansions with GraphBuilder", self.chain(node_id))
        outputs = []
        for inner_id, info in graph.items():
            self.dynprompt.add_ephemeral_node(inner_id, info, node_id, info.get("override_display_id", display))
            inner_cls = self.classes.get(info.get("class_type"))
            if inner_cls is None:
                raise FlowError(codes.UNKNOWN_NODE_TYPE, f"node type {info.get('class_type')!r} is not known",
                                self.chain(inner_id))
            if getattr(inner_cls, "OUTPUT_NODE", False) is True:
                outputs.append(inner_id)
        for inner_id in outputs:
            self.ensure(inner_id)
        resolved = []
        for item in result or ():
            if is_link(item):
                resolved.extend(self.ensure(item[0])[int(item[1])])
            else:
                resolved.append(item)
        return tuple(resolved)


async def _await(value):
    return await value


def merge_result_data(results: list, cls) -> list[list]:
    """ComfyUI's `merge_result_data`: per-call tuples → one list per output."""
    if not results:
        return []
    n = len(results[0])
    output_is_list = list(getattr(cls, "OUTPUT_IS_LIST", None) or [False] * n)
    output_is_list += [False] * (n - len(output_is_list))
    merged = []
    for i in range(n):
        if output_is_list[i]:
            value = []
            for r in results:
                if is_execution_blocker(r[i]):
                    value.append(r[i])
                else:
                    value.extend(r[i])
            merged.append(value)
        else:
            merged.append([r[i] for r in results])
    return merged
