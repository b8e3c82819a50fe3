"""Errors of the flow runtime: a stable code (mirrored in LokiCodes.cs, LOKI3150-3199) and the node at fault."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import LokiError

UNKNOWN_NODE_TYPE = "LOKI3150"
MISSING_INPUT = "LOKI3151"
BAD_LINK = "LOKI3152"
TYPE_MISMATCH = "LOKI3153"
BAD_VALUE = "LOKI3154"
VALUE_OUT_OF_RANGE = "LOKI3155"
CYCLE = "LOKI3156"
NODE_FAILED = "LOKI3157"
BACKEND_UNAVAILABLE = "LOKI3158"
SERVER_REJECTED = "LOKI3159"
BAD_OUTPUT = "LOKI3160"
BAD_MARKER = "LOKI3161"
DUPLICATE_NODE = "LOKI3162"
BAD_FLOW_FILE = "LOKI3163"


@dataclass(frozen=True)
class NodeRef:
    """Identifies a node for messages: its id, its title (`_meta.title`) and its class type."""

    node_id: str
    class_type: str | None = None
    title: str | None = None

    def __str__(self) -> str:
        parts = [f"node {self.node_id}"]
        if self.title and self.title != self.class_type:
            parts.append(repr(self.title))
        if self.class_type:
            parts.append(f"({self.class_type})")
        return " ".join(parts)


class FlowError(LokiError):
    """A flow could not be validated or run. `code` is stable; `nodes` is the chain outer → inner."""

    def __init__(self, code: str, message: str, nodes: tuple[NodeRef, ...] = (), details: list[str] | None = None):
        self.code = code
        self.message = message
        self.nodes = tuple(nodes)
        self.details = list(details or [])
        super().__init__(self._render())

    @property
    def node(self) -> NodeRef | None:
        """The innermost node at fault."""
        return self.nodes[-1] if self.nodes else None

    def within(self, outer: NodeRef) -> "FlowError":
        """The same error seen from an enclosing flow node (the chain grows outwards)."""
        return FlowError(self.code, self.message, (outer, *self.nodes), self.details)

    def _render(self) -> str:
        where = ""
        if self.nodes:
            where = " inside ".join(str(n) for n in reversed(self.nodes)) + ": "
        text = f"{self.code} {where}{self.message}"
        if self.details:
            text += "".join(f"\n  {d}" for d in self.details)
        return text


class FlowValidationError(FlowError):
    """Pre-flight validation found problems; `errors` holds every one of them."""

    def __init__(self, errors: list[FlowError]):
        self.errors = list(errors)
        first = self.errors[0]
        rest = [str(e) for e in self.errors[1:]]
        super().__init__(first.code, first.message, first.nodes, first.details + rest)
