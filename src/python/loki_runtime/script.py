"""LOKI Script: one function usable from the shell, from Python and (through :mod:`comfy_adapter`) from ComfyUI.

    from loki_runtime import script

    @script.entry(__file__)
    def run(image, radius=3):
        ...                       # image: numpy float32 [B,H,W,C] in 0..1
        return {"image": result}

    if __name__ == "__main__":
        raise SystemExit(run.main())

``entry`` reads the interface from ``<n>.json`` beside the script, or infers it from the function's signature.
The returned :class:`Script` is callable (``run(image="in.png", radius=5)`` returns the outputs in memory) and
has ``main(argv)``, the command line (see :mod:`loki_runtime.cli` and ``docs/script-contract.md``).
This module imports nothing heavy, so ``--help`` stays fast.
"""
from __future__ import annotations

import functools
import inspect
import os
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from . import files
from .errors import CONFIG_BAD_FIELD, ConfigError, Diagnostic, InputError, LokiError
from .interface import Interface, Port, from_config, from_function


@dataclass(frozen=True)
class Option:
    """A runtime option of a script, not a port: a command-line flag passed to the function as a keyword argument.

    Flows use these (``--backend``, ``--server``...). ``flag`` defaults to ``--<name>`` with dashes; ``env`` names
    an environment variable that supplies the default.
    """

    name: str
    help: str = ""
    default: Any = None
    choices: tuple | None = None
    flag: str | None = None
    env: str | None = None

    @property
    def option_string(self) -> str:
        return self.flag or "--" + self.name.replace("_", "-")

    def resolved_default(self) -> Any:
        return os.environ.get(self.env, self.default) if self.env else self.default


class Script:
    """A function with a LOKI interface. Call it like the function; ``main()`` is its command line."""

    def __init__(self, function: Callable, interface: Interface, folder: str | os.PathLike,
                 config_path: str | None = None, options: Sequence[Option] = ()) -> None:
        self.function = function
        self.interface = interface
        self.folder = Path(folder)
        self.config_path = config_path
        self.options = tuple(options)
        functools.update_wrapper(self, function)
        parameters = inspect.signature(function).parameters.values()
        self._takes_any = any(p.kind == p.VAR_KEYWORD for p in parameters)
        self._parameters = {p.name for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}

    @property
    def name(self) -> str:
        return self.interface.name

    @property
    def default_output_dir(self) -> Path:
        """Where ``main()`` writes outputs unless ``--output`` says otherwise: ``<node folder>/output``."""
        return self.folder / "output"

    def __call__(self, *args: Any, **inputs: Any) -> dict[str, Any]:
        """Runs the function: inputs are checked and loaded (paths → arrays), outputs returned as a dict.

        Keyword arguments named after one of the script's :class:`Option` s are passed to the function as given.
        """
        option_names = {o.name for o in self.options}
        options = {k: inputs.pop(k) for k in list(inputs) if k in option_names}
        return self.invoke(self.prepare_inputs(self._bind_positional(args, inputs)), options)

    def invoke(self, prepared: dict[str, Any], options: dict[str, Any] | None = None) -> dict[str, Any]:
        """Calls the function with inputs already through :meth:`prepare_inputs` (and runtime options)."""
        arguments = {**prepared, **(options or {})}
        result = self.function(**{k: v for k, v in arguments.items() if self._takes_any or k in self._parameters})
        return self.collect_outputs(result)

    def prepare_inputs(self, values: dict[str, Any]) -> dict[str, Any]:
        """Checks names, fills defaults, coerces widgets and loads file inputs (raises :class:`InputError`)."""
        known = set(self.interface.input_names)
        for name in values:
            if name not in known:
                raise InputError(name, f"unknown input (inputs: {', '.join(self.interface.input_names) or 'none'})")
        prepared: dict[str, Any] = {}
        for port in self.interface.inputs:
            value = values.get(port.name)
            if value is not None:
                prepared[port.name] = files.load_input(port, value)
            elif port.has_default:
                prepared[port.name] = files.load_input(port, port.default)
            elif port.required:
                raise InputError(port.name, "is required")
        return prepared

    def collect_outputs(self, result: Any) -> dict[str, Any]:
        """The function's return value as ``{output_name: value}`` in the runtime's forms (numpy arrays...)."""
        ports = self.interface.outputs
        if isinstance(result, dict) and self._is_output_mapping(result):
            raw = dict(result)
        elif not ports:
            raw = {} if result is None else {"result": result}
        elif len(ports) > 1 and isinstance(result, (tuple, list)) and len(result) == len(ports):
            raw = {p.name: v for p, v in zip(ports, result)}
        else:
            raw = {ports[0].name: result}
        outputs: dict[str, Any] = {}
        for port in ports:
            if port.name not in raw:
                raise LokiError(f"{self.function.__name__}() returned no value for output \"{port.name}\"")
            outputs[port.name] = files.normalize_output(port, raw.pop(port.name))
        outputs.update(raw)  # undeclared extras are kept as returned
        return outputs

    def _is_output_mapping(self, result: dict) -> bool:
        """Whether a returned dict maps output names to values, or is itself the value of the only output.

        A single AUDIO, LATENT or other dict-valued output is ambiguous (``{"samples": ...}`` is a latent): the dict
        names outputs only when its keys are exactly that output's name (and, for AUDIO and LATENT, whose values
        are dicts, when the value under it is a dict too).
        """
        ports = self.interface.outputs
        if not ports or not result:
            return True
        if len(ports) == 1 and not (ports[0].is_widget or ports[0].type in ("IMAGE", "MASK")):
            port = ports[0]
            if set(result) != {port.name}:
                return False
            return port.type not in ("AUDIO", "LATENT") or isinstance(result[port.name], dict)
        return any(p.name in result for p in ports)

    def output_port(self, name: str, value: Any) -> Port:
        """The declared port of an output, or one guessed from the value for an undeclared one."""
        try:
            return self.interface.output(name)
        except KeyError:
            return Port(name, files.guess_type(value))

    def main(self, argv: list[str] | None = None) -> int:
        """The command line; returns the exit code (0 ok, 1 failure inside, 2 bad arguments)."""
        from . import cli

        return cli.main(self, argv)

    def _bind_positional(self, args: tuple, inputs: dict[str, Any]) -> dict[str, Any]:
        names = self.interface.input_names
        if len(args) > len(names):
            raise TypeError(f"{self.function.__name__}() takes {len(names)} inputs but {len(args)} were given")
        values = dict(inputs)
        for name, value in zip(names, args):
            if name in values:
                raise TypeError(f"{self.function.__name__}() got two values for input \"{name}\"")
            values[name] = value
        return values


def entry(path: Any = None, *, outputs: Any = None, interface: Interface | None = None, name: str | None = None,
          options: Sequence[Option] = ()):
    """Decorator making a function a LOKI Script.

    ``path`` is the script's ``__file__``: the interface is read from ``<stem>.json`` beside it when that file
    exists, else inferred from the function (``outputs=`` names the outputs when the return annotation does
    not) and named after the file. ``interface=`` gives it directly (flows do that); ``options=`` adds runtime
    options (:class:`Option`). ``@script.entry`` without arguments uses the function's own file and name.
    """
    if callable(path) and not isinstance(path, (str, os.PathLike)):
        return entry()(path)

    def decorate(function: Callable) -> Script:
        try:
            return _make_script(function, path, outputs, interface, name, options)
        except ConfigError as ex:
            if function.__module__ != "__main__":
                raise  # imported (Python, ComfyUI): the caller reports it, ComfyUI as "IMPORT FAILED"
            # Run as a script: the command-line contract allows no stack trace, so list the problems and stop.
            import sys

            for diagnostic in ex.diagnostics:
                print(diagnostic, file=sys.stderr)
            raise SystemExit(1) from None

    return decorate


def _make_script(function: Callable, path: Any, outputs: Any, interface: Interface | None, name: str | None,
                 options: Sequence[Option] = ()) -> Script:
    """Builds the Script: interface from ``interface=``, the config beside ``path``, or the signature."""
    source = os.path.abspath(os.fspath(path) if path is not None else inspect.getfile(function))
    folder = os.path.dirname(source) if not os.path.isdir(source) else source
    config_path = find_config(source)
    if interface is not None:
        found = interface
    elif config_path is not None:
        found = from_config(config_path)
        check_signature(function, found, config_path)
    else:
        # Named after the script file (``<n>.py``), or after the function when no path was given.
        stem = Path(source).name if os.path.isdir(source) else Path(source).stem
        found = from_function(function, name or (stem if path is not None else function.__name__),
                              outputs=outputs, source=source, skip=[o.name for o in options])
    return Script(function, found, folder, config_path, options)


def find_config(source: str) -> str | None:
    """``<stem>.json`` beside a script (or ``<folder>/<folder>.json`` for a folder), when it exists."""
    p = Path(source)
    candidates = [p / f"{p.name}.json"] if p.is_dir() else [p.with_suffix(".json"), p.parent / f"{p.parent.name}.json"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return None


def check_signature(function: Callable, interface: Interface, config_path: str) -> None:
    """Raises ConfigError when the config's inputs and the function's parameters cannot work together."""
    parameters = inspect.signature(function).parameters
    takes_any = any(p.kind == p.VAR_KEYWORD for p in parameters.values())
    problems = []
    for port in interface.inputs:
        if not takes_any and port.name not in parameters:
            problems.append(Diagnostic(CONFIG_BAD_FIELD, f'input "{port.name}" is not a parameter of '
                                       f"{function.__name__}()", config_path, f"$.inputs.{port.name}"))
    names = set(interface.input_names)
    for param in parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD) or param.default is not param.empty:
            continue
        if param.name not in names:
            problems.append(Diagnostic(CONFIG_BAD_FIELD, f'parameter "{param.name}" of {function.__name__}() has no '
                                       "default and is not an input of the config", config_path, "$.inputs"))
    if problems:
        raise ConfigError(problems)
