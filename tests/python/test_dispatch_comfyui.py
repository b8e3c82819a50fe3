"""The dispatcher on a LocalCluster of 2 workers, each serving its own real ComfyUI 0.3.64 in-process (a copy of
../shared/tools/comfyui each): 40 model-free flow jobs (photo_finish: LOKI nodes registered into ComfyUI;
soft_glow: ComfyUI's own ImageBlur and ImageBlend). Worker 1 is killed (SIGKILL) mid-run; every job still ends
once, ok, with the same files as a direct run of its flow, and the report names the worker that ran it."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

import comfyui_tool
from dispatch_jobs import REPO, SOFT_GLOW, write_image, write_jobs

HERE = os.path.dirname(os.path.abspath(__file__))
JOBS = 40


def wait_for(predicate, what, proc, seconds=420):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        if proc.poll() is not None:
            pytest.fail(f"the dispatcher ended (exit {proc.returncode}) before {what}: {proc.stderr.read()[-3000:]}")
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def events(path):
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    why = comfyui_tool.why_absent()
    if why:
        pytest.skip(why)
    work = tmp_path_factory.mktemp("dispatch")
    copies = [comfyui_tool.ComfyUICopy(work / f"worker{i}") for i in range(2)]
    jobs = write_jobs(work / "jobs", JOBS)
    env = copies[0].env(REPO / "src" / "python")
    log = work / "events.jsonl"
    command = [sys.executable, "-m", "loki_runtime.dispatch", str(jobs), "--workers", "2", "--backend", "comfyui",
               "--comfyui", str(copies[0].comfyui), "--comfyui", str(copies[1].comfyui), "--output", str(work / "out"),
               "--report", str(work / "report.json"), "--events", str(log), "--no-progress", "--timeout", "300"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        workers = wait_for(lambda: next((e["workers"] for e in events(log) if e["event"] == "workers"), None),
                           "the workers event", proc)
        victim = next(w for w in workers if w["name"] == "1")
        # kill it once both workers have finished jobs: it is busy with (or holds) more when it dies
        wait_for(lambda: {e["worker"]["name"] for e in events(log) if e["event"] == "job"} >= {"0", "1"}
                 and sum(e["event"] == "job" for e in events(log)) >= 6, "jobs done on both workers", proc)
        os.kill(victim["pid"], signal.SIGKILL)
        killed_after = sum(e["event"] == "job" for e in events(log))
        stdout, stderr = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:  # a failed wait: SIGTERM lets the dispatcher stop its workers, then SIGKILL
            proc.terminate()
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    direct = subprocess.run([sys.executable, os.path.join(HERE, "dispatch_direct_driver.py"), str(jobs),
                             str(work / "direct"), str(copies[0].comfyui)], env=env, capture_output=True, text=True,
                            timeout=600)
    assert direct.returncode == 0, direct.stderr[-3000:]
    return {"proc": proc, "stderr": stderr, "work": work, "victim": victim, "killed_after": killed_after,
            "report": json.loads((work / "report.json").read_text()) if (work / "report.json").is_file() else None,
            "events": events(log)}


def test_every_job_ends_ok_in_job_order_despite_the_killed_worker(run):
    assert run["proc"].returncode == 0, run["stderr"][-3000:]
    report = run["report"]
    assert [e["index"] for e in report] == list(range(JOBS))
    assert [e["status"] for e in report] == ["ok"] * JOBS, [e["error"] for e in report if e["error"]]
    assert run["killed_after"] < JOBS  # the kill happened mid-run


def test_each_job_ran_to_its_end_exactly_once(run):
    ended = [e["id"] for e in run["events"] if e["event"] == "job"]
    assert sorted(ended) == [f"job-{i:04d}" for i in range(1, JOBS + 1)]  # one end per job, none twice
    out = run["work"] / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(ended)  # no half-written or leftover folders
    assert sum(e["reruns"] for e in run["report"]) >= 1  # the job(s) the dead worker held ran again elsewhere


def test_outputs_match_a_direct_run_of_each_flow(run):
    for entry in run["report"]:
        produced = run["work"] / "out" / entry["id"]
        direct = run["work"] / "direct" / entry["id"]
        assert sorted(p.name for p in produced.iterdir()) == sorted(p.name for p in direct.iterdir()) == ["image.png"]
        assert entry["outputs"] == {"image": str(produced / "image.png")}
        assert (produced / "image.png").read_bytes() == (direct / "image.png").read_bytes(), entry["id"]


def test_the_report_names_each_jobs_worker(run):
    report, victim = run["report"], run["victim"]
    names = {e["worker"]["name"] for e in report}
    assert names <= {"0", "1"} and "0" in names
    assert all(e["worker"]["address"].startswith("tcp://127.0.0.1:") and e["worker"]["pid"] for e in report)
    before = [e for e in report if e["worker"]["pid"] == victim["pid"]]
    assert before and all(e["worker"]["name"] == "1" for e in before)  # the victim ran jobs before it died
    survivors = {e["worker"]["pid"] for e in report} - {victim["pid"]}
    assert survivors  # the rest ran on worker 0 (or on worker 1 restarted by its nanny: a new process)
    rerun = [e for e in report if e["reruns"]]
    assert rerun and all(e["worker"]["pid"] != victim["pid"] for e in rerun)  # finished by a live process


def test_each_worker_drives_its_own_comfyui_server(start_comfyui, tmp_path):
    """`--backend server --server A --server B`: worker 0 queues on A, worker 1 on B (soft_glow: ComfyUI's nodes)."""
    servers = [start_comfyui(), start_comfyui()]
    lines = []
    for i in range(6):
        write_image(tmp_path / f"in_{i}.png", 100 + i, size=20)
        lines.append({"flow": str(SOFT_GLOW), "inputs": {"image": f"in_{i}.png"}})
    (tmp_path / "jobs.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    env = dict(os.environ, PYTHONPATH=str(REPO / "src" / "python"))
    done = subprocess.run([sys.executable, "-m", "loki_runtime.dispatch", "jobs.jsonl", "--workers", "2", "--backend",
                           "server", "--server", servers[0].url, "--server", servers[1].url, "--report", "r.json",
                           "--no-progress"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((tmp_path / "r.json").read_text())
    assert [e["status"] for e in report] == ["ok"] * 6
    for index, server in enumerate(servers):
        ran_here = sum(e["worker"]["name"] == str(index) for e in report)
        assert len(server.get_json("/history")) == ran_here  # one prompt per job, on its worker's server only
    for entry in report:
        from PIL import Image

        assert Image.open(entry["outputs"]["image"]).size == (20, 20)
