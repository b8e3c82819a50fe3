"""Cuts a function body into its largest meaningful steps by data flow.

A unit is one top-level statement of the body (with the comment lines right above it); control flow stays
inside its statement, so inside one step. Units are grouped into contiguous steps:

1. paragraphs first: a blank line or a comment before a statement starts a step, and a statement whose value is
   a call into an external package (not the function's own package, not the standard library), or a call into
   the module's own function that is decomposed in turn (`callees`), is a step alone;
   a body with no paragraphs is cut statement by statement;
2. paragraphs shorter than `min_lines` are merged into the neighbour they exchange most values with (the previous
   one on a tie); statements (no paragraphs, or a step cut again) are gathered in order until a step has
   `min_lines`, a short tail joining the last step; external calls are never merged; a step whose values nobody
   uses joins the previous step.

Each step then reads the values defined before it that it uses (its inputs) and hands on the values it binds
that a later step or the caller needs (its outputs).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from .dataflow import Access, call_name, statement_access


@dataclass
class Unit:
    stmt: ast.stmt
    first_line: int          # the first comment line above the statement, else the statement's line
    access: Access
    comment: str             # the comment right above the statement ("" when none)
    paragraph: bool          # a blank line or a comment separates it from the previous statement
    external: str            # the external callee when the statement is a call into an external package
    is_return: bool = False
    callee: str = ""         # the module's own function the statement calls, when that call is decomposed too

    @property
    def alone(self) -> bool:
        """A step of its own, never merged: an external call, or a call decomposed in turn."""
        return bool(self.external or self.callee)

    @property
    def last_line(self) -> int:
        return self.stmt.end_lineno or self.stmt.lineno

    @property
    def lines(self) -> int:
        return self.last_line - self.stmt.lineno + 1


@dataclass
class Step:
    units: list[Unit]
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    @property
    def lines(self) -> int:
        return sum(u.lines for u in self.units)

    @property
    def external(self) -> str:
        return self.units[0].external if len(self.units) == 1 else ""

    @property
    def callee(self) -> str:
        return self.units[0].callee if len(self.units) == 1 else ""

    @property
    def alone(self) -> bool:
        return len(self.units) == 1 and self.units[0].alone

    @property
    def reads(self) -> list[str]:
        return _ordered(n for u in self.units for n in u.access.reads)

    @property
    def writes(self) -> list[str]:
        return _ordered(n for u in self.units for n in u.access.writes)

    @property
    def returns(self) -> bool:
        return any(u.is_return for u in self.units)


def units_of(statements: list[ast.stmt], lines: list[str], external_roots: dict[str, str],
             callees: dict[int, str] | None = None) -> list[Unit]:
    """One unit per statement. `lines` is the source split in lines; `external_roots` maps a module-level name to
    the external module it was imported from; `callees` the statements (by `id`) that call a function decomposed in
    turn to that function's name."""
    units = []
    previous_end = None
    for stmt in statements:
        start = stmt.lineno
        comment_lines = []
        line = start - 1
        while line >= 1 and lines[line - 1].strip().startswith("#") and (previous_end is None or line > previous_end):
            comment_lines.insert(0, lines[line - 1].strip().lstrip("#").strip())
            line -= 1
        first = line + 1
        blank = previous_end is not None and any(not lines[i - 1].strip() for i in range(previous_end + 1, first))
        access = statement_access(stmt)
        is_return = isinstance(stmt, ast.Return)
        units.append(Unit(stmt, first, access, " ".join(c for c in comment_lines if c), bool(comment_lines) or blank,
                          _external_call(stmt, external_roots), is_return, (callees or {}).get(id(stmt), "")))
        previous_end = stmt.end_lineno or stmt.lineno
    return units


def cut(units: list[Unit], available: list[str], needed: list[str], min_lines: int, paragraphs: bool = True,
        result: str = "result") -> list[Step]:
    """Groups `units` into steps. `available` are the names defined before the first unit (parameters),
    `needed` the names wanted after the last one; the step holding the final `return` hands on `result`."""
    steps = _segments(units, paragraphs)
    steps = _merge_small(steps, min_lines) if len(steps) < len(units) else _gather(steps, min_lines)
    _bind(steps, available, needed, result)
    steps = _merge_silent(steps)
    _bind(steps, available, needed, result)
    return steps


def _segments(units: list[Unit], paragraphs: bool) -> list[Step]:
    steps: list[Step] = []
    for i, unit in enumerate(units):
        starts = i == 0 or unit.alone or units[i - 1].alone or (unit.paragraph if paragraphs else True)
        if starts:
            steps.append(Step([unit]))
        else:
            steps[-1].units.append(unit)
    if paragraphs and len(steps) == 1:
        return _segments(units, paragraphs=False)
    return steps


def _shared(a: Step, b: Step) -> int:
    """How many values the two steps exchange (either way)."""
    return len(set(a.writes) & set(b.reads)) + len(set(b.writes) & set(a.reads))


def _merge_small(steps: list[Step], min_lines: int) -> list[Step]:
    steps = list(steps)
    while True:
        small = [i for i, s in enumerate(steps) if s.lines < min_lines and not s.alone and _neighbours(steps, i)]
        if not small:
            return steps
        i = min(small, key=lambda k: (steps[k].lines, k))
        j = max(_neighbours(steps, i), key=lambda k: (_shared(steps[i], steps[k]), k < i))
        lo, hi = min(i, j), max(i, j)
        steps[lo:hi + 1] = [Step(steps[lo].units + steps[hi].units)]


def _gather(steps: list[Step], min_lines: int) -> list[Step]:
    """One statement per step so far: gathered in order into steps of at least `min_lines` lines."""
    gathered: list[Step] = []
    open_step: Step | None = None
    for step in steps:
        if step.alone:
            gathered.append(step)
            open_step = None
        elif open_step is None or open_step.lines >= min_lines:
            open_step = Step(list(step.units))
            gathered.append(open_step)
        else:
            open_step.units.extend(step.units)
    return _merge_small(gathered, min_lines)


def _neighbours(steps: list[Step], i: int) -> list[int]:
    return [k for k in (i - 1, i + 1) if 0 <= k < len(steps) and not steps[k].alone]


def _merge_silent(steps: list[Step]) -> list[Step]:
    """A step that hands nothing on (dead values, side effects) cannot stand alone in a flow: it joins the previous."""
    merged: list[Step] = []
    for step in steps:
        if merged and not step.outputs:
            merged[-1] = Step(merged[-1].units + step.units)
        else:
            merged.append(step)
    if len(merged) > 1 and not merged[0].outputs:
        merged[0:2] = [Step(merged[0].units + merged[1].units)]
    return merged


def _bind(steps: list[Step], available: list[str], needed: list[str], result: str) -> None:
    local = set(available) | {n for s in steps for n in s.writes}
    defined = list(available)
    for i, step in enumerate(steps):
        later = {n for s in steps[i + 1:] for n in s.reads} | set(needed)
        maybe = {n for u in step.units for n in u.access.maybe}
        wanted = [n for n in step.reads if n in local] + [n for n in step.writes if n in maybe]
        step.inputs = [n for n in _ordered(wanted) if n in defined]
        step.outputs = [result] if step.returns else [n for n in step.writes if n in later]
        defined = _ordered(defined + step.writes)


def _external_call(stmt: ast.stmt, external_roots: dict[str, str]) -> str:
    value = stmt.value if isinstance(stmt, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return)) else None
    if not isinstance(value, ast.Call):
        return ""
    name = call_name(value.func)
    root = name.split(".")[0]
    return name if root in external_roots else ""


def _ordered(names) -> list[str]:
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen
