"""Shared pytest set-up: makes the runtime under src/python importable."""
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src" / "python"))


# ---- runtime fixtures: a pack folder in tmp_path with real node folders, and subprocess helpers ----------------
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import textwrap  # noqa: E402

import pytest  # noqa: E402

RUNTIME = REPO / "src" / "python" / "loki_runtime"

# `loki convert --schemas` keeps each dump's index in a per-user cache: the tests give every `loki` they start a cache
# folder of this session's own, never the user's (nor what an earlier run left).
import tempfile  # noqa: E402

os.environ["LOKI_CACHE_DIR"] = tempfile.mkdtemp(prefix="loki-pytest-cache-")
import atexit  # noqa: E402

atexit.register(shutil.rmtree, os.environ["LOKI_CACHE_DIR"], True)

SCRIPT_PREAMBLE = '''from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: find loki_runtime in the pack root or the repo
    sys.path[:0] = [str(p) for p in (Path(__file__).resolve().parents[2], Path(__file__).resolve().parents[2] / "src" / "python")]
from loki_runtime import script
'''

SCRIPT_MAIN = '''

if __name__ == "__main__":
    raise SystemExit(run.main())
'''

NODE_TEMPLATE = '''from loki_runtime import comfy_adapter
from . import {name} as _script


class {cls}:
    """{description}"""
    CATEGORY = "LOKI 🦊/{category}"
    DESCRIPTION = {description!r}
    FUNCTION = "execute"
    RETURN_TYPES = {return_types!r}
    RETURN_NAMES = {return_names!r}

    @classmethod
    def INPUT_TYPES(cls):
        return {input_types!r}

    def execute(self, **inputs):
        return comfy_adapter.call(_script.run, inputs)


NODE_CLASS_MAPPINGS = {{"Loki{cls}": {cls}}}
NODE_DISPLAY_NAME_MAPPINGS = {{"Loki{cls}": "🧪 {title} (LOKI)"}}
'''

NODE_INIT = '''from .{name}_node import NODE_CLASS_MAPPINGS, NODE_DISPLAY_NAME_MAPPINGS

__all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS"]
'''


@pytest.fixture
def pack_root(tmp_path):
    """A pack folder laid out as contracts §3: the runtime copied to its root, node folders under nodes/."""
    root = tmp_path / "ComfyUI-Test"
    shutil.copytree(RUNTIME, root / "loki_runtime", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "nodes").mkdir()
    return root


@pytest.fixture
def make_node(pack_root):
    """make_node(name, body, config=None, node=True) writes nodes/<name>/ with a script, config, node and __init__.

    ``body`` is the script's code after the standard preamble (it must define ``run`` with ``@script.entry``);
    the node module is written as the LOKI Node emitter would, from the script's interface.
    """

    def make(name, body, config=None, node=True):
        folder = pack_root / "nodes" / name
        folder.mkdir(parents=True)
        if config is not None:
            (folder / f"{name}.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
        (folder / f"{name}.py").write_text(SCRIPT_PREAMBLE + "\n" + textwrap.dedent(body) + SCRIPT_MAIN,
                                           encoding="utf-8")
        if node:
            _write_node_module(folder, name)
        return folder

    return make


def _write_node_module(folder, name):
    """Writes <name>_node.py and __init__.py in the §2.2 shape, reading the interface in a clean subprocess."""
    probe = run_python(["-c", textwrap.dedent(f'''
        import json, sys
        sys.path.insert(0, {str(folder.parent.parent)!r})
        sys.path.insert(0, {str(folder)!r})
        import {name} as s
        from loki_runtime import comfy_adapter as c
        i = s.run.interface
        print(json.dumps({{"input_types": c.input_types(i), "return_types": c.return_types(i),
                          "return_names": c.return_names(i), "description": i.description or "",
                          "category": i.category or "test", "cls": c.class_name(i.name)}}))
    ''')])
    assert probe.returncode == 0, probe.stderr
    info = json.loads(probe.stdout)
    info["input_types"] = _tuples(info["input_types"])
    info["return_types"] = tuple(info["return_types"])
    info["return_names"] = tuple(info["return_names"])
    title = " ".join(w.capitalize() for w in name.split("_"))
    (folder / f"{name}_node.py").write_text(NODE_TEMPLATE.format(name=name, title=title, **info), encoding="utf-8")
    (folder / "__init__.py").write_text(NODE_INIT.format(name=name), encoding="utf-8")


def _tuples(input_types):
    """JSON turned the (TYPE, {options}) tuples into lists; restore them (a COMBO's choices stay a list)."""
    return {section: {k: tuple(v) for k, v in entries.items()} for section, entries in input_types.items()}


def run_python(args, cwd=None, env=None, timeout=120):
    """Runs the test interpreter (the one with numpy, Pillow, torch) in a real subprocess."""
    full_env = dict(os.environ)
    full_env.pop("PYTHONPATH", None)
    full_env.update(env or {})
    return subprocess.run([sys.executable, *map(str, args)], cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout)


def write_rgba_png(path, pixels):
    """Writes uint8 [H,W,C] (C = 1, 3, 4) with Pillow."""
    from PIL import Image

    mode = {1: "L", 3: "RGB", 4: "RGBA"}[pixels.shape[2]]
    Image.fromarray(pixels[:, :, 0] if pixels.shape[2] == 1 else pixels, mode).save(path)
    return path


# ---- the real ComfyUI 0.3.64 of shared/tools/comfyui (comfyui_tool.py says how; docs/comfyui-verification.md) ---
import comfy_real  # noqa: E402
import comfyui_tool  # noqa: E402


def _need_comfyui_tool():
    why = comfyui_tool.why_absent()
    if why:
        pytest.skip(why)


@pytest.fixture(scope="session")
def comfyui_copy(tmp_path_factory):
    """A writable copy of the tool for in-process use: ``.comfyui`` is the ComfyUI folder (``--comfyui``),
    ``.env(*paths)`` the environment of a subprocess that imports it. Shared by the session: do not install packs
    into it (a server gets its own copy)."""
    _need_comfyui_tool()
    return comfyui_tool.ComfyUICopy(tmp_path_factory.mktemp("comfyui_copy"))


@pytest.fixture(scope="session")
def loki_build(tmp_path_factory):
    """The repository's library grown and packed once (comfy_real.py): ``.work``, ``.library``, ``.pack``."""
    import types

    work = tmp_path_factory.mktemp("loki_build")
    library = comfy_real.build_library(work)
    return types.SimpleNamespace(work=work, library=library, pack=comfy_real.build_pack(work, library))


@pytest.fixture(scope="session")
def comfyui_server(tmp_path_factory, loki_build):
    """One real ComfyUI for the session, started as a user starts it (no COMFYUI_PATH, no PYTHONPATH of ours), with
    the built pack in ``custom_nodes/loki_pack_under_test``. Queue prompts with ``.queue(prompt)``."""
    _need_comfyui_tool()
    server = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("comfyui_server"),
                                      packs={comfy_real.PACK_FOLDER: loki_build.pack})
    yield server
    server.stop()


@pytest.fixture
def start_comfyui(tmp_path):
    """``start_comfyui(packs={folder: pack}, frontend_root=None, extra_args=())`` starts another real ComfyUI (its
    own copy, a free port); every server it started is stopped when the test ends."""
    _need_comfyui_tool()
    started = []

    def start(packs=None, frontend_root=None, extra_args=()):
        server = comfyui_tool.ComfyServer(tmp_path / f"comfyui_{len(started)}", packs=packs,
                                          frontend_root=frontend_root, extra_args=tuple(extra_args))
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
