"""The runtime ships to ComfyUI users on Python 3.10-3.13 and must stay light to import."""
import ast

import pytest

from conftest import RUNTIME, run_python

MODULES = sorted(RUNTIME.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(RUNTIME)))
def test_every_module_parses_with_python_3_10_grammar(path):
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 10))


def test_light_modules_import_nothing_heavy():
    probe = ("import sys; import loki_runtime.script, loki_runtime.cli, loki_runtime.interface, "
             "loki_runtime.comfy_adapter, loki_runtime.loader, loki_runtime.files, loki_runtime.image_io, "
             "loki_runtime.audio_io, loki_runtime.arrays; "
             "print(sorted(m for m in ('numpy', 'torch', 'PIL') if m in sys.modules))")
    result = run_python(["-c", probe], env={"PYTHONPATH": str(RUNTIME.parent)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
