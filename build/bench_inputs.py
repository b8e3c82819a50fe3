"""Inputs of build/bench-convert.py's single-workflow rows, made so that every converter does a FULL conversion.

The 976-node workflow (LARGEST) uses 22 nodes whose classes the 0.3.64 reference dump does not define: with the
reference alone LOKI stops at LOKI1200 and writes nothing (the writer is never measured) while the anchors guess.
For the full-conversion row every converter gets the same node definitions:
  - the reference dump,
  - object_info_dumps/Kiruthika-V-G__comfyui-nodes (a real install's dump: the WAS Suite text and latent nodes),
  - build/bench-data/ImageScaleFactor_O.object_info.json, the one class no corpus dump defines, written from the pack's
    source (see build/bench-data/README.md).
LOKI gets them as three `--schemas` (it picks, per node, the newest definition its saved widgets fit); the anchors,
which take one object_info, get them merged into one dict, the reference winning where two define a class.

Two more of its nodes are `PresetText`: a node of pysssss's ComfyUI-Custom-Scripts that exists only in the frontend
(`isVirtualNode`, registered by presetText.js, no Python class), so no /object_info can define it and the frontend
never sends it. The two have no links, so the prompt the frontend makes is the same without them: the copy every
converter gets leaves them out (LOKI does not know that class as frontend-only and would report LOKI1200).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LARGEST = "workflows/wyrde__wyrde-comfyui-workflows/why-oh-why/nulti-sample-latent-fixing-x40/multi-sample-latent-fixing-x40-v1.2.json"
LARGE_FRONTEND = "frontend-pairs/Comfy-Org__ComfyUI_frontend@christian-byrne-fork/browser_tests/assets/large-graph-workflow.json.workflow.json"
REFERENCE = "schemas/reference/comfyui-0.3.64-core.object_info.json"
KIRUTHIKA = "schemas/object_info_dumps/Kiruthika-V-G__comfyui-nodes/object_info.json"
OFFLINE = "schemas/object_info_dumps/offflinerpsy__orchestrator-v3/object_info.json"
OMAR = Path(__file__).resolve().parent / "bench-data" / "ImageScaleFactor_O.object_info.json"
FRONTEND_ONLY = {"PresetText"}  # pysssss ComfyUI-Custom-Scripts, presetText.js: isVirtualNode


def full_largest(corpus: Path, work: Path) -> tuple[Path, list[Path], Path, int]:
    """The 976-node workflow as every converter gets it for the full row: (workflow copy, LOKI's dumps in order,
    the anchors' merged object_info, nodes left out)."""
    workflow = json.loads((corpus / LARGEST).read_text(encoding="utf-8"))
    kept = [n for n in workflow["nodes"] if not (n.get("type") in FRONTEND_ONLY and not any(o.get("links") for o in n.get("outputs") or []))]
    dropped = len(workflow["nodes"]) - len(kept)
    workflow["nodes"] = kept
    copy = work / "largest-full.json"
    copy.write_text(json.dumps(workflow), encoding="utf-8")

    dumps = [corpus / REFERENCE, corpus / KIRUTHIKA, OMAR]
    merged: dict = {}
    for dump in [dumps[1], dumps[0], dumps[2]]:  # later wins: the reference over Kiruthika's copies of core classes
        merged.update(json.loads(dump.read_text(encoding="utf-8")))
    object_info = work / "largest-object_info.json"
    object_info.write_text(json.dumps(merged), encoding="utf-8")
    return copy, dumps, object_info, dropped


def check_full(loki: Path, workflow: Path, dumps: list[Path], out: Path) -> int:
    """Converts the workflow with the native CLI and the given dumps; stops the benchmark unless it converts with no
    error. Returns the prompt's entry count."""
    cmd = [str(loki), "convert", str(workflow), "--to", "api", *[a for d in dumps for a in ("--schemas", str(d))], "-o", str(out)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors = [line for line in proc.stderr.splitlines() if ": error " in line]
    if proc.returncode != 0 or errors or not out.is_file():
        sys.exit(f"{workflow.name} does not convert cleanly (exit {proc.returncode}):\n" + "\n".join(errors[:10] or proc.stderr.splitlines()[-10:]))
    return len(json.loads(out.read_text(encoding="utf-8")))
