"""GPU routing (Dask worker resources), report order and atomic, once-only output commits, on an in-process
cluster of real Dask workers (threads of this process, the loki backend: no ComfyUI needed here; the ComfyUI
workers and a killed worker are test_dispatch_comfyui.py's)."""
import json
import textwrap

import pytest

from loki_runtime.dispatch import codes, report, routing
from loki_runtime.dispatch.batch import prepare, run_batch
from loki_runtime.dispatch.jobs import read_jsonl
from loki_runtime.dispatch.progress import Progress
from loki_runtime.dispatch.runner import Backends

from dispatch_jobs import PHOTO_FINISH, REPO, write_image

EDGE_FLOW = textwrap.dedent('''
    from loki_runtime import flow
    from loki_runtime.types import Image

    FLOW = flow.Flow(__file__, name="edges_then_levels")


    @FLOW.entry
    def run(image: Image, *, backend: str = "loki"):
        g = flow.Graph()
        edges = g.node("LokiImageEdgeDetect", image=g.input("image", image, type="IMAGE"), strength=1.0, device="cpu")
        g.output("image", g.node("LokiImageLevels", image=edges.out(0), black_point=0.0, white_point=1.0, gamma=1.2).out(0))
        return FLOW.execute(g, backend=backend)
''')


@pytest.fixture(scope="module")
def cluster():
    """Two real workers on one scheduler: `gpu` declares a GPU resource, `cpu` none."""
    from distributed import Client, Scheduler, SpecCluster, Worker

    spec = SpecCluster(scheduler={"cls": Scheduler, "options": {"dashboard_address": None, "host": "127.0.0.1"}},
                       workers={"gpu": {"cls": Worker, "options": {"nthreads": 1, "resources": {"GPU": 1}}},
                                "cpu": {"cls": Worker, "options": {"nthreads": 1}}})
    client = Client(spec)
    client.wait_for_workers(2, timeout=60)
    yield client
    client.close()
    spec.close()


def test_cuda_nodes_and_flows_that_use_them_need_a_gpu(tmp_path):
    gpu = routing.gpu_types([REPO])
    assert "LokiImageEdgeDetect" in gpu  # device: cuda in its config
    assert "LokiImageSketch" in gpu  # a composite whose flow uses image_edge_detect
    assert not {"LokiImageLevels", "LokiPhotoFinish", "LokiSoftGlow"} & gpu
    library = tmp_path / "lib" / "nodes"
    for name, device, uses in (("cuda_op", "cuda", []), ("wraps_cuda", "cpu", ["LokiCudaOp"]),
                               ("wraps_wrapper", "cpu", ["LokiWrapsCuda"]), ("plain", "cpu", ["LokiImageLevels"])):
        (library / name).mkdir(parents=True)
        (library / name / f"{name}.json").write_text(json.dumps({"node_name": name, "device": device}))
        (library / name / f"{name}_workflow.json").write_text(json.dumps({"nodes": [{"type": t} for t in uses]}))
    assert routing.gpu_types([tmp_path / "lib"]) == {"LokiCudaOp", "LokiWrapsCuda", "LokiWrapsWrapper"}


def jobs_file(tmp_path, count):
    (tmp_path / "edges.py").write_text(EDGE_FLOW, encoding="utf-8")
    lines = []
    for i in range(count):
        write_image(tmp_path / f"in_{i}.png", i, size=12)
        kind = i % 3
        flow = {0: str(PHOTO_FINISH), 1: "edges.py", 2: str(REPO / "nodes" / "image_edge_detect")}[kind]
        inputs = {"image": f"in_{i}.png"} | ({"caption": str(i)} if kind == 0 else {})
        lines.append({"flow": flow, "inputs": inputs})
    path = tmp_path / "jobs.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_gpu_jobs_run_only_on_gpu_workers_and_the_report_keeps_job_order(cluster, tmp_path):
    jobs = read_jsonl(jobs_file(tmp_path, 9))
    prepared = prepare(jobs, Backends("loki"))
    assert [p.task.resources for p in prepared] == [None, {"GPU": 1}, {"GPU": 1}] * 3
    entries = run_batch(cluster, prepared, Backends("loki"), tmp_path / "out", Progress(len(jobs), False))
    assert [e["index"] for e in entries] == list(range(9)) and [e["line"] for e in entries] == list(range(1, 10))
    assert [e["status"] for e in entries] == ["ok"] * 9, [e["error"] for e in entries]
    assert {e["worker"]["name"] for i, e in enumerate(entries) if i % 3} == {"gpu"}
    for e in entries:
        assert e["outputs"]["image"] == str(tmp_path / "out" / e["id"] / "image.png")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"job-{i:04d}" for i in range(1, 10)]


def test_gpu_jobs_without_a_gpu_worker_fail_at_once_and_the_others_run(tmp_path):
    from distributed import Client, LocalCluster

    jobs = read_jsonl(jobs_file(tmp_path, 3))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as local, \
            Client(local) as client:
        entries = run_batch(client, prepare(jobs, Backends("loki")), Backends("loki"), tmp_path / "out",
                            Progress(3, False))
    assert [e["status"] for e in entries] == ["ok", "failed", "failed"]
    assert [e["error"]["code"] for e in entries[1:]] == [codes.NO_WORKER_FOR_RESOURCES] * 2
    assert not (tmp_path / "out" / "job-0002").exists()


def test_a_failing_flow_is_reported_once_with_its_own_code(cluster, tmp_path):
    (tmp_path / "broken.py").write_text(EDGE_FLOW.replace('gamma=1.2)',
                                                          'gamma=99.0)'))
    write_image(tmp_path / "a.png", 3, size=8)
    (tmp_path / "jobs.jsonl").write_text(json.dumps({"flow": "broken.py", "inputs": {"image": "a.png"}}) + "\n")
    entries = run_batch(cluster, prepare(read_jsonl(tmp_path / "jobs.jsonl"), Backends("loki")), Backends("loki"),
                        tmp_path / "out", Progress(1, False))
    assert entries[0]["status"] == "failed" and entries[0]["error"]["code"] == "LOKI3003"  # out of range
    assert entries[0]["worker"]["name"] == "gpu" and entries[0]["reruns"] == 0


def test_commits_replace_an_earlier_run_in_one_step(tmp_path):
    first = report.commit(tmp_path, "job-0001", {"image.png": b"old", "sub/x.txt": b"1"})
    assert (first / "sub" / "x.txt").read_bytes() == b"1"
    report.commit(tmp_path, "job-0001", {"image.png": b"new"})
    assert sorted(p.name for p in first.rglob("*")) == ["image.png"] and (first / "image.png").read_bytes() == b"new"
    report.commit(tmp_path, "job-0001", None)  # failed this time: nothing of the earlier run stays
    assert list(tmp_path.iterdir()) == []


def test_the_report_is_written_in_job_order(tmp_path):
    entries = [{"index": i, "id": f"job-{i}"} for i in (2, 0, 1)]
    report.write(entries, tmp_path / "r.json")
    assert [e["index"] for e in json.loads((tmp_path / "r.json").read_text())] == [0, 1, 2]
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_a_job_whose_files_cannot_be_written_is_reported_failed(tmp_path):
    from loki_runtime.dispatch.engine import Outcome
    from loki_runtime.dispatch.jobs import Job

    (tmp_path / "out").write_text("a file where the output folder should be")
    value = {"status": "ok", "outputs": {"image": {"__loki_file__": "image.png"}}, "files": {"image.png": b"x"},
             "worker": {"name": "0"}, "error": None, "seconds": 0.1}
    entry = report.entry(Job(0, "job-0001", "f.py", {}, "jobs.jsonl", 1), Outcome("k", value), tmp_path / "out")
    assert entry["status"] == "failed" and entry["error"]["code"] == codes.OUTPUT_NOT_WRITTEN
    assert entry["outputs"] == {} and entry["worker"] == {"name": "0"}
