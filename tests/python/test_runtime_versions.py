"""The light half of the runtime (interfaces, --help, validation) on every Python a ComfyUI user may run.

Each interpreter found for 3.10, 3.12 and 3.13 (on PATH or under pyenv) runs a probe in a subprocess; versions
that are not installed are skipped. These interpreters usually lack numpy, which is the point: nothing here may
need it. (3.11, the Debian interpreter, runs every other test.)
"""
import glob
import os
import shutil
import subprocess
import textwrap

import pytest

from conftest import RUNTIME

PROBE = textwrap.dedent('''
    import json, sys, tempfile, os, io, contextlib
    sys.path.insert(0, sys.argv[1])
    from typing import Annotated, Literal, Optional
    from loki_runtime import script, interface, comfy_adapter, config
    from loki_runtime.types import Image, Mask, Range, Multiline

    def run(image: Image, radius: Annotated[int, Range(0, 8)] = 1, mode: Literal["a", "b"] = "a",
            note: Annotated[str, Multiline()] = "", mask: Optional[Mask] = None) -> tuple[Image, Mask]:
        """Probe."""

    folder = tempfile.mkdtemp()
    s = script.entry(os.path.join(folder, "probe.py"))(run)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = s.main(["--help"])
    bad = io.StringIO()
    with contextlib.redirect_stderr(bad):
        bad_code = s.main(["--image", "x.png", "--radius", "9"])
    with open(os.path.join(folder, "c.json"), "w") as f:
        f.write('{"inputs": [{"name": "n", "type": "int", "default": 2,},], // loose\\n "outputs": {"o": "image"}}')
    c = interface.from_config(os.path.join(folder, "c.json"))
    print(json.dumps({"help": code, "has_range": "range 0..8" in out.getvalue(), "bad": bad_code,
                      "types": [p.type for p in s.interface.inputs], "config": [c.inputs[0].type, c.outputs[0].type],
                      "input_types": list(comfy_adapter.input_types(s.interface)),
                      "heavy": sorted(m for m in ("numpy", "torch", "PIL") if m in sys.modules)}))
''')

EXPECTED = {"help": 0, "has_range": True, "bad": 2, "types": ["IMAGE", "INT", "COMBO", "STRING", "MASK"],
            "config": ["INT", "IMAGE"], "input_types": ["required", "optional"], "heavy": []}


def find_python(minor):
    """A working python3.<minor> on PATH or under pyenv, or None."""
    roots = [os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))]
    candidates = [shutil.which(f"python3.{minor}")]
    for root in roots:
        candidates += sorted(glob.glob(os.path.join(root, "versions", f"3.{minor}.*", "bin", f"python3.{minor}")))
    for candidate in filter(None, candidates):
        try:
            result = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[1])"], capture_output=True,
                                    text=True, timeout=30)
        except OSError:
            continue
        if result.returncode == 0 and result.stdout.strip() == str(minor):
            return candidate
    return None


@pytest.mark.parametrize("minor", [10, 12, 13])
def test_light_runtime_works_on_python_3_minor(minor):
    python = find_python(minor)
    if python is None:
        pytest.skip(f"python3.{minor} is not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run([python, "-c", PROBE, str(RUNTIME.parent)], capture_output=True, text=True, timeout=120,
                            env=env)
    assert result.returncode == 0, result.stderr
    import json

    assert json.loads(result.stdout.strip().splitlines()[-1]) == EXPECTED
