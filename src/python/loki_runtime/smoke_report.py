"""The smoke runner's summary table and JSON report."""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path


def counts(runs) -> dict:
    """``{"passed": n, "failed": n, "skipped": n}``."""
    result = {"passed": 0, "failed": 0, "skipped": 0}
    for run in runs:
        result[run.status] += 1
    return result


def table(runs) -> str:
    """A fixed-width table: one row per run, then one summary line."""
    header = ("node", "example", "kind", "device", "script", "node", "result")
    rows = [header] + [(r.node, r.example, r.kind, r.device, _secs(r.script_seconds), _secs(r.node_seconds),
                        r.status + (f": {r.reason}" if r.reason else "")) for r in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1] for row in rows]
    lines.insert(1, "-" * max(len(line) for line in lines))
    c = counts(runs)
    nodes = len({r.node for r in runs})
    lines.append("")
    lines.append(f"smoke: {nodes} nodes, {len(runs)} runs: {c['passed']} passed, {c['failed']} failed, {c['skipped']} skipped")
    return "\n".join(lines)


def write_json(runs, path: str | os.PathLike, meta: dict) -> None:
    """The report: every run with its times and reasons, the counts, and how the run was made."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {"summary": counts(runs), **meta, "runs": [asdict(r) for r in runs]}
    target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _secs(value) -> str:
    return "-" if value is None else f"{value:.2f}s"
