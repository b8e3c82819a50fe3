"""The --backend flag of a flow script defaults to the backend the flow function declares."""
from loki_runtime import flow


def _flow(tmp_path, backend):
    FLOW = flow.Flow(tmp_path / "f.py", name="f")
    seen = {}

    if backend is None:
        @FLOW.entry
        def run(text: str = "a", *, backend: str = "loki"):
            seen["backend"] = FLOW.settings.get("backend")
            return {"text": text}
    else:
        @FLOW.entry
        def run(text: str = "a", *, backend: str = backend):  # noqa: F811 - one of two signatures is made
            seen["backend"] = FLOW.settings.get("backend")
            return {"text": text}
    return run, seen


def test_declared_default_reaches_the_command_line(tmp_path, capsys):
    run, seen = _flow(tmp_path, "comfyui")
    assert run.main(["--text", "x", "--output", str(tmp_path / "out")]) == 0
    assert seen["backend"] == "comfyui"


def test_the_flag_overrides_the_declared_default(tmp_path):
    run, seen = _flow(tmp_path, "comfyui")
    assert run.main(["--backend", "loki", "--output", str(tmp_path / "out")]) == 0
    assert seen["backend"] == "loki"


def test_help_shows_the_declared_default(tmp_path, capsys):
    run, _ = _flow(tmp_path, "server")
    try:
        run.main(["--help"])
    except SystemExit:
        pass
    assert "(default: server)" in " ".join(capsys.readouterr().out.split())
