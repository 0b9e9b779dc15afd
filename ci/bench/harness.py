#!/usr/bin/env python3
"""Times regress against the tool a user would use instead, one line per workload.

  harness.py REGRESS INPUTS [--runs N] [--only NAME ...]

Each workload runs regress and its reference alternately, N times each (fewer for the slow ones),
and reports the median wall time of each, their ratio (reference / regress: above 1 means regress
is faster) and each one's peak resident memory (from wait4's rusage of that very process).
"""
import argparse, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def workloads(regress, inputs):
    reference = [sys.executable, os.path.join(HERE, "reference.py")]
    compare = lambda repo: [regress, "compare", "HEAD~1", "--head", "HEAD", "--repo", os.path.join(inputs, repo),
                            "--format", "json", "--output", os.devnull]
    at = lambda name: os.path.join(inputs, name)
    return [
        ("compare pytest-benchmark 10,000 metrics x 30 samples", compare("pytest"),
         reference + ["pytest", at("pytest-base.json"), at("pytest-head.json")]),
        ("compare CSV 10,000 rows x 6 metrics", compare("csv-10000"),
         reference + ["csv", at("csv-10000-base.csv"), at("csv-10000-head.csv")]),
        ("compare CSV 30,000 rows x 6 metrics", compare("csv-30000"),
         reference + ["csv", at("csv-30000-base.csv"), at("csv-30000-head.csv")]),
        ("compare CSV 100,000 rows x 6 metrics", compare("csv-100000"),
         reference + ["csv", at("csv-100000-base.csv"), at("csv-100000-head.csv")]),
        ("parse CSV 1,000,000 rows x 6 (43 MB)", [regress, "inspect", at("big.csv")],
         reference + ["read-csv", at("big.csv")]),
        ("parse Google Benchmark JSON (101 MB)", [regress, "inspect", at("gbench.json")],
         reference + ["json-load", at("gbench.json")]),
        ("cold start: compare, 2 commits, 8 KB artifact", compare("small"),
         ["git", "-C", at("small"), "diff", "--stat", "HEAD~1", "HEAD"]),
        ("compare: 18,000 Google Benchmark files (3,600 runs)", compare("gbench-repo"), None),
        ("compare: asv results, 1,250 files", compare("asv-project"), None),
        ("compare: asv results-only repository, 1,250 files", compare("asv-results"), None),
    ]


def measure(command):
    """Wall seconds and peak resident MB of one run; exit codes 0 and 1 (regressions found) are fine."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(command)} exited {code}: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("regress")
    parser.add_argument("inputs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    print(f"| workload | regress | reference | ratio | regress peak | reference peak |")
    print(f"|---|---|---|---|---|---|")
    for name, regress, reference in workloads(args.regress, args.inputs):
        if args.only and not any(word in name for word in args.only):
            continue
        first, _ = measure(regress)  # warm-up (page cache), and a measure of how slow it is
        runs = args.runs if first < 5 else max(1, min(args.runs, 3))
        mine, theirs = [], []
        for _ in range(runs):
            mine.append(measure(regress))
            if reference:
                theirs.append(measure(reference))
        time_mine = statistics.median(t for t, _ in mine)
        peak_mine = max(m for _, m in mine)
        if reference:
            time_theirs = statistics.median(t for t, _ in theirs)
            peak_theirs = max(m for _, m in theirs)
            print(f"| {name} | {format_time(time_mine)} | {format_time(time_theirs)} | "
                  f"{time_theirs / time_mine:.1f}x | {peak_mine:.0f} MB | {peak_theirs:.0f} MB |", flush=True)
        else:
            print(f"| {name} | {format_time(time_mine)} | — | — | {peak_mine:.0f} MB | — |", flush=True)


def format_time(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
