"""Seeds with ComfyUI's `control_after_generate`: fixed, increment, decrement, randomize.

The frontend applies the control after a prompt is queued: the first run uses the widget's value, the next run
the value after one step. A `Seed` default on a flow function keeps that state per `Flow` object, so repeated
calls in one process behave like repeated queueing in ComfyUI. An explicit value passed by the caller is used
as is and leaves the state alone.
"""
from __future__ import annotations

import random
from typing import Any

SEED_CONTROLS = ("fixed", "increment", "decrement", "randomize")
SEED_MAX = 0xFFFFFFFFFFFFFFFF
#: The frontend draws random seeds below 2**50 (`Number.MAX_SAFE_INTEGER` limits it; widgets.ts).
RANDOM_LIMIT = 1125899906842624


class Seed:
    """A seed parameter's default: `Seed(42, control="increment")`."""

    def __init__(self, value: int = 0, control: str = "randomize", min: int = 0, max: int = SEED_MAX,
                 step: int = 1, rng: random.Random | None = None):
        if control not in SEED_CONTROLS:
            raise ValueError(f"seed control must be one of {', '.join(SEED_CONTROLS)}; got {control!r}")
        self.value = int(value)
        self.control = control
        # A workflow may hold a seed outside the usual 0..2**64-1 (PrimitiveInt allows negatives): widen, never refuse.
        self.min = int(min) if min <= value else -(2 ** 63 - 1)
        self.max = int(max) if value <= max else self.value
        self.step = int(step)
        self._rng = rng or random.Random()

    def loki_port(self) -> dict[str, Any]:
        """Port fields for the interface (read by `signature.port_from_annotation`)."""
        return {"default": self.value, "min": self.min, "max": self.max,
                "extra": {"control_after_generate": self.control}}

    def state(self) -> "SeedState":
        return SeedState(self)

    def __repr__(self) -> str:
        return f"Seed({self.value}, control={self.control!r})"


class SeedState:
    """The current value of one seed parameter of one Flow object."""

    def __init__(self, seed: Seed):
        self.seed = seed
        self.current = seed.value

    def advance(self) -> int:
        """Applies the control once (after a run), as the frontend does after queueing; returns the new value."""
        s = self.seed
        if s.control == "increment":
            self.current += s.step
            if self.current > s.max:
                self.current = s.min
        elif s.control == "decrement":
            self.current -= s.step
            if self.current < s.min:
                self.current = s.max
        elif s.control == "randomize":
            high = min(s.max, RANDOM_LIMIT)
            self.current = s.min + s._rng.randrange(0, (high - s.min) // s.step + 1) * s.step
        return self.current
