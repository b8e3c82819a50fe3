"""Runs jobs of a jobs file directly, one after the other, through each flow's own Python entry (no Dask, no
dispatcher): the reference the dispatched outputs are checked against. Outputs go to OUT/<job id>/ as the flow's
command line writes them.

    python3 dispatch_direct_driver.py JOBS.jsonl OUT COMFYUI_PATH
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1] / "src" / "python")]

from loki_runtime import files  # noqa: E402
from loki_runtime.dispatch import flows  # noqa: E402


def main(jobs_path: str, out: str, comfyui: str) -> None:
    folder = Path(jobs_path).parent
    for index, line in enumerate(Path(jobs_path).read_text().splitlines()):
        job = json.loads(line)
        script = flows.load(job["flow"])
        inputs = {k: str(folder / v) if k == "image" else v for k, v in job["inputs"].items()}
        outputs = script(**inputs, backend="comfyui", comfyui=comfyui)
        # As the dispatcher's runner does: only a flow knows outputs a ComfyUI saver wrote (a composite has none).
        saved_as_comfyui = getattr(script, "saved_as_comfyui", lambda name: False)
        for name, value in outputs.items():
            files.save_output(script.output_port(name, value), value, Path(out) / f"job-{index + 1:04d}", 8,
                              saved_as_comfyui(name))


if __name__ == "__main__":
    main(*sys.argv[1:4])
