#!/usr/bin/env python3
"""Writes every input of ci/bench-speed into a folder, deterministically (fixed seeds, fixed dates).

  make_inputs.py FOLDER [--only NAME ...]

  pytest/        a repository of two commits of a pytest-benchmark JSON file, 10,000 benchmarks x 30
                 samples each (`stats.data`), plus the two files as base.json and head.json
  csv-<rows>/    a repository of two commits of a CSV of <rows> rows x 6 metrics (10 runs per benchmark),
                 plus base.csv and head.csv; rows 10,000, 30,000 and 100,000
  big.csv        1,000,000 rows x 6 metric columns (43 MB)
  gbench.json    a Google Benchmark file of about 101 MB (2,000 benchmarks x 160 repetitions)
  small/         a repository of two commits of an 8 KB Google Benchmark file
  gbench-repo/   one commit per run, each adding five timestamped Google Benchmark files
                 (3,600 runs, 18,000 files)
  asv-project/   one commit per run, each adding the asv result file of the commit before it, named by
                 that commit as asv names them (1,250 files in results/bench-box/ beside machine.json
                 and benchmarks.json)
  asv-results/   the same, with results published apart from the code: each file names a commit of
                 another repository (one this history does not have), so its runs go by their `date`
"""
import argparse, hashlib, json, os, random, subprocess, sys, time

START = 1_700_000_000
CONFIG = b"version: 1\nartifacts:\n  - path: bench/results.%s\n"


class Importer:
    """Feeds `git fast-import`: one commit per call, files given as {path: bytes}."""

    def __init__(self, path):
        os.makedirs(path)
        subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
        self.process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=path, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE)
        self.count = 0

    def last_commit(self):
        """The hash of the commit just made (fast-import's `get-mark`)."""
        self.process.stdin.write(b"get-mark :%d\n" % self.count)
        self.process.stdin.flush()
        return self.process.stdout.readline().decode().strip()

    def commit(self, files, moment):
        out = self.process.stdin
        self.count += 1
        out.write(b"commit refs/heads/main\nmark :%d\n" % self.count)
        out.write(b"author Bench <bench@example.com> %d +0000\ncommitter Bench <bench@example.com> %d +0000\n" % (moment, moment))
        message = b"run %d" % self.count
        out.write(b"data %d\n%s\n" % (len(message), message))
        if self.count > 1:
            out.write(b"from :%d\n" % (self.count - 1))
        for path, data in files.items():
            out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    def close(self):
        self.process.stdin.close()
        if self.process.wait() != 0:
            sys.exit("git fast-import failed")


def two_commit_repo(path, name, base, head):
    importer = Importer(path)
    extension = name.rsplit(".", 1)[1].encode()
    importer.commit({"regress.yml": CONFIG % extension, "bench/" + name: base}, START)
    importer.commit({"bench/" + name: head}, START + 3600)
    importer.close()


def pytest_document(rng, shift):
    benchmarks = []
    for k in range(10_000):
        level = 1e-4 * (1 + k % 97)
        factor = 1.1 if k % 50 == 0 else 1.0
        data = [round(level * factor * (1 + shift) * rng.gauss(1, 0.03), 9) for _ in range(30)]
        ordered = sorted(data)
        mean = sum(data) / 30
        stddev = (sum((x - mean) ** 2 for x in data) / 29) ** 0.5
        benchmarks.append({
            "group": None, "name": f"test_case_{k}", "fullname": f"tests/test_speed.py::test_case_{k}",
            "params": None, "param": None, "extra_info": {}, "options": {"disable_gc": False, "timer": "perf_counter",
                                                                          "min_rounds": 5, "max_time": 1.0,
                                                                          "min_time": 5e-06, "warmup": False},
            "stats": {"min": ordered[0], "max": ordered[-1], "mean": mean, "stddev": stddev, "rounds": 30,
                      "median": (ordered[14] + ordered[15]) / 2, "iqr": ordered[22] - ordered[7],
                      "q1": ordered[7], "q3": ordered[22], "iqr_outliers": 0, "stddev_outliers": 1,
                      "outliers": "1;0", "ld15iqr": ordered[0], "hd15iqr": ordered[-1], "ops": 1 / mean,
                      "total": sum(data), "data": data, "iterations": 1},
        })
    return {"machine_info": {"node": "bench", "processor": "x86_64", "machine": "x86_64",
                             "python_implementation": "CPython", "python_version": "3.11.7",
                             "release": "6.5.0", "system": "Linux",
                             "cpu": {"brand_raw": "Bench CPU", "count": 2, "vendor_id_raw": "GenuineIntel"}},
            "commit_info": {"id": "0" * 40, "branch": "main"},
            "benchmarks": benchmarks, "datetime": "2026-01-01T00:00:00", "version": "4.0.0"}


def make_pytest(folder):
    rng = random.Random(11)
    base = json.dumps(pytest_document(rng, 0.0), indent=1).encode()
    head = json.dumps(pytest_document(rng, 0.01), indent=1).encode()
    write(folder, "pytest-base.json", base)
    write(folder, "pytest-head.json", head)
    two_commit_repo(os.path.join(folder, "pytest"), "results.json", base, head)


METRICS = ["wall_ms", "cpu_ms", "user_ms", "sys_ms", "rss_mb", "ops_per_s"]


def csv_table(rng, rows, shift):
    lines = ["name,run," + ",".join(METRICS)]
    for row in range(rows):
        bench, run = divmod(row, 10)
        level = 1 + bench % 89
        factor = 1.08 if bench % 40 == 0 else 1.0
        values = [level * factor * (1 + shift) * rng.gauss(1, 0.03) * (m + 1) for m in range(6)]
        lines.append(f"case_{bench},{run}," + ",".join(f"{v:.4f}" for v in values))
    return ("\n".join(lines) + "\n").encode()


def make_csv(folder, rows):
    rng = random.Random(rows)
    base, head = csv_table(rng, rows, 0.0), csv_table(rng, rows, 0.01)
    write(folder, f"csv-{rows}-base.csv", base)
    write(folder, f"csv-{rows}-head.csv", head)
    two_commit_repo(os.path.join(folder, f"csv-{rows}"), "results.csv", base, head)


def make_big_csv(folder):
    rng = random.Random(5)
    with open(os.path.join(folder, "big.csv"), "w") as out:
        out.write(",".join(METRICS) + "\n")
        for _ in range(1_000_000):
            out.write(",".join(f"{rng.uniform(10, 99):.3f}" for _ in range(6)) + "\n")


def gbench_document(rng, names, repetitions, moment):
    benchmarks = []
    for k, name in enumerate(names):
        level = 100 + 37 * (k % 211)
        for r in range(repetitions):
            benchmarks.append({
                "name": name, "family_index": k, "per_family_instance_index": 0, "run_name": name,
                "run_type": "iteration", "repetitions": repetitions, "repetition_index": r, "threads": 1,
                "iterations": 1000 + k, "real_time": round(level * rng.gauss(1, 0.02), 4),
                "cpu_time": round(level * rng.gauss(1, 0.02), 4), "time_unit": "ns",
            })
    return {"context": {"date": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(moment)),
                        "host_name": "bench", "executable": "./bench", "num_cpus": 2, "mhz_per_cpu": 2400,
                        "cpu_scaling_enabled": False, "library_build_type": "release",
                        "caches": [{"type": "Data", "level": 1, "size": 32768, "num_sharing": 1}]},
            "benchmarks": benchmarks}


def make_gbench_file(folder):
    rng = random.Random(3)
    names = [f"BM_Workload/{k}/real_time" for k in range(2_000)]
    write(folder, "gbench.json", json.dumps(gbench_document(rng, names, 137, START), indent=2).encode())


def make_small(folder):
    rng = random.Random(4)
    names = [f"BM_Small/{k}" for k in range(4)]
    base = json.dumps(gbench_document(rng, names, 6, START), indent=2).encode()
    head = json.dumps(gbench_document(rng, names, 6, START + 3600), indent=2).encode()
    importer = Importer(os.path.join(folder, "small"))
    importer.commit({"bench/results.json": base}, START)
    importer.commit({"bench/results.json": head}, START + 3600)
    importer.close()


def make_gbench_repo(folder):
    rng = random.Random(8)
    importer = Importer(os.path.join(folder, "gbench-repo"))
    binaries = ["core", "io", "parse", "render", "net"]
    for run in range(3_600):
        moment = START + run * 1800
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(moment))
        files = {}
        for binary in binaries:
            names = [f"BM_{binary}_{k}" for k in range(8)]
            files[f"bench/results/{binary}_{stamp}.json"] = json.dumps(gbench_document(rng, names, 1, moment), indent=1).encode()
        importer.commit(files, moment)
    importer.close()


def make_asv(folder, name, benchmarked):
    """One commit per run, each adding one asv result file named by the commit `benchmarked` gives."""
    rng = random.Random(9)
    importer = Importer(os.path.join(folder, name))
    names = [f"benchmarks.Suite{k // 10}.time_case_{k}" for k in range(300)]
    machine = {"arch": "x86_64", "cpu": "Bench CPU", "machine": "bench-box", "num_cpu": "2", "os": "Linux 6.5.0",
               "ram": "8000000", "version": 1}
    described = {name: {"name": name, "type": "time", "unit": "seconds", "version": "1"} for name in names}
    described["version"] = 2
    importer.commit({".asv/results/bench-box/machine.json": json.dumps(machine, indent=1).encode(),
                     ".asv/results/benchmarks.json": json.dumps(described, indent=1).encode()}, START - 3600)
    for run in range(1_250):
        moment = START + run * 3600
        commit = benchmarked(importer, run)
        document = {
            "commit_hash": commit, "env_name": "virtualenv-py3.11", "date": moment * 1000,
            "params": {"arch": "x86_64", "cpu": "Bench CPU", "machine": "bench-box", "num_cpu": "2",
                       "os": "Linux 6.5.0", "ram": "8000000", "python": "3.11"},
            "python": "3.11", "requirements": {}, "env_vars": {},
            "result_columns": ["result", "params", "version", "started_at", "duration", "stats_ci_99_a",
                               "stats_ci_99_b", "stats_q_25", "stats_q_75", "stats_number", "stats_repeat",
                               "samples", "profile"],
            "results": {name: [[round(1e-5 * (1 + k) * rng.gauss(1, 0.02), 9)], [], "v1", moment * 1000, 1.5]
                        for k, name in enumerate(names)},
            "durations": {}, "version": 2,
        }
        files = {f".asv/results/bench-box/{commit[:8]}-virtualenv-py3.11.json": json.dumps(document, indent=1).encode()}
        importer.commit(files, moment)
    importer.close()


def make_asv_project(folder):
    # The commit benchmarked is the one before this run's.
    make_asv(folder, "asv-project", lambda importer, run: importer.last_commit())


def make_asv_results(folder):
    # Results published apart from the code: the commits benchmarked are those of another repository.
    make_asv(folder, "asv-results", lambda importer, run: hashlib.sha1(b"source commit %d" % run).hexdigest())


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)


MAKERS = {
    "pytest": make_pytest,
    "csv-10000": lambda f: make_csv(f, 10_000),
    "csv-30000": lambda f: make_csv(f, 30_000),
    "csv-100000": lambda f: make_csv(f, 100_000),
    "big.csv": make_big_csv,
    "gbench.json": make_gbench_file,
    "small": make_small,
    "gbench-repo": make_gbench_repo,
    "asv-project": make_asv_project,
    "asv-results": make_asv_results,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--only", nargs="*", choices=sorted(MAKERS))
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    for name in args.only or MAKERS:
        if os.path.exists(os.path.join(args.folder, name)):
            continue
        started = time.time()
        MAKERS[name](args.folder)
        print(f"made {name} in {time.time() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
