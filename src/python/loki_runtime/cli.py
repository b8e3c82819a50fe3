"""The command line of a LOKI Script (``run.main()``), built from its interface with argparse.

* one flag per input, ``--black-point`` for ``black_point`` (``--black_point`` is accepted too); file inputs take
  one or more paths or folders; booleans take ``true``/``false`` or nothing (true);
* ``--output DIR`` (default ``<node folder>/output``), ``--json`` (print ``{output: path-or-value}``),
  ``--png-bits 8|16`` (when there are image or mask outputs), ``--png-metadata`` (flows: ComfyUI's PNG chunks);
* exit 0 on success, 2 on bad arguments (argparse's usage error, unreadable input files included), 1 with one
  ``error:`` line on stderr when the function or writing its outputs fails. ``LOKI_TRACEBACK=1`` adds the trace.

Building the parser and printing ``--help`` import nothing heavy.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from . import files
from .errors import InputError, LokiError
from .interface import AUDIO, BOOLEAN, COMBO, Port

RESERVED = {"output", "json", "png_bits", "png_metadata", "help", "h"}


def flag(port: Port) -> str:
    """The flag of an input; a name the runtime's own options use gets an ``--in-`` prefix."""
    return ("--in-" if port.name in RESERVED else "--") + port.name.replace("_", "-")


def build_parser(script) -> argparse.ArgumentParser:
    """The argparse parser of a script (inputs first, in declaration order, then the runtime's options)."""
    interface = script.interface
    prog = os.path.basename(interface.source) if interface.source and interface.source.endswith(".py") \
        else f"{interface.name}.py"
    parser = argparse.ArgumentParser(prog=prog, description=_text(interface.description), epilog=_text(_epilog(script)),
                                     formatter_class=argparse.RawDescriptionHelpFormatter, add_help=False)
    group = parser.add_argument_group("inputs")
    for port in interface.inputs:
        group.add_argument(flag(port), dest=_dest(port), default=argparse.SUPPRESS,
                           required=port.required and not port.has_default, help=port.describe().replace("%", "%%"),
                           **_value_spec(port))
    options = parser.add_argument_group("options")
    options.add_argument("-h", "--help", action="help", help="show this help and exit")
    options.add_argument("--output", metavar="DIR", default=None,
                         help=f"folder for the outputs (default: {script.default_output_dir})")
    options.add_argument("--json", action="store_true", help="print one JSON object naming each output")
    if not interface.outputs or any(p.type in ("IMAGE", "MASK") for p in interface.outputs):
        options.add_argument("--png-bits", type=int, choices=(8, 16), default=8, help="bits per channel of PNG outputs")
    if hasattr(script, "png_metadata"):  # flows: the files of SaveImage/PreviewImage outputs carry ComfyUI's chunks
        options.add_argument("--png-metadata", action="store_true",
                             help="write ComfyUI's PNG metadata (prompt, workflow) into the files of saver outputs")
    for option in getattr(script, "options", ()):
        default = option.resolved_default()
        text = option.help + (f" (default: {default})" if default not in (None, "") else "")
        options.add_argument(option.option_string, dest="option:" + option.name, default=default,
                             choices=option.choices, help=text.replace("%", "%%"),
                             metavar=None if option.choices else option.name.upper())
    return parser


def main(script, argv: list[str] | None = None) -> int:
    """Parses ``argv``, runs the script, writes its outputs; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(script)
        namespace = parser.parse_args(_dash_flags(args, parser))
    except SystemExit as ex:
        return _code(ex)
    except Exception as ex:  # noqa: BLE001 - a bug in building the command line: still one line, never a trace
        print(f"error: cannot build the command line: {one_line(ex)}", file=sys.stderr)
        return 1
    given = {p.name: getattr(namespace, _dest(p)) for p in script.interface.inputs if hasattr(namespace, _dest(p))}
    try:
        inputs = script.prepare_inputs(given)
    except InputError as ex:
        port = script.interface.input(ex.port) if ex.port in script.interface.input_names else None
        message = str(ex)[len(ex.port) + 2:] if port else str(ex)
        try:
            parser.error(f"argument {flag(port)}: {message}" if port else message)
        except SystemExit as exit_:
            return _code(exit_)
    try:
        runtime = {o.name: getattr(namespace, "option:" + o.name) for o in getattr(script, "options", ())}
        outputs = script.invoke(inputs, runtime)
        folder = os.path.abspath(namespace.output) if namespace.output else str(script.default_output_dir)
        bits = getattr(namespace, "png_bits", 8)  # the flag exists only when there are image or mask outputs
        as_comfyui = getattr(script, "saved_as_comfyui", lambda name: False)  # flows: outputs of SaveImage & co.
        metadata = script.png_metadata if getattr(namespace, "png_metadata", False) else (lambda name: None)
        shown = {name: files.save_output(script.output_port(name, value), value, folder, bits, as_comfyui(name),
                                         metadata(name))
                 for name, value in outputs.items()}
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as ex:  # noqa: BLE001 - the CLI contract: one line, exit 1, never a stack trace
        if os.environ.get("LOKI_TRACEBACK"):
            import traceback

            traceback.print_exc()
        print(f"error: {one_line(ex)}", file=sys.stderr)
        return 1
    if namespace.json:
        print(json.dumps(shown, default=str))  # ASCII with \u escapes: safe on any console encoding
    else:
        for name, value in shown.items():
            _print(f"{name}: {value}")
    return 0


def one_line(ex: BaseException) -> str:
    """An exception as one line: the message alone for LOKI's own errors, else ``Type: message``."""
    text = " ".join(str(ex).split()) or type(ex).__name__
    return text if isinstance(ex, LokiError) else f"{type(ex).__name__}: {text}"


def _dest(port: Port) -> str:
    """Namespace attribute of an input, apart from the runtime's own (an input may be called ``output``)."""
    return "input:" + port.name


def _value_spec(port: Port) -> dict[str, Any]:
    if port.is_file:
        return {"nargs": "+", "metavar": "WAV" if port.type == AUDIO else "FILE"}
    if port.type == BOOLEAN:
        return {"nargs": "?", "const": True, "type": _converter(port), "metavar": "true|false"}
    if port.type == COMBO and port.options:
        # argparse's usage wrapping breaks on metavars with spaces or brackets: name such options generically.
        shown = [str(o) for o in port.options]
        plain = all(o and not set(o) & set(" \t\n[]()|{},%") for o in shown) and sum(map(len, shown)) <= 60
        return {"type": _converter(port), "metavar": "{" + ",".join(shown) + "}" if plain else "CHOICE"}
    if port.is_widget:
        return {"type": _converter(port), "metavar": port.type}
    return {"type": files.parse_opaque, "metavar": "JSON|FILE"}


def _converter(port: Port):
    def convert(text: str) -> Any:
        try:
            return port.coerce(text)
        except InputError as ex:
            raise argparse.ArgumentTypeError(str(ex)[len(port.name) + 2:]) from None

    convert.__name__ = port.type.lower()
    return convert


def _dash_flags(args: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """Accepts ``--black_point`` for ``--black-point`` (up to a bare ``--``)."""
    known = set(parser._option_string_actions)  # noqa: SLF001 - argparse has no public accessor
    result = []
    for i, arg in enumerate(args):
        if arg == "--":
            return result + args[i:]
        if arg.startswith("--") and "_" in arg:
            head, sep, tail = arg.partition("=")
            dashed = "--" + head[2:].replace("_", "-")
            if head not in known and dashed in known:
                arg = dashed + sep + tail
        result.append(arg)
    return result


def _text(text: str | None) -> str | None:
    """argparse %-formats a description or epilog only when it holds ``%(prog)``: escape exactly then."""
    return text.replace("%", "%%") if text and "%(prog)" in text else text


def _print(text: str) -> None:
    """Prints to a console that may not encode every character (a Windows code page)."""
    try:
        print(text)
    except UnicodeEncodeError:
        print(text.encode("ascii", "backslashreplace").decode("ascii"))


def _code(ex: SystemExit) -> int:
    return ex.code if isinstance(ex.code, int) else (0 if ex.code is None else 1)


def _epilog(script) -> str:
    lines = ["outputs (written to --output DIR):"]
    suffix = {"IMAGE": ".png", "MASK": ".png", "AUDIO": ".wav", "STRING": ".txt"}
    for port in script.interface.outputs:
        where = f"{port.name}{suffix[port.type]}" if port.type in suffix else "value in --json"
        text = f"  {port.name} ({port.type}): {where}"
        lines.append(text + (f" - {port.description}" if port.description else ""))
    if not script.interface.outputs:
        lines.append("  (none declared)")
    return "\n".join(lines)
