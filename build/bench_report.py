"""The report of build/bench-convert.py: the table of every measure, the per-round numbers and the goals of issue 10.

Every ratio is taken within a round first (both sides met the same load), then the median of the rounds.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
from datetime import datetime, timezone
from pathlib import Path


def med(values: list[float]) -> float:
    return statistics.median(values)


def report(rounds: list[dict], a, files: list[str], sample: list[str], dumps: dict[str, Path], other_dumps: dict[str, Path],
           base: Path | None, largest_loki_entries: int, large245_loki_entries: int, dropped: int) -> None:
    """Prints the report of `rounds` (each round's numbers as bench-convert.py's main loop measured them)."""
    def over(path: list[str]) -> float:
        vals = []
        for m in rounds:
            v = m
            for key in path:
                v = v[key]
            vals.append(v)
        return med(vals)

    def get(m: dict, path: list[str]) -> float:
        for key in path:
            m = m[key]
        return m

    def ratio(num: list[str], den: list[str]) -> float:
        # the ratio within each round, then the median: both sides met the same load
        vals = []
        for m in rounds:
            n, d = m, m
            for key in num:
                n = n[key]
            for key in den:
                d = d[key]
            vals.append(n / d)
        return med(vals)

    ms = lambda s: f"{s * 1000:.0f} ms"  # noqa: E731
    print()
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {a.rounds} rounds, medians")
    print(f"files: {len(files)} frontend pairs; per-file sample {len(sample)}; passes {a.passes}; single-workflow iterations: anchors {a.iters}, LOKI harness {a.loki_iters}")
    print()
    print("| measure | loki | seth | comfy-cli | floor | loki / faster anchor | loki / floor | goal |")
    print("|---|---|---|---|---|---|---|---|")
    pf = ["per_file"]
    faster_cpu = min(over(pf + ["seth", "cpu"]), over(pf + ["comfycli", "cpu"]))
    faster_name = "seth" if over(pf + ["seth", "cpu"]) <= over(pf + ["comfycli", "cpu"]) else "comfycli"
    print(f"| one process per file, CPU | {ms(over(pf + ['loki', 'cpu']))} | {ms(over(pf + ['seth', 'cpu']))} | {ms(over(pf + ['comfycli', 'cpu']))} "
          f"| `loki --help` {ms(over(pf + ['loki --help', 'cpu']))}, `python3 -c pass` {ms(over(pf + ['python3 -c pass', 'cpu']))} "
          f"| {ratio(pf + ['loki', 'cpu'], pf + [faster_name, 'cpu']):.2f} | {ratio(pf + ['loki', 'cpu'], pf + ['loki --help', 'cpu']):.2f} | ≤ 0.8 |")
    print(f"| one process per file, wall | {ms(over(pf + ['loki', 'wall']))} | {ms(over(pf + ['seth', 'wall']))} | {ms(over(pf + ['comfycli', 'wall']))} "
          f"| `loki --help` {ms(over(pf + ['loki --help', 'wall']))}, `python3 -c pass` {ms(over(pf + ['python3 -c pass', 'wall']))} "
          f"| {ratio(pf + ['loki', 'wall'], pf + [faster_name, 'wall']):.2f} | | ≤ 0.8 |")
    # The floor of this row is LOKI with the shipped catalogue alone: the same dump given again must cost nothing more.
    # Every dump is measured: the goal is "no dearer than the catalogue alone for ANY dump", so its figure is the worst.
    schema_rows = [(name, f"loki --schemas {name}") for name in dumps]
    for label, key in schema_rows:
        for state, k, goal in [("warm cache", key, "≤ 0.8, ≤ 1 floor"), ("cold: first use, empty cache", key + " cold", "")]:
            print(f"| one process per file with --schemas ({label}; {state}), CPU | {ms(over(pf + [k, 'cpu']))} | | | catalogue alone {ms(over(pf + ['loki', 'cpu']))} "
                  f"| {ratio(pf + [k, 'cpu'], pf + [faster_name, 'cpu']):.2f} | {ratio(pf + [k, 'cpu'], pf + ['loki', 'cpu']):.2f} | {goal} |")
    worst_label, worst_key = max(schema_rows, key=lambda r: ratio(pf + [r[1], "cpu"], pf + ["loki", "cpu"]))
    b = ["batch"]
    print(f"| whole set, one process end to end, CPU | {ms(over(b + ['loki', 'cpu']))} | {ms(over(b + ['seth', 'cpu']))} | {ms(over(b + ['comfycli', 'cpu']))} "
          f"| | {ratio(b + ['loki', 'cpu'], b + ['seth', 'cpu']):.2f} (Seth) | | ≤ 0.5 |")
    print(f"| whole set, one process end to end, wall | {ms(over(b + ['loki', 'wall']))} | {ms(over(b + ['seth', 'wall']))} | {ms(over(b + ['comfycli', 'wall']))} "
          f"| | {ratio(b + ['loki', 'wall'], b + ['seth', 'wall']):.2f} (Seth) | | ≤ 0.5 |")
    if base:
        for key, label in [(b, "whole set, one process end to end"), (pf, "one process per file")]:
            print(f"| {label}, CPU, base loki ({base}) | {ms(over(key + ['loki base', 'cpu']))} | {ms(over(key + ['seth', 'cpu']))} | | "
                  f"| {ratio(key + ['loki base', 'cpu'], key + ['seth', 'cpu']):.2f} (Seth); loki / base {ratio(key + ['loki', 'cpu'], key + ['loki base', 'cpu']):.2f} | | |")
    p = ["passes"]
    print(f"| whole set, warm pass, CPU (LOKI: process, anchors: thread) | {ms(over(p + ['loki']))} | {ms(over(p + ['seth']))} | {ms(over(p + ['comfycli']))} "
          f"| STJ parse {ms(over(p + ['parse floor']))} | {ratio(p + ['loki'], p + ['seth']):.2f} (Seth) | {ratio(p + ['loki'], p + ['parse floor']):.2f} | ≤ 0.5 Seth, ≤ 2 floor |")
    print(f"| whole set, warm pass, loader only | {ms(over(p + ['loki loader']))} | | | STJ parse {ms(over(p + ['parse floor']))} | | {ratio(p + ['loki loader'], p + ['parse floor']):.2f} | |")
    lg, l245, lge = ["largest"], ["large245"], ["largest_error"]
    ms2 = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    for key, label, goal in [(lg, "976-node workflow, full conversion (3 dumps), CPU per conversion (LOKI: process)", "≤ 1.5 floor"),
                             (l245, "245-node frontend pair, CPU per conversion (LOKI: process)", "")]:
        print(f"| {label} | {ms2(over(key + ['loki']))} | {ms2(over(key + ['seth']))} | {ms2(over(key + ['comfycli']))} "
              f"| STJ parse {ms2(over(key + ['parse floor']))} | {ratio(key + ['loki'], key + ['seth']):.2f} (Seth) | {ratio(key + ['loki'], key + ['parse floor']):.2f} | {goal} |")
        print(f"| {label.split(',')[0]}, loader only | {ms2(over(key + ['loki loader']))} | | | STJ parse {ms2(over(key + ['parse floor']))} | | {ratio(key + ['loki loader'], key + ['parse floor']):.2f} | |")
    # The same rows against a floor timed in the same process (`passes --floor`), in each runtime: the JIT harness with
    # the JIT CLI's settings, and the Native AOT harness with the native CLI's (what the user runs). The median step is
    # one without a collection; the mean carries each step's share of them, so both are printed.
    for key, label in [(["passes_runtimes"], "whole set, warm pass"), (["largest_runtimes"], "976-node workflow, full conversion (3 dumps)")]:
        fmt = ms if key == ["passes_runtimes"] else ms2
        for rt, name in [("jit", "JIT harness, the JIT CLI's settings"), ("native", "Native AOT harness, the native CLI's settings")]:
            k = key + [rt]
            print(f"| {label}, {name}, floor in the same process, process CPU median (mean) | {fmt(over(k + ['loki']))} ({fmt(over(k + ['loki mean']))}) | | "
                  f"| STJ parse {fmt(over(k + ['floor']))} ({fmt(over(k + ['floor mean']))}) | | {ratio(k + ['loki'], k + ['floor']):.2f} "
                  f"(mean {ratio(k + ['loki mean'], k + ['floor mean']):.2f}; thread {ratio(k + ['loki thread'], k + ['floor thread']):.2f}) | |")
    print(f"| extra: 976-node workflow as measured before (reference alone: ends in LOKI1200, nothing written; the anchors guess) "
          f"| {ms2(over(lge + ['loki']))} | | | STJ parse {ms2(over(lge + ['parse floor']))} | | {ratio(lge + ['loki'], lge + ['parse floor']):.2f} | not a goal |")
    print()
    last = rounds[-1]
    print(f"Prompt entries (loki / seth / comfy-cli): 976-node full conversion {last['largest']['loki entries']:.0f} / {last['largest']['seth entries']:.0f} / "
          f"{last['largest']['comfycli entries']:.0f} (CLI check: {largest_loki_entries}; {dropped} frontend-only PresetText nodes without links left out of the copy); "
          f"245-node pair {last['large245']['loki entries']:.0f} / {last['large245']['seth entries']:.0f} / {last['large245']['comfycli entries']:.0f} (CLI check: {large245_loki_entries})")
    print()
    print("Per round (CPU, ms): " + "; ".join(
        f"{name} " + "/".join(f"{get(m, path) * 1000:.1f}" if get(m, path) < 0.01 else f"{get(m, path) * 1000:.0f}" for m in rounds)
        for name, path in [("batch loki", b + ["loki", "cpu"]), ("batch seth", b + ["seth", "cpu"]), *([("batch base loki", b + ["loki base", "cpu"])] if base else []),
                           ("per-file loki", pf + ["loki", "cpu"]), ("per-file --schemas reference", pf + ["loki --schemas the reference dump", "cpu"]),
                           ("warm pass loki", p + ["loki"]), ("warm pass seth", p + ["seth"]), ("parse floor", p + ["parse floor"]),
                           ("976-node loki", lg + ["loki"]), ("976-node floor", lg + ["parse floor"]),
                           ("245-node loki", l245 + ["loki"]), ("245-node floor", l245 + ["parse floor"]),
                           *[(f"{what} {rt} {side}", [key, rt, side]) for what, key in [("warm pass", "passes_runtimes"), ("976-node", "largest_runtimes")]
                             for rt in ("jit", "native") for side in ("loki", "floor", "loki mean", "floor mean")],
                           *[(f"per-file --schemas {n}{c}", pf + [f"loki --schemas {n}{c}", "cpu"]) for n in other_dumps for c in ("", " cold")]]))

    # The goals of issue 10, each as the same-round ratio (median of the rounds) against its limit.
    goals = [
        ("one process per file ≤ 0.8× the faster anchor, CPU", ratio(pf + ["loki", "cpu"], pf + [faster_name, "cpu"]), 0.8, faster_name),
        ("one process per file ≤ 0.8× the faster anchor, wall", ratio(pf + ["loki", "wall"], pf + [faster_name, "wall"]), 0.8, faster_name),
        (f"`--schemas` no dearer than the catalogue alone, CPU, warm cache, worst of {len(schema_rows)} dumps ({worst_label}) (the team's reading of 'no work twice'; not a limit the issue sets)", ratio(pf + [worst_key, "cpu"], pf + ["loki", "cpu"]), 1.0, "catalogue alone"),
        ("whole set, one process end to end ≤ 0.5× Seth, CPU", ratio(b + ["loki", "cpu"], b + ["seth", "cpu"]), 0.5, "seth"),
        ("whole set, one process end to end ≤ 0.5× Seth, wall", ratio(b + ["loki", "wall"], b + ["seth", "wall"]), 0.5, "seth"),
        ("whole set, warm pass ≤ 0.5× Seth (LOKI process CPU, Seth thread CPU)", ratio(p + ["loki"], p + ["seth"]), 0.5, "seth"),
        ("whole set, warm pass ≤ 2× the parse floor, JIT harness, floor timed in another process (the row as first measured)", ratio(p + ["loki"], p + ["parse floor"]), 2.0, "STJ parse"),
        ("976-node workflow ≤ 1.5× a full parse (full conversion, 3 dumps), JIT harness, floor timed in another process (the row as first measured)", ratio(lg + ["loki"], lg + ["parse floor"]), 1.5, "STJ parse"),
        # The same two goals in the runtime the user gets (Native AOT, the native CLI's settings), the floor timed in the
        # same process; the median, then the mean (collections included).
        ("whole set, warm pass ≤ 2× the parse floor, Native AOT, same process, median", ratio(["passes_runtimes", "native", "loki"], ["passes_runtimes", "native", "floor"]), 2.0, "STJ parse, same process"),
        ("whole set, warm pass ≤ 2× the parse floor, Native AOT, same process, mean", ratio(["passes_runtimes", "native", "loki mean"], ["passes_runtimes", "native", "floor mean"]), 2.0, "STJ parse, same process"),
        ("976-node workflow ≤ 1.5× a full parse, Native AOT, same process, median", ratio(["largest_runtimes", "native", "loki"], ["largest_runtimes", "native", "floor"]), 1.5, "STJ parse, same process"),
        ("976-node workflow ≤ 1.5× a full parse, Native AOT, same process, mean", ratio(["largest_runtimes", "native", "loki mean"], ["largest_runtimes", "native", "floor mean"]), 1.5, "STJ parse, same process"),
        # And in the JIT runtime (the dotnet tool, the build's MSBuild tasks), the floor timed in the same process.
        ("whole set, warm pass ≤ 2× the parse floor, JIT, same process, median", ratio(["passes_runtimes", "jit", "loki"], ["passes_runtimes", "jit", "floor"]), 2.0, "STJ parse, same process"),
        ("whole set, warm pass ≤ 2× the parse floor, JIT, same process, mean", ratio(["passes_runtimes", "jit", "loki mean"], ["passes_runtimes", "jit", "floor mean"]), 2.0, "STJ parse, same process"),
        ("976-node workflow ≤ 1.5× a full parse, JIT, same process, median", ratio(["largest_runtimes", "jit", "loki"], ["largest_runtimes", "jit", "floor"]), 1.5, "STJ parse, same process"),
        ("976-node workflow ≤ 1.5× a full parse, JIT, same process, mean", ratio(["largest_runtimes", "jit", "loki mean"], ["largest_runtimes", "jit", "floor mean"]), 1.5, "STJ parse, same process"),
    ]
    print()
    print(f"Goals of issue 10 ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {a.rounds} rounds, load average "
          f"{os.getloadavg()[0]:.1f}; same-round ratios, median of the rounds):")
    print()
    print("| goal | against | measured | limit | met |")
    print("|---|---|---|---|---|")
    # A ratio whose two sides ran in different processes, minutes apart, is not judged: this VM's speed shifts by up to
    # ~1.7x between phases (both sides of a same-process round move together), so such a ratio swung 1.5-2.8 across the
    # rounds of one run (docs/benchmarks.md, end of the tenth pass). The same quantities are judged in the same process.
    for goal, value, limit, against in goals:
        verdict = "not judged: its floor ran in another process" if "another process" in goal else "yes" if value <= limit else "**no**"
        print(f"| {goal} | {against} | {value:.2f} | {limit:g} | {verdict} |")
    print("| the no-change build of 1,000 nodes ≤ 1.5× an empty project's | empty project | see `build/bench-build.py` | 1.5 | not measured here |")
    if a.json:
        Path(a.json).write_text(json.dumps({"rounds": rounds, "goals": [{"goal": g, "ratio": v, "limit": l} for g, v, l, _ in goals]}, indent=1))
