"""Writes labelled series into git repositories, one commit per point, and reads back what
`regress history --format json` found in them."""

import datetime
import json
import os
import subprocess

ARTIFACT = "bench/results.json"
EPOCH = 1_700_000_000  # the first commit's date; one commit an hour after it


def write_repository(path, series):
    """A repository at `path` whose n-th commit holds the n-th point of every series (all of one
    length) in bench/results.json. Returns the commit hashes, oldest first."""
    os.makedirs(path, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=path)
    subprocess.run(["git", "init", "-q", "-b", "main", path], check=True, env=env)
    length = len(series[0]["values"])
    stream = []
    for i in range(length):
        records = [{"name": s["name"], "time_ms": s["values"][i]} for s in series]
        # The run's date, as Google Benchmark's context has it, makes every commit's artifact new:
        # regress reads a blob equal to an earlier one (a revert) as no new run.
        stamp = datetime.datetime.fromtimestamp(EPOCH + 3600 * i, datetime.timezone.utc).isoformat()
        artifact = {"context": {"date": stamp}, "benchmarks": records}
        blob = json.dumps(artifact, separators=(",", ":")).encode() + b"\n"
        message = f"point {i}\n".encode()
        when = f"{EPOCH + 3600 * i} +0000"
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"mark :{i + 1}\n".encode())
        stream.append(f"author Bench <bench@example.com> {when}\n".encode())
        stream.append(f"committer Bench <bench@example.com> {when}\n".encode())
        stream.append(f"data {len(message)}\n".encode() + message)
        if i > 0:
            stream.append(f"from :{i}\n".encode())
        stream.append(f"M 100644 inline {ARTIFACT}\n".encode())
        stream.append(f"data {len(blob)}\n".encode() + blob + b"\n")
    marks = os.path.join(path, ".git", "bench-marks")
    subprocess.run(["git", "-C", path, "fast-import", "--quiet", f"--export-marks={marks}"],
                   input=b"".join(stream), check=True, env=env)
    subprocess.run(["git", "-C", path, "checkout", "-q", "main"], check=True, env=env)
    commits = [None] * length
    with open(marks) as f:
        for line in f:
            mark, sha = line.split()
            commits[int(mark[1:]) - 1] = sha
    return commits


def run_regress(regress, path, commits, series, policies=()):
    """The change points `regress history` found in each series, as indices into the series."""
    command = [regress, "history", "--format", "json", "--quiet"]
    for policy in policies:
        command += ["--policy", os.path.abspath(policy)]
    result = subprocess.run(command, cwd=path,
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"regress history failed in {path} (exit {result.returncode}): {result.stderr}")
    report = json.loads(result.stdout)
    position = {sha: i for i, sha in enumerate(commits)}
    found = {}
    for entry in report["series"]:
        name = entry["id"].split("/")[-2]
        points = entry["points"]
        if len(points) != len(commits):
            raise SystemExit(f"{entry['id']}: {len(points)} points for {len(commits)} commits")
        found[name] = sorted(position[change["commit"]] for change in entry["changes"])
    return [found.get(s["name"], []) for s in series]
