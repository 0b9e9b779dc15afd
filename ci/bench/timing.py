#!/usr/bin/env python3
"""Runs commands interleaved, several times each, and prints the median wall time, user time and peak
memory of each, and each one's wall time over the first one's.

  timing.py --runs 5 --cwd DIR NAME='command' NAME='command' ...

Each command runs through `sh -c` under /usr/bin/time; its output is discarded.
"""
import argparse, statistics, subprocess, sys, tempfile


def measure(command, cwd):
    with tempfile.NamedTemporaryFile("r") as report:
        result = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %U %M", "sh", "-c", command], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall, user, memory = report.read().split()[-3:]
    return result.returncode, float(wall), float(user), int(memory)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cwd", default=".")
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    named = [c.split("=", 1) for c in args.commands]
    samples = {name: [] for name, _ in named}
    for _ in range(args.runs):
        for name, command in named:
            code, wall, user, memory = measure(command, args.cwd)
            if code not in (0, 1):
                sys.exit(f"{name} exited {code}: {command}")
            samples[name].append((wall, user, memory))
    first = named[0][0]
    base = statistics.median(s[0] for s in samples[first])
    print(f"| command | median wall | median user | peak memory | wall time / {first} |")
    print("|---|---:|---:|---:|---:|")
    for name, _ in named:
        wall = statistics.median(s[0] for s in samples[name])
        user = statistics.median(s[1] for s in samples[name])
        memory = max(s[2] for s in samples[name])
        print(f"| {name} | {wall:.2f} s | {user:.2f} s | {memory / 1024:.0f} MB | {wall / base:.2f}x |")


if __name__ == "__main__":
    main()
