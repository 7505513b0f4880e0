"""Time the full analysis on generated markets and on the West Lake layout (SPEC §5).

Markets of 200, 1,000, 2,000 and 5,000 booths are built as SPEC §5 says
(blocks of twenty 3 × 3 m booths back to back, 4 m aisles, a few gates,
zones over the blocks; see benchmarks/market.py). Each case runs in a
child process of its own, so its peak memory is its own: the child builds
the layout, runs ``analyse`` --repeat times, and reports the stage times
of the best run's ``report.timings``, the median total (the machine may
be shared: quote both) and its peak resident memory. Results print as
they come.

    python benchmarks/bench_analysis.py [--sizes 200 1000 2000 5000] [--repeat 3]
                                        [--timeout 240] [--tracemalloc] [--moves 10]

The narrow passages and the capacity network are built on a second thread
while the router and the nearest exits are worked out on the first: their
time shows in the "flow" column only where the first thread waits for them,
and on a busy machine (one core free, not two) the totals rise.

Last, one booth at a time is moved in the 200-booth market, then on West
Lake, and the layout re-analysed by ``incremental.Analyser``, which keeps
what the move cannot change; each report is checked against a fresh full run.

Targets (SPEC §5, a 2-core machine): West Lake ≤ 150 ms; 2,000 booths ≤ 1.5 s;
t(5,000) / t(2,000) ≤ 3; re-analysis after moving one booth among 200 ≤ 50 ms;
the result of an edit on West Lake in the live editor ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

STAGES = ("areas", "graph", "paths", "walks", "routes", "flow", "rules", "total")
TARGETS = {"west-lake": 0.150, 2000: 1.5}


def _rss_mb() -> float:
    """Current resident memory of this process in MB (Linux /proc; else the peak)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _peak_mb()


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _case(name, repeat: int, use_tracemalloc: bool, conn) -> None:
    """Child process: build one layout, analyse it, send back the figures."""
    try:
        from planner.solver import analyse

        if name == "west-lake":
            from planner.formats import read_layout
            from planner.resources import bundled_layout

            layout = read_layout(bundled_layout())
        else:
            from market import market

            layout = market(int(name))
        before = _rss_mb()
        runs = []
        traced = None
        for i in range(repeat):
            if use_tracemalloc and i == repeat - 1:
                import tracemalloc

                tracemalloc.start()
            start = time.perf_counter()
            report = analyse(layout)
            wall = time.perf_counter() - start
            if use_tracemalloc and i == repeat - 1:
                import tracemalloc

                traced = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            runs.append((wall, dict(report.timings)))
        best_wall, best = min(runs, key=lambda r: r[0])
        conn.send({
            "booths": len(layout.booths), "zones": len(layout.zones), "gates": len(layout.gates),
            "visitors": sum(z.peak_visitors for z in layout.zones),
            "wall": best_wall, "timings": best, "runs": [r[0] for r in runs],
            "rss_before": before, "peak": _peak_mb(), "traced": traced,
            "egress": report.egress.get("time_s"), "errors": len(report.errors),
            "warnings": len(report.warnings),
        })
    except BaseException as exc:   # report, never hang the parent
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
    finally:
        conn.close()


def _reanalysis(booths: int | str, moves: int, conn) -> None:
    """Child process: move one booth at a time, re-analyse with an Analyser, time it.

    Each move shifts a different booth by 0.5–1.5 m (a drag's worth); after
    timing, the report is compared with a fresh full analysis of the same layout.
    """
    try:
        import json
        import random

        from market import market

        from planner.solver import analyse
        from planner.solver.incremental import Analyser

        if booths == "west-lake":
            from planner.formats import read_layout
            from planner.resources import bundled_layout

            layout = read_layout(bundled_layout())
        else:
            layout = market(booths)
        analyser = Analyser()
        analyser.analyse(layout)
        rng = random.Random(5)
        times, stages, same = [], [], True
        for _ in range(moves):
            booth = rng.choice(layout.booths)
            booth.x += rng.choice([-1, 1]) * rng.uniform(0.5, 1.5)
            start = time.perf_counter()
            report = analyser.analyse(layout)
            times.append(time.perf_counter() - start)
            stages.append(dict(report.timings))
            fresh = analyse(layout)
            same &= json.dumps(report.to_json(), sort_keys=True) == json.dumps(fresh.to_json(), sort_keys=True)
        best = min(range(moves), key=lambda k: times[k])
        conn.send({"times": times, "timings": stages[best], "same": same})
    except BaseException as exc:   # report, never hang the parent
        conn.send({"error": f"{type(exc).__name__}: {exc}"})
    finally:
        conn.close()


def run_case(name, repeat: int, timeout: float, use_tracemalloc: bool, target=None) -> dict:
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    args = (name, repeat, use_tracemalloc, child) if target is None else (name, repeat, child)
    proc = ctx.Process(target=target or _case, args=args)
    proc.start()
    child.close()
    result = None
    if parent.poll(timeout):
        result = parent.recv()
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    return result or {"error": f"no result within {timeout:.0f} s"}


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "    —"
    return f"{seconds * 1000:7.0f}" if seconds < 10 else f"{seconds:6.1f}s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[200, 1000, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per case; the best one's stages are shown, with the median total")
    parser.add_argument("--timeout", type=float, default=240.0, help="seconds per case before giving up")
    parser.add_argument("--no-west-lake", action="store_true")
    parser.add_argument("--moves", type=int, default=10,
                        help="single-booth moves re-analysed among 200 booths (0: skip)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also measure the Python heap's peak on the last run (slows it down)")
    args = parser.parse_args(argv)

    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"times in ms (best of the runs), memory in MB")
    head = "case".ljust(10) + "booths".rjust(7) + "".join(s.rjust(8) for s in STAGES) + \
        "  peak RSS  +analysis" + ("  py-heap" if args.tracemalloc else "") + "   egress  findings"
    print(head)
    print("-" * len(head))
    cases = ([] if args.no_west_lake else ["west-lake"]) + list(args.sizes)
    totals: dict = {}
    medians: dict = {}
    for name in cases:
        size = name if name == "west-lake" else int(name)
        repeat = max(1, args.repeat)
        res = run_case(name, repeat, args.timeout, args.tracemalloc)
        label = str(name)
        if "error" in res:
            print(f"{label:<10} {res['error']}", flush=True)
            continue
        t = res["timings"]
        totals[size] = t.get("total", res["wall"])
        runs = sorted(res["runs"])
        medians[size] = runs[len(runs) // 2]
        line = f"{label:<10}{res['booths']:>7}" + "".join(fmt(t.get(s)).rjust(8) for s in STAGES)
        line += f"{res['peak']:>10.0f}{res['peak'] - res['rss_before']:>10.0f}"
        if args.tracemalloc:
            line += f"{res['traced']:>9.0f}" if res["traced"] is not None else "        —"
        egress = res["egress"]
        line += f"{egress:>8.0f}s" if egress is not None else "     null"
        line += f"  {res['errors']}E {res['warnings']}W"
        line += f"   median {fmt(medians[size]).strip()} of {len(runs)}"
        target = TARGETS.get(size)
        if target is not None:
            line += f"   target ≤ {target * 1000:.0f} ms: {'ok' if totals[size] <= target else 'MISSED'}"
        print(line, flush=True)
    if 2000 in totals and 5000 in totals:
        ratio = totals[5000] / totals[2000]
        middle = medians[5000] / medians[2000]
        print(f"\nt(5000) / t(2000) = {ratio:.2f} best, {middle:.2f} median  "
              f"(target ≤ 3: {'ok' if max(ratio, middle) <= 3 else 'MISSED'})")
    if args.moves:
        # The market (SPEC §5: ≤ 50 ms) and West Lake, whose edits the live editor shows (≤ 200 ms).
        for name, label, limit in ((200, "among 200", 0.050), ("west-lake", "on West Lake", 0.200)):
            if name == "west-lake" and args.no_west_lake:
                continue
            res = run_case(name, args.moves, args.timeout, False, target=_reanalysis)
            if "error" in res:
                print(f"re-analysis after moving one booth {label}: {res['error']}")
                continue
            times = sorted(res["times"])
            t = res["timings"]
            best, median = times[0], times[len(times) // 2]
            print(f"\nre-analysis after moving one booth {label} (Analyser, {len(times)} moves): "
                  f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms; stages of the best: "
                  + ", ".join(f"{s} {t[s] * 1000:.0f}" for s in STAGES if s in t)
                  + f"; same report as a full run: {'yes' if res['same'] else 'NO'}"
                  + f"   target ≤ {limit * 1000:.0f} ms: {'ok' if best <= limit else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
