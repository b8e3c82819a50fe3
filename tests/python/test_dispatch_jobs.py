"""The dispatcher's jobs files (JSONL, CSV) and job checks: every problem named by file, line and code."""
import json

import pytest

from loki_runtime.dispatch import codes, flows, jobs
from loki_runtime.dispatch.batch import prepare
from loki_runtime.dispatch.codes import DispatchError
from loki_runtime.dispatch.runner import Backends

from dispatch_jobs import PHOTO_FINISH, REPO, write_image


def problems(call):
    with pytest.raises(DispatchError) as info:
        call()
    return [(d.code, d.line) for d in info.value.diagnostics], info.value.diagnostics


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_jsonl_jobs_keep_file_order_lines_and_ids(tmp_path):
    path = write(tmp_path / "jobs.jsonl", "\n".join([
        json.dumps({"flow": str(PHOTO_FINISH), "inputs": {"caption": "a"}}),
        "",
        json.dumps({"flow": str(PHOTO_FINISH.parent), "id": "mine", "gpu": True}),
    ]) + "\n")
    read = jobs.read_jsonl(path)
    assert [(j.index, j.id, j.line, j.gpu) for j in read] == [(0, "job-0001", 1, None), (1, "mine", 3, True)]
    assert read[1].flow == str(PHOTO_FINISH)  # a node folder means its <n>.py


def test_bad_jsonl_lines_are_all_named_by_line_and_code(tmp_path):
    flow = json.dumps(str(PHOTO_FINISH))
    path = write(tmp_path / "bad.jsonl", "\n".join([
        '{"flow": ' + flow + '}',
        '{"flow": ' + flow + ',',                      # 2: not JSON
        '[1, 2]',                                       # 3: not an object
        '{"flow": ' + flow + ', "input": {}}',          # 4: unknown field
        '{"flow": "missing.py"}',                       # 5: no such flow
        '{"flow": ' + flow + ', "inputs": []}',         # 6: inputs not an object
        '{"flow": ' + flow + ', "id": "../x"}',         # 7: id not a folder name
        '{"flow": ' + flow + ', "id": "job-0001"}',     # 8: id used twice
    ]))
    found, diagnostics = problems(lambda: jobs.read_jsonl(path))
    assert found == [(codes.JOBS_INVALID_JSON, 2), (codes.JOB_BAD_FIELD, 3), (codes.JOB_BAD_FIELD, 4),
                     (codes.JOB_FLOW_NOT_FOUND, 5), (codes.JOB_BAD_FIELD, 6), (codes.JOB_BAD_FIELD, 7),
                     (codes.JOB_BAD_FIELD, 8)]
    assert str(diagnostics[0]).startswith(f"{path}(2): error LOKI8040: ")


def test_empty_and_missing_jobs_files(tmp_path):
    assert problems(lambda: jobs.read_jsonl(write(tmp_path / "e.jsonl", "\n\n")))[0] == [(codes.NO_JOBS, 0)]
    assert problems(lambda: jobs.read_jsonl(tmp_path / "none.jsonl"))[0] == [("LOKI0001", 0)]


def test_csv_rows_become_jobs_of_one_flow(tmp_path):
    path = write(tmp_path / "in.csv", 'image,caption\na.png,"two\nlines"\nb.png,\n')
    read = jobs.read_csv(PHOTO_FINISH, path)
    assert [(j.line, dict(j.inputs)) for j in read] == [(2, {"image": "a.png", "caption": "two\nlines"}),
                                                        (4, {"image": "b.png"})]  # empty cell: the default


def test_bad_csv_is_named_by_line(tmp_path):
    assert problems(lambda: jobs.read_csv(PHOTO_FINISH, write(tmp_path / "a.csv", "image,image\nx,y\n")))[0] == \
        [(codes.CSV_MALFORMED, 1)]
    assert problems(lambda: jobs.read_csv(PHOTO_FINISH, write(tmp_path / "b.csv", "image,caption\nx\ny,z,w\n")))[0] == \
        [(codes.CSV_MALFORMED, 2), (codes.CSV_MALFORMED, 3)]
    assert problems(lambda: jobs.read_csv(PHOTO_FINISH, write(tmp_path / "c.csv", "")))[0] == [(codes.NO_JOBS, 0)]
    assert problems(lambda: jobs.read_csv(tmp_path / "nope.py", write(tmp_path / "d.csv", "a\n1\n")))[0] == \
        [(codes.JOB_FLOW_NOT_FOUND, 0)]


def test_jobs_are_checked_against_their_flow_before_anything_runs(tmp_path):
    write_image(tmp_path / "a.png", 1)
    flow = json.dumps(str(PHOTO_FINISH))
    path = write(tmp_path / "jobs.jsonl", "\n".join([
        '{"flow": ' + flow + ', "inputs": {"image": "a.png"}}',
        '{"flow": ' + flow + ', "inputs": {"image": "a.png", "captions": "x"}}',   # 2: unknown input
        '{"flow": ' + flow + ', "inputs": {"image": "b.png"}}',                    # 3: no such file
        '{"flow": ' + flow + ', "inputs": {"caption": "x"}}',                      # 4: image is required
        '{"flow": ' + flow + ', "inputs": {"image": 7}}',                          # 5: not a path
    ]))
    found, _ = problems(lambda: prepare(jobs.read_jsonl(path), Backends("loki")))
    assert found == [(codes.JOB_UNKNOWN_INPUT, 2), (codes.JOB_INPUT_FILE_NOT_FOUND, 3), (codes.JOB_BAD_VALUE, 4),
                     (codes.JOB_BAD_VALUE, 5)]


def test_checked_inputs_are_coerced_and_absolute(tmp_path):
    write_image(tmp_path / "a.png", 1)
    job = jobs.read_csv(PHOTO_FINISH, write(tmp_path / "in.csv", "image,caption\na.png,12\n"))[0]
    checked = flows.check_job(job, flows.load(job.flow))
    assert checked.inputs == {"image": str((tmp_path / "a.png").resolve()), "caption": "12"}


def test_the_codes_mirror_the_csharp_table():
    import re

    table = (REPO / "src" / "Loki.Core" / "Diagnostics" / "LokiCodes.cs").read_text(encoding="utf-8")
    csharp = set(re.findall(r'public const string Dispatch\w+ = "(LOKI80[4-7]\d)";', table))
    python = {v for k, v in vars(codes).items() if k.isupper() and isinstance(v, str) and v.startswith("LOKI80")}
    assert python and python <= csharp
    assert csharp - python == {"LOKI8055"}  # the runtime not found: only the C# front-end can say that


def test_a_flow_that_cannot_be_loaded_is_named_at_each_jobs_line(tmp_path):
    (tmp_path / "exits.py").write_text("raise SystemExit(3)\n")
    (tmp_path / "two.py").write_text("from loki_runtime import script\n\n\n@script.entry\ndef a(x: int = 1):\n    return x\n\n\n"
                                     "@script.entry\ndef b(x: int = 1):\n    return x\n")
    path = write(tmp_path / "jobs.jsonl", '{"flow": "exits.py"}\n{"flow": "two.py"}\n')
    found, diagnostics = problems(lambda: prepare(jobs.read_jsonl(path), Backends("loki")))
    assert found == [(codes.JOB_FLOW_NOT_FOUND, 1), (codes.JOB_FLOW_NOT_FOUND, 2)]
    assert str(tmp_path / "exits.py") in str(diagnostics[0]) and "SystemExit" in str(diagnostics[0])
    assert str(tmp_path / "two.py") in str(diagnostics[1])
