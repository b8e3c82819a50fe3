"""LOKI Build's static Python reader. Prints one JSON object on stdout; never imports the code it reads.

  loki_pyast.py signature FILE FUNCTION     signature, type hints, defaults and docstring of a function
  loki_pyast.py imports PATH                the top-level imports of a module or folder, split by origin
  loki_pyast.py extract PACK [--comfyui DIR] ComfyUI node definitions of a pack (or of ComfyUI itself)
  loki_pyast.py composite FILE              the node calls of a composite LOKI Script's run() (lokiast/composite.py)
  loki_pyast.py decompose FILE FUNCTION [--min-lines N] [--depth D]
                                            a function cut into steps ({"refused": {code, message, line}} when it cannot be)

Exit 0 with the JSON result; exit 2 with {"error": ...} when the input cannot be read.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from lokiast import comfy_nodes, composite, decompose, imports, signature  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="loki_pyast")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("signature")
    p.add_argument("file")
    p.add_argument("function")
    p = sub.add_parser("imports")
    p.add_argument("path")
    p = sub.add_parser("extract")
    p.add_argument("pack")
    p.add_argument("--comfyui")
    p = sub.add_parser("composite")
    p.add_argument("file")
    p = sub.add_parser("decompose")
    p.add_argument("file")
    p.add_argument("function")
    p.add_argument("--min-lines", type=int, default=None)
    p.add_argument("--depth", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        if args.command == "signature":
            result = signature.read_function(args.file, args.function)
        elif args.command == "imports":
            result = imports.scan(args.path)
        elif args.command == "composite":
            result = composite.read(args.file)
        elif args.command == "decompose":
            result = decompose.plan(args.file, args.function, args.min_lines, args.depth)
        else:
            result = comfy_nodes.extract_pack(args.pack, args.comfyui)
    except decompose.Refusal as ex:
        result = {"refused": {"code": ex.code, "message": str(ex), "line": ex.line}}
    except signature.SignatureError as ex:
        return _fail(str(ex), ex.line)
    except (OSError, SyntaxError, ValueError) as ex:
        return _fail(f"{type(ex).__name__}: {ex}", getattr(ex, "lineno", 0) or 0)
    sys.stdout.write(json.dumps(_clean(result), ensure_ascii=True, sort_keys=False))
    sys.stdout.write("\n")
    return 0


def _clean(value):
    """Lone surrogates (possible in Python strings, impossible in JSON readers) become U+FFFD, as .NET writes them."""
    if isinstance(value, str):
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in value) if any(0xD800 <= ord(c) <= 0xDFFF for c in value) else value
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _fail(message: str, line: int = 0) -> int:
    sys.stdout.write(json.dumps(_clean({"error": message, "line": line}), ensure_ascii=True) + "\n")
    return 2


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    raise SystemExit(main())
