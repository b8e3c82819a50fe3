"""Property tests: text from any source (quotes, backslashes, newlines, %, brackets, non-ASCII) survives config
reading, --help, command-line values and --json output unchanged."""
import io
import json
from contextlib import redirect_stderr, redirect_stdout

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loki_runtime import cli, config, script

# Any character a command line can carry: no lone surrogates except \udc80-\udcff, which is how Python's argv
# holds bytes that are not UTF-8 (surrogateescape).
CHARACTERS = st.characters(blacklist_categories=("Cs",)) | st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)
TRICKY = st.text(alphabet=st.sampled_from(list("ab %()[]{}|,'\"\\/*-_=\n\t#é🦊\u200b")) | CHARACTERS, max_size=40)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TRICKY,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY, inner, max_size=4),
                           max_leaves=12)
SETTINGS = settings(max_examples=30, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(value=JSON_VALUES, indent=st.sampled_from([None, 2]))
def test_lenient_json_reads_what_json_writes(value, indent):
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    assert config.parse_json(text, "<t>") == value
    assert config.parse_json("// lead\n" + text + " /* tail */", "<t>") == value


def interface_script(tmp_path, description, default, options, port_description):
    data = {"description": description,
            "inputs": {"text": {"type": "STRING", "default": default, "description": port_description},
                       "choice": {"type": "COMBO", "options": options, "default": options[0]}},
            "outputs": {"text": "STRING", "choice": "STRING"}}
    (tmp_path / "s.json").write_text(json.dumps(data), encoding="utf-8")
    return script.entry(str(tmp_path / "s.py"))(lambda text, choice: {"text": text, "choice": choice})


def squeeze(text):
    return "".join(text.split())


@SETTINGS
@given(description=TRICKY, default=TRICKY, port_description=TRICKY,
       options=st.lists(TRICKY.filter(lambda s: s.strip()), min_size=1, max_size=4, unique=True))
def test_help_shows_any_text(tmp_path, description, default, port_description, options):
    run = interface_script(tmp_path, description, default, options, port_description)
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert run.main(["--help"]) == 0
    shown = squeeze(out.getvalue())
    assert squeeze(description) in shown and squeeze(port_description) in shown


@SETTINGS
@given(value=TRICKY, options=st.lists(TRICKY.filter(lambda s: s.strip()), min_size=1, max_size=4, unique=True),
       pick=st.integers(min_value=0, max_value=3))
def test_command_line_values_come_back_unchanged_in_json(tmp_path, value, options, pick):
    run = interface_script(tmp_path, "d", "", options, "p")
    option = options[pick % len(options)]
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
