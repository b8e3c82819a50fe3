"""What a run shows while it goes: a progress bar on a terminal (tqdm, on stderr; none when redirected) and,
on request, an events log (JSON lines, flushed one by one: the cluster's workers, then each job as it ends)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


class Progress:
    """Counts finished jobs; draws a bar when `enabled` (default: stderr is a terminal)."""

    def __init__(self, total: int, enabled: bool | None = None, events: str | None = None):
        self.total, self.done, self.failed = total, 0, 0
        self.start = time.monotonic()
        show = sys.stderr.isatty() if enabled is None else enabled
        self._bar = None
        if show:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="job", file=sys.stderr, dynamic_ncols=True, leave=True)
        self._events = open(Path(events), "a", encoding="utf-8") if events else None

    def event(self, kind: str, **fields: Any) -> None:
        if self._events is not None:
            self._events.write(json.dumps({"event": kind, "time": round(time.monotonic() - self.start, 3), **fields},
                                          default=str) + "\n")
            self._events.flush()

    def job_done(self, entry: dict[str, Any]) -> None:
        self.done += 1
        self.failed += entry["status"] != "ok"
        self.event("job", id=entry["id"], index=entry["index"], status=entry["status"], worker=entry["worker"],
                   error=entry["error"])
        if self._bar is not None:
            self._bar.set_postfix_str(f"{self.failed} failed" if self.failed else "", refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        if self._events is not None:
            self._events.close()
