#!/usr/bin/env python3
"""What a user would run instead of regress, for ci/bench-speed to time side by side.

  reference.py pytest BASE.json HEAD.json   json.load both, scipy.stats.mannwhitneyu per benchmark's
                                             samples, then scipy.stats.false_discovery_control
  reference.py csv BASE.csv HEAD.csv        the csv module, rows grouped by name, the same tests per
                                             benchmark and metric
  reference.py read-csv FILE                pandas.read_csv
  reference.py json-load FILE               json.load
"""
import sys


def tests(pairs):
    from scipy.stats import false_discovery_control, mannwhitneyu
    p = [mannwhitneyu(base, head).pvalue for base, head in pairs]
    return false_discovery_control(p)


def pytest_samples(path):
    import json
    with open(path) as handle:
        return {b["fullname"]: b["stats"]["data"] for b in json.load(handle)["benchmarks"]}


def csv_samples(path):
    import csv
    groups = {}
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        metrics = [i for i, name in enumerate(header) if name not in ("name", "run")]
        for row in reader:
            for i in metrics:
                groups.setdefault((row[0], header[i]), []).append(float(row[i]))
    return groups


def main():
    command, paths = sys.argv[1], sys.argv[2:]
    if command in ("pytest", "csv"):
        read = pytest_samples if command == "pytest" else csv_samples
        base, head = read(paths[0]), read(paths[1])
        adjusted = tests([(base[k], head[k]) for k in head if k in base])
        print(sum(1 for p in adjusted if p < 0.05), "of", len(adjusted), "below 0.05")
    elif command == "read-csv":
        import pandas
        print(pandas.read_csv(paths[0]).shape)
    elif command == "json-load":
        import json
        with open(paths[0]) as handle:
            print(len(json.load(handle)))
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main()
