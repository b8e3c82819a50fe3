"""pytest set-up for the node test layers: makes loki_runtime importable from the repository or a built pack, and,
in the repository, gives the nodes that run ComfyUI code the real ComfyUI of ../shared/tools/comfyui (a temporary
copy, as COMFYUI_PATH) when COMFYUI_PATH is not set."""
import atexit
import os
import shutil
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
for _candidate in (_ROOT / "src" / "python", _ROOT):
    if (_candidate / "loki_runtime" / "__init__.py").is_file() and str(_candidate) not in sys.path:
        sys.path.insert(0, str(_candidate))
        break


def _use_shared_comfyui() -> None:
    helpers = _ROOT / "tests" / "python"
    if os.environ.get("COMFYUI_PATH") or not (helpers / "comfyui_tool.py").is_file():
        return  # a pack's test run, or a ComfyUI chosen by the caller
    sys.path.insert(0, str(helpers))
    import comfyui_tool

    if comfyui_tool.why_absent():
        return  # the node tests that need ComfyUI skip, saying so
    copy = comfyui_tool.temp_copy()
    atexit.register(shutil.rmtree, copy.root.parent, True)
    os.environ["COMFYUI_PATH"] = str(copy.comfyui)
    sys.path[:0] = copy.python_path  # ComfyUI is imported in this process by the wrapping nodes
    os.environ["PYTHONPATH"] = os.pathsep.join([*copy.python_path, *filter(None, [os.environ.get("PYTHONPATH")])])


_use_shared_comfyui()
