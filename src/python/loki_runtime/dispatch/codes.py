"""The dispatcher's codes (LokiCodes.cs, LOKI8040-8079) and its one error type.

A problem in a jobs file names the file and the line (`jobs.jsonl(7): error LOKI8041: ...`), as every LOKI
diagnostic does; a job that fails carries the code of what failed (a flow's LOKI3151...) or one of these.
"""
from __future__ import annotations

from ..errors import Diagnostic, LokiError

JOBS_INVALID_JSON = "LOKI8040"
JOB_BAD_FIELD = "LOKI8041"
JOB_FLOW_NOT_FOUND = "LOKI8042"
JOB_UNKNOWN_INPUT = "LOKI8043"
JOB_INPUT_FILE_NOT_FOUND = "LOKI8044"
CSV_MALFORMED = "LOKI8045"
NO_JOBS = "LOKI8046"
BAD_OPTIONS = "LOKI8047"
CLUSTER_UNAVAILABLE = "LOKI8048"
NO_WORKER_FOR_RESOURCES = "LOKI8049"
WORKER_DIED = "LOKI8050"
JOB_FAILED = "LOKI8051"
OUTPUT_NOT_WRITTEN = "LOKI8052"
JOBS_FAILED = "LOKI8053"
JOB_BAD_VALUE = "LOKI8054"


class DispatchError(LokiError):
    """Problems found before any job runs (bad jobs file, bad options, no cluster): one diagnostic per problem."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @classmethod
    def one(cls, code: str, message: str, file: str | None = None, line: int = 0) -> "DispatchError":
        return cls([Diagnostic(code, message, file, line=line)])
