"""Errors raised by the runtime, carrying the stable LOKI codes of ``src/Loki.Core/Diagnostics/LokiCodes.cs``.

Config problems use the config range (LOKI0100-0199) so that a message from Python and one from the C# reader mean
the same thing. Both render like ``LokiDiagnostic.ToString()``: ``file(line): error LOKI0101: message [at $.path]``.
"""
from __future__ import annotations

CONFIG_INVALID_JSON = "LOKI0100"
CONFIG_BAD_FIELD = "LOKI0101"
CONFIG_BAD_PORT_TYPE = "LOKI0102"
CONFIG_BAD_DEFAULT = "LOKI0103"
CONFIG_DUPLICATE_PORT = "LOKI0104"
FILE_NOT_FOUND = "LOKI0001"
FILE_UNREADABLE = "LOKI0002"


class Diagnostic:
    """One problem: a code, a message and where it is (file, JSON path, line)."""

    __slots__ = ("code", "message", "file", "json_path", "line")

    def __init__(self, code: str, message: str, file: str | None = None, json_path: str | None = None,
                 line: int = 0) -> None:
        self.code = code
        self.message = message
        self.file = file
        self.json_path = json_path
        self.line = line

    def __str__(self) -> str:
        place = self.file or "loki"
        if self.line > 0:
            place += f"({self.line})"
        at = f" [at {self.json_path}]" if self.json_path else ""
        return f"{place}: error {self.code}: {self.message}{at}"

    def __repr__(self) -> str:
        return f"Diagnostic({str(self)!r})"


class LokiError(Exception):
    """Base of every error the runtime raises on purpose (as opposed to bugs)."""


class ConfigError(LokiError):
    """An interface (``<n>.json`` or a function signature) cannot be used. ``diagnostics`` lists every problem."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        first = str(self.diagnostics[0]) if self.diagnostics else "invalid interface"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (and {more} more)" if more > 0 else ""))

    @property
    def codes(self) -> list[str]:
        """The codes of all problems, in order."""
        return [d.code for d in self.diagnostics]


class InputError(LokiError, ValueError):
    """A value given for an input is unusable (wrong type, out of range, not an option, unreadable file)."""

    def __init__(self, port: str, message: str) -> None:
        self.port = port
        super().__init__(f"{port}: {message}")
