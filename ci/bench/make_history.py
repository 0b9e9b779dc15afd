#!/usr/bin/env python3
"""Writes a git repository with one benchmark run per commit, through `git fast-import`.

  make_history.py PATH --commits N [--shape accumulate|overwrite|pytest-autosave] [--benchmarks K] [--seed S]

accumulate: each commit adds bench/runs/run_<timestamp>.json (the tree grows by a file a commit, as a
project that commits every run does); overwrite: each commit rewrites bench/results.json. Each file is
Google Benchmark JSON with K benchmarks, one repetition each. pytest-autosave: each commit adds a
pytest-benchmark `--benchmark-autosave --benchmark-save-data` file,
.benchmarks/Linux-CPython-3.11-64bit/<counter>_<commit>_<YYYYMMDD_HHMMSS>.json, with K tests of 20
samples each. Prints the commit:path of every run, one
per line, to PATH.runs (the input of `git cat-file --batch`).
"""
import argparse, json, os, random, subprocess, sys, time


def google_benchmark(rng, moment, levels):
    """A Google Benchmark JSON document of one repetition of each benchmark."""
    return {
        "context": {"date": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(moment)), "num_cpus": 2,
                    "mhz_per_cpu": 2400, "cpu_scaling_enabled": False, "library_build_type": "release"},
        "benchmarks": [
            {"name": f"BM_case{k}", "run_name": f"BM_case{k}", "run_type": "iteration", "repetitions": 1,
             "repetition_index": 0, "threads": 1, "iterations": 1000,
             "real_time": round(levels[k] * rng.gauss(1, 0.02), 3),
             "cpu_time": round(levels[k] * rng.gauss(1, 0.02), 3), "time_unit": "ns"}
            for k in range(len(levels))
        ],
    }


def pytest_autosave(rng, index, moment, levels):
    """The path and document of a pytest-benchmark autosave with raw data: 20 samples a test, in seconds."""
    commit = "%040x" % rng.getrandbits(160)
    path = f".benchmarks/Linux-CPython-3.11-64bit/{index + 1:04d}_{commit}_{time.strftime('%Y%m%d_%H%M%S', time.gmtime(moment))}.json"
    benchmarks = []
    for k, level in enumerate(levels):
        data = [level * 1e-9 * rng.gauss(1, 0.03) for _ in range(20)]
        ordered = sorted(data)
        benchmarks.append({
            "group": None, "name": f"test_case_{k}", "fullname": f"tests/test_speed.py::test_case_{k}", "params": None,
            "param": None, "extra_info": {},
            "options": {"disable_gc": False, "timer": "perf_counter", "min_rounds": 5, "max_time": 1.0, "min_time": 5e-06,
                        "warmup": False},
            "stats": {"min": ordered[0], "max": ordered[-1], "mean": sum(data) / 20, "median": (ordered[9] + ordered[10]) / 2,
                      "rounds": 20, "iterations": 1, "ops": 20 / sum(data), "total": sum(data), "data": data},
        })
    document = {
        "machine_info": {"node": "ci-runner", "processor": "x86_64", "machine": "x86_64", "python_implementation": "CPython",
                         "python_version": "3.11.7", "release": "6.1.0", "system": "Linux",
                         "cpu": {"brand_raw": "Example CPU", "count": 2, "vendor_id_raw": "GenuineIntel"}},
        "commit_info": {"id": commit, "dirty": False, "project": "example", "branch": "main"},
        "benchmarks": benchmarks,
        "datetime": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(moment)),
        "version": "5.2.3",
    }
    return path, document


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--shape", choices=["accumulate", "overwrite", "pytest-autosave"], default="accumulate")
    parser.add_argument("--benchmarks", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.path, exist_ok=False)
    subprocess.run(["git", "init", "-q", "-b", "main", args.path], check=True)
    importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=args.path, stdin=subprocess.PIPE)
    out = importer.stdin
    start = 1_700_000_000
    runs = []
    levels = [rng.uniform(50, 5000) for _ in range(args.benchmarks)]
    for index in range(args.commits):
        moment = start + index * 3600
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(moment))
        path = f"bench/runs/run_{stamp}.json" if args.shape == "accumulate" else "bench/results.json"
        if args.shape == "pytest-autosave":
            path, document = pytest_autosave(rng, index, moment, levels)
        else:
            document = google_benchmark(rng, moment, levels)
        data = json.dumps(document, indent=1).encode()
        out.write(f"commit refs/heads/main\nmark :{index + 1}\n".encode())
        out.write(f"author Bench <bench@example.com> {moment} +0000\ncommitter Bench <bench@example.com> {moment} +0000\n".encode())
        message = f"run {index}".encode()
        out.write(b"data %d\n%s\n" % (len(message), message))
        if index > 0:
            out.write(f"from :{index}\n".encode())
        out.write(f"M 100644 inline {path}\ndata {len(data)}\n".encode())
        out.write(data + b"\n")
        runs.append((index + 1, path))
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    marks = subprocess.run(["git", "rev-list", "--reverse", "main"], cwd=args.path, check=True,
                           capture_output=True, text=True).stdout.split()
    with open(args.path.rstrip("/") + ".runs", "w") as listing:
        for (mark, path), commit in zip(runs, marks):
            listing.write(f"{commit}:{path}\n")


if __name__ == "__main__":
    main()
