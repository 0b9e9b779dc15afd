#!/usr/bin/env python3
"""How often the gate of `regress compare` raises a false alarm on single-run histories, and how often
it catches a real step at the commit that made it.

  gate.py --regress PATH [--repos 20] [--series 20] [--commits 60] [--seed 1] [--work DIR]

Each repository holds `--series` benchmarks of one value per commit (bench/results.json) over
`--commits` commits; every benchmark has its own level and run-to-run noise (a coefficient of
variation drawn log-uniformly from 1% to 5%, Gaussian, so that every step exceeds the default 5%
tolerance). Half of them never change; the other half
take one step of 5 to 10 noise units, up or down, at a commit from the 25th on. The gate runs as CI
would, `regress compare C~1 --head C --format json`, at every commit C, once with the default policy
and once with `history: none` (the tolerance alone decides).

Prints, per policy: the share of unchanged benchmarks with an alarm (regression or improvement) at any
commit from `--settled` on (before it a benchmark has fewer than `min_runs` earlier runs and the
tolerance alone decides, by design; those alarms are counted apart), the share of steps flagged at
their commit in their direction, and the false alarms per benchmark-commit.
"""
import argparse, json, math, os, random, subprocess, sys, tempfile


def make_repository(path, rng, series, commits):
    os.makedirs(path)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True)
    truth = []
    for index in range(series):
        level = math.exp(rng.uniform(math.log(1), math.log(1000)))
        cv = math.exp(rng.uniform(math.log(0.01), math.log(0.05)))
        step = None
        if index % 2 == 1:
            at = rng.randrange(25, commits)
            size = rng.uniform(5, 10) * rng.choice([-1, 1])
            step = (at, size)
        truth.append({"name": f"case{index:03d}", "level": level, "cv": cv, "step": step})
    importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=path, stdin=subprocess.PIPE)
    out = importer.stdin
    for commit in range(commits):
        records = []
        for item in truth:
            value = item["level"] * (1 + item["cv"] * rng.gauss(0, 1))
            if item["step"] and commit >= item["step"][0]:
                value += item["step"][1] * item["cv"] * item["level"]
            records.append({"name": item["name"], "time_ms": round(value, 6)})
        data = json.dumps({"benchmarks": records}, indent=1).encode()
        moment = 1_700_000_000 + commit * 600
        out.write(f"commit refs/heads/main\nmark :{commit + 1}\n".encode())
        out.write(f"author B <b@example.com> {moment} +0000\ncommitter B <b@example.com> {moment} +0000\n".encode())
        message = f"run {commit}".encode()
        out.write(b"data %d\n%s\n" % (len(message), message))
        if commit:
            out.write(f"from :{commit}\n".encode())
        out.write(f"M 100644 inline bench/results.json\ndata {len(data)}\n".encode() + data + b"\n")
    out.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    return truth


def gate(regress, repository, commits, policy):
    """Verdicts per benchmark per commit: {name: {commit_index: verdict}}."""
    ids = subprocess.run(["git", "rev-list", "--reverse", "main"], cwd=repository, check=True, capture_output=True,
                         text=True).stdout.split()
    verdicts = {}
    for index in range(1, commits):
        command = [regress, "compare", ids[index - 1], "--head", ids[index], "--format", "json"]
        if policy:
            command += ["--policy", policy]
        result = subprocess.run(command, cwd=repository, capture_output=True, text=True)
        if result.returncode not in (0, 1):
            sys.exit(f"regress exited {result.returncode}: {result.stderr}")
        for row in json.loads(result.stdout)["results"]:
            verdict = row["verdict"]
            if verdict in ("regression", "improvement") and (row["note"] or "").startswith("too little history"):
                verdict += " (too little history)"
            verdicts.setdefault(row["benchmark"], {})[index] = verdict
    return verdicts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--regress", required=True)
    parser.add_argument("--repos", type=int, default=20)
    parser.add_argument("--series", type=int, default=20)
    parser.add_argument("--commits", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work")
    parser.add_argument("--settled", type=int, default=5,
                        help="score from this commit on: before it, too few runs for the noise (min_runs)")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="regress-gate-")
    off = os.path.join(work, "history-none.yml")
    with open(off, "w") as policy:
        policy.write("version: 1\ndefaults:\n  history: none\n")
    rng = random.Random(args.seed)
    tallies = {name: {"quiet": 0, "quiet_alarmed": 0, "steps": 0, "caught": 0, "alarms": 0, "checks": 0, "early": 0}
               for name in ("default policy", "history: none")}
    for number in range(args.repos):
        repository = os.path.join(work, f"repo{number:03d}")
        truth = make_repository(repository, rng, args.series, args.commits)
        for name, policy in (("default policy", None), ("history: none", off)):
            verdicts = gate(args.regress, repository, args.commits, policy)
            tally = tallies[name]
            for item in truth:
                seen = verdicts.get(item["name"], {})
                # Until a benchmark has `min_runs` earlier runs the tolerance alone decides, by design;
                # those commits are counted apart.
                tally["early"] += sum(1 for c, v in seen.items() if c < args.settled and v.startswith(("regression", "improvement")))
                seen = {c: v for c, v in seen.items() if c >= args.settled}
                alarms = {c for c, v in seen.items() if v.startswith(("regression", "improvement"))}
                if item["step"] is None:
                    tally["quiet"] += 1
                    tally["quiet_alarmed"] += bool(alarms)
                    tally["alarms"] += len(alarms)
                    tally["checks"] += len(seen)
                else:
                    at, size = item["step"]
                    expected = "regression" if size > 0 else "improvement"
                    tally["steps"] += 1
                    tally["caught"] += seen.get(at) == expected
                    tally["alarms"] += len(alarms - {at})
                    tally["checks"] += len(seen) - 1
    print(f"{args.repos} repositories × {args.series} benchmarks × {args.commits} commits, seed {args.seed}; "
          f"scored from commit {args.settled} on")
    print("| policy | unchanged benchmarks with any alarm | steps of 5-10 noise units caught at their commit | false alarms per benchmark-commit | "
          f"alarms before commit {args.settled} |")
    print("|---|---:|---:|---:|---:|")
    for name, t in tallies.items():
        print(f"| {name} | {t['quiet_alarmed'] / t['quiet']:.1%} ({t['quiet_alarmed']}/{t['quiet']}) | "
              f"{t['caught'] / t['steps']:.1%} ({t['caught']}/{t['steps']}) | {t['alarms'] / t['checks']:.2%} | {t['early']} |")


if __name__ == "__main__":
    main()
