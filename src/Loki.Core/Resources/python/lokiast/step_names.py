"""Names for steps, taken from the code: the comment above a step, the external function it calls, the values it
hands on, the functions it calls. Never a number alone: a clash takes the next word the code offers, and only
when the code has none left a counter is added. Every name is a node folder name (lowercase snake_case)."""
from __future__ import annotations

import keyword
import re

from .cutting import Step

_STOP = {"a", "an", "the", "of", "to", "and", "or", "for", "in", "on", "with", "from", "by", "is", "are", "be", "it",
         "its", "this", "that", "we", "as", "into", "all", "then", "so", "if", "else", "at", "our", "any", "each",
         "now", "here", "there", "which", "what", "will", "can", "may", "not", "no", "do", "does", "has", "have", "use"}
_MAX_WORDS = 3
_MAX_LENGTH = 48


def snake(text: str) -> str:
    """`Split the text (into chunks)` → `split_text_chunks`; `curLen` → `cur_len`."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text.replace("'", "").replace("\u2019", ""))
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w]
    return "_".join(words)


def candidates(step: Step) -> list[str]:
    """Names for `step`, best first."""
    found: list[str] = []
    comment = step.units[0].comment
    if comment:
        words = [w for w in snake(comment).split("_") if w and w not in _STOP and not w.isdigit()]
        if words:
            found.append("_".join(words[:_MAX_WORDS]))
    if step.external or step.callee:
        found.append(snake((step.external or step.callee).split(".")[-1]))
    outputs = [snake(o) for o in step.outputs if snake(o)]
    if outputs:
        found.append("_".join(outputs[:2]))
        found.extend(outputs)
    calls = [snake(c.split(".")[-1]) for u in step.units for c in u.access.calls]
    found.extend(c for c in calls if c)
    found.extend(snake(w) for w in step.writes if snake(w))
    return [n for n in found if n]


def assign(prefix: str, steps: list[Step], taken: set[str]) -> list[str]:
    """One unique node name per step, `<prefix>_<name from the code>` (the prefix is the function's name at every
    depth, so names stay short); `taken` grows with the names given."""
    names = []
    for step in steps:
        options = [_node_name(prefix, c) for c in candidates(step)] or [_node_name(prefix, "values")]
        chosen = next((o for o in options if o not in taken), None)
        if chosen is None:
            base = options[0]
            counter = 2
            while f"{base}_{counter}" in taken:
                counter += 1
            chosen = f"{base}_{counter}"
        taken.add(chosen)
        names.append(chosen)
    return names


def _node_name(prefix: str, name: str) -> str:
    full = f"{prefix}_{name}".strip("_")
    full = re.sub(r"_+", "_", full)[:_MAX_LENGTH].strip("_")
    if not full or not full[0].isalpha():
        full = "step_" + full
    if keyword.iskeyword(full):
        full += "_node"
    return full
