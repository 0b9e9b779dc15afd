#!/usr/bin/env python3
"""Counts the chimeraforge corpus without regress, for the inventory and export tests.

    python3 Tests/Fixtures/inventory/corpus_counts.py ../shared/corpus/chimeraforge

Files by type come from their names; a metric's values are every number in a CSV column of that name
(on rows whose `error` cell is empty) and every number under a JSON key of that name; a failed run is a
CSV file whose every row has an error.
"""
import csv
import json
import math
import os
import sys

root = sys.argv[1]
paths = []
for folder, _, names in os.walk(root):
    for name in names:
        paths.append(os.path.relpath(os.path.join(folder, name), root))


def kind(path):
    lower = path.lower()
    if lower.endswith(".json"):
        return "json"
    if lower.endswith(".csv") or lower.endswith(".tsv"):
        return "csv"
    if lower.endswith(".md") or lower.endswith(".markdown"):
        return "markdown"
    return "other"


types = {"json": 0, "csv": 0, "markdown": 0, "other": 0}
folders = {}
for path in paths:
    types[kind(path)] += 1
    parts = path.split("/")[:-1]
    folder = "/".join(parts[:2]) if parts else "."
    folders.setdefault(folder, {"json": 0, "csv": 0, "markdown": 0, "other": 0})[kind(path)] += 1
print("files", types, "total", len(paths))
for folder in sorted(folders):
    print("folder", folder, folders[folder])

values = {"tokens_s": [], "ttft_s": []}
failed_runs = 0
for path in sorted(paths):
    full = os.path.join(root, path)
    if kind(path) == "csv":
        with open(full, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        if rows and "error" in rows[0] and all((row.get("error") or "").strip() for row in rows):
            failed_runs += 1
        for row in rows:
            if (row.get("error") or "").strip():
                continue
            for metric in values:
                text = (row.get(metric) or "").strip()
                try:
                    number = float(text)
                except ValueError:
                    continue
                if math.isfinite(number):
                    values[metric].append((number, path))
    elif kind(path) == "json":
        with open(full, encoding="utf-8") as handle:
            document = json.load(handle)
        stack = [document]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, member in node.items():
                    if key in values and isinstance(member, (int, float)) and not isinstance(member, bool) and math.isfinite(member):
                        values[key].append((float(member), path))
                    stack.append(member)
            elif isinstance(node, list):
                stack.extend(node)
print("failed_runs", failed_runs)
for metric, found in values.items():
    numbers = [number for number, _ in found]
    print(metric, "count", len(numbers), "min", repr(min(numbers)), "max", repr(max(numbers)),
          "artifacts", len({path for _, path in found}))
