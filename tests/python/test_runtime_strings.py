"""Property tests: text from any source (quotes, backslashes, newlines, %, brackets, non-ASCII) survives config
reading, --help, command-line values and --json output unchanged.

The cases come from a seeded generator (no extra package: CI installs only numpy, Pillow, pytest and torch), so
every run checks the same few hundred strings.
"""
import io
import json
import random
from contextlib import redirect_stderr, redirect_stdout

import pytest

from loki_runtime import cli, config, script

TRICKY = list("ab %()[]{}|,'\"\\/*-_=\n\t\r#é🦊\u200b\x00\x7f") + ["%(prog)s", "//", "/*", "*/", ",}", ",]", "\\u0041"]
CASES = 40


def tricky_text(rng: random.Random, max_len: int = 40) -> str:
    """Any character a command line can carry: tricky ASCII, any BMP or astral code point, and the lone
    surrogates \\udc80-\\udcff with which Python's argv holds bytes that are not UTF-8."""
    parts = []
    for _ in range(rng.randint(0, max_len)):
        kind = rng.random()
        if kind < 0.5:
            parts.append(rng.choice(TRICKY))
        elif kind < 0.95:
            code = rng.choice([rng.randint(0x20, 0x7E), rng.randint(0xA0, 0xD7FF), rng.randint(0xE000, 0xFFFD),
                               rng.randint(0x10000, 0x10FFFF)])
            parts.append(chr(code))
        else:
            parts.append(chr(rng.randint(0xDC80, 0xDCFF)))
    return "".join(parts)


def tricky_json(rng: random.Random, depth: int = 0):
    kind = rng.randint(0, 6 if depth < 3 else 3)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.randint(-10**12, 10**12)
    if kind == 3:
        return tricky_text(rng)
    if kind == 4:
        return [tricky_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {tricky_text(rng, 8): tricky_json(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def options(rng: random.Random) -> list:
    found = []
    while len(found) < rng.randint(1, 4):
        text = tricky_text(rng, 12)
        if text.strip() and text not in found:
            found.append(text)
    return found


@pytest.mark.parametrize("seed", range(CASES))
def test_lenient_json_reads_what_json_writes(seed):
    rng = random.Random(seed)
    value = tricky_json(rng)
    for text in (json.dumps(value, ensure_ascii=False), json.dumps(value, indent=2)):
        assert config.parse_json(text, "<t>") == value
        assert config.parse_json("// lead\n" + text + " /* tail */", "<t>") == value


def interface_script(tmp_path, description, default, choices, port_description):
    data = {"description": description,
            "inputs": {"text": {"type": "STRING", "default": default, "description": port_description},
                       "choice": {"type": "COMBO", "options": choices, "default": choices[0]}},
            "outputs": {"text": "STRING", "choice": "STRING"}}
    (tmp_path / "s.json").write_text(json.dumps(data), encoding="utf-8")
    return script.entry(str(tmp_path / "s.py"))(lambda text, choice: {"text": text, "choice": choice})


def squeeze(text):
    return "".join(text.split())


@pytest.mark.parametrize("seed", range(CASES))
def test_help_shows_any_text(tmp_path, seed):
    rng = random.Random(1000 + seed)
    description, port_description = tricky_text(rng), tricky_text(rng)
    run = interface_script(tmp_path, description, tricky_text(rng), options(rng), port_description)
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert run.main(["--help"]) == 0
    shown = squeeze(out.getvalue())
    assert squeeze(description) in shown and squeeze(port_description) in shown


@pytest.mark.parametrize("seed", range(CASES))
def test_command_line_values_come_back_unchanged_in_json(tmp_path, seed):
    rng = random.Random(2000 + seed)
    value, choices = tricky_text(rng), options(rng)
    option = rng.choice(choices)
    run = interface_script(tmp_path, "d", "", choices, "p")
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = run.main([f"--text={value}", f"--choice={option}", "--output", str(tmp_path / "o"), "--json"])
    assert code == 0
    assert json.loads(out.getvalue()) == {"text": value, "choice": option}
    assert (tmp_path / "o" / "text.txt").read_bytes() == value.encode("utf-8", "surrogateescape")


def test_json_output_is_ascii_so_any_console_can_print_it(tmp_path):
    run = interface_script(tmp_path, "d", "", ["a"], "p")
    out = io.StringIO()
    with redirect_stdout(out):
        assert run.main(["--text=🦊 é", "--output", str(tmp_path / "o"), "--json"]) == 0
    assert out.getvalue().isascii() and json.loads(out.getvalue())["text"] == "🦊 é"


def test_one_line_errors_flatten_newlines():
    assert cli.one_line(ValueError("two\nlines  here")) == "ValueError: two lines here"
