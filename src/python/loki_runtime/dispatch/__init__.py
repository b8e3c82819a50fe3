"""The dispatcher: many flow jobs across many ComfyUI backends through Dask distributed (`python3 -m
loki_runtime.dispatch`, behind `loki run`). docs/dispatcher.md describes it; one module per concern:

| module | what |
|---|---|
| `codes.py` | the LOKI8040-8079 codes and `DispatchError` |
| `jobs.py` | reading a JSONL file of jobs, or one flow with a CSV of inputs, into `Job`s |
| `flows.py` | loading a flow (or LOKI Script) file in a process, once, and checking a job's inputs against it |
| `routing.py` | which jobs need a GPU: the library's `device: cuda` nodes, inside flows too |
| `payload.py` | input files shipped to workers as bytes, output files shipped back |
| `runner.py` | the task a worker runs: one job on this worker's backend |
| `cluster.py` | an embedded `LocalCluster` or a real scheduler |
| `engine.py` | submitting tasks, gathering them (worker deaths, missing resources) |
| `report.py` | one result per job, outputs committed atomically, the JSON report |
| `progress.py` | the progress bar (a terminal only) and the events log |
| `cli.py` | the command line |
"""
