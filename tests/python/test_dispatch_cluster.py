"""`--scheduler`: a real cluster started the way docs/dispatcher.md says (dask-scheduler, dask-worker processes with
names, a GPU resource and their backend in their own environment), driven by `python3 -m loki_runtime.dispatch`.
Also the progress bar: drawn when asked, never when stderr is redirected."""
import json
import os
import subprocess
import sys
import time

import pytest

from comfyui_tool import free_port
from dispatch_jobs import PHOTO_FINISH, REPO, write_image

PYTHONPATH = str(REPO / "src" / "python")


def start(args, env, log):
    return subprocess.Popen([sys.executable, "-m", *args], env=env, stdout=log, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A scheduler and three single-thread worker processes: cpu-1, cpu-2 and gpu-1 (declaring GPU=1)."""
    work = tmp_path_factory.mktemp("cluster")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, PYTHONPATH=PYTHONPATH, LOKI_BACKEND="loki", PYTHONDONTWRITEBYTECODE="1")
    log = open(work / "cluster.log", "wb")
    processes = [start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                        "--no-dashboard"], env, log)]
    try:
        for name, extra in (("cpu-1", []), ("cpu-2", []), ("gpu-1", ["--resources", "GPU=1"])):
            processes.append(start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--name", name,
                                    "--no-dashboard", "--local-directory", str(work / name), *extra], env, log))
        from distributed import Client

        with Client(address, timeout=120) as client:
            client.wait_for_workers(3, timeout=240)
        yield address, work
    finally:
        for process in reversed(processes):  # workers first, then the scheduler; each by its own pid
            process.terminate()
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(30)
        log.close()


def dispatch(*args, cwd):
    return subprocess.run([sys.executable, "-m", "loki_runtime.dispatch", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env=dict(os.environ, PYTHONPATH=PYTHONPATH))


def test_a_real_cluster_runs_the_jobs_and_gpu_jobs_go_to_the_gpu_worker(scheduler, tmp_path):
    address, _ = scheduler
    lines = []
    for i in range(6):
        write_image(tmp_path / f"in_{i}.png", i, size=10)
        if i % 2:
            lines.append({"flow": str(REPO / "nodes" / "image_edge_detect"), "inputs": {"image": f"in_{i}.png"}})
        else:
            lines.append({"flow": str(PHOTO_FINISH), "inputs": {"image": f"in_{i}.png", "caption": str(i)}})
    (tmp_path / "jobs.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    done = dispatch("jobs.jsonl", "--scheduler", address, "--report", "report.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stderr.count("\r") == 0 and "job/s" not in done.stderr  # redirected: no progress bar
    report = json.loads((tmp_path / "report.json").read_text())
    assert [e["status"] for e in report] == ["ok"] * 6
    assert {e["worker"]["name"] for e in report[1::2]} == {"gpu-1"}
    assert {e["worker"]["name"] for e in report} <= {"cpu-1", "cpu-2", "gpu-1"}
    assert all(os.path.isfile(e["outputs"]["image"]) for e in report)


def test_progress_is_drawn_when_asked(scheduler, tmp_path):
    address, _ = scheduler
    write_image(tmp_path / "a.png", 1, size=8)
    (tmp_path / "jobs.jsonl").write_text(json.dumps({"flow": str(PHOTO_FINISH), "inputs": {"image": "a.png"}}) + "\n")
    done = dispatch("jobs.jsonl", "--scheduler", address, "--progress", "--report", "r.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "1/1" in done.stderr and "job" in done.stderr  # tqdm's bar: 100%|...| 1/1 [..., ...job/s]


def test_a_scheduler_nobody_runs_is_a_coded_error(tmp_path):
    write_image(tmp_path / "a.png", 1, size=8)
    (tmp_path / "jobs.jsonl").write_text(json.dumps({"flow": str(PHOTO_FINISH), "inputs": {"image": "a.png"}}) + "\n")
    started = time.monotonic()
    done = dispatch("jobs.jsonl", "--scheduler", f"tcp://127.0.0.1:{free_port()}", "--timeout", "3", cwd=tmp_path)
    assert done.returncode == 1 and "error LOKI8048" in done.stderr, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and time.monotonic() - started < 120
