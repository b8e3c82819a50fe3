"""Errors of the flow runtime: a stable code (the codes of LokiCodes.cs, LOKI3000-3014 and LOKI3150-3199) and the node at fault."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import LokiError

# The same problem has the same code at conversion time (C#) and at run time (here): LokiCodes.cs LOKI3000-3014.
CYCLE = "LOKI3000"
UNKNOWN_NODE_TYPE = "LOKI3001"
MISSING_INPUT = "LOKI3002"
VALUE_OUT_OF_RANGE = "LOKI3003"
VALUE_NOT_IN_OPTIONS = "LOKI3004"
BAD_LINK = "LOKI3005"
BAD_VALUE = "LOKI3006"
BAD_MARKER = "LOKI3010"
DUPLICATE_INPUT = "LOKI3011"
OUTPUT_UNCONNECTED = "LOKI3012"
DUPLICATE_OUTPUT = "LOKI3013"
NO_OUTPUTS = "LOKI3014"
# Run-time only (LOKI3150-3199, the flow runtime's part of the range).
TYPE_MISMATCH = "LOKI3150"
NODE_FAILED = "LOKI3151"
BACKEND_UNAVAILABLE = "LOKI3152"
SERVER_REJECTED = "LOKI3153"
DUPLICATE_NODE = "LOKI3154"
BAD_FLOW_FILE = "LOKI3155"
BAD_OUTPUT = "LOKI3156"


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
