"""Runs a peer change-point detector over series read as JSON on standard input
({"series": [[values]]}) and writes {"detections": [[indices]]}: the index of the first point of
each new level. Run with an interpreter that has the peer installed:
  python -m bench_detect.peers edivisive   (pip install signal-processing-algorithms)
  python -m bench_detect.peers otava       (pip install apache-otava)
Each runs with its documented default settings."""

import json
import sys


def edivisive(values):
    # MongoDB's E-Divisive: e_divisive(series, pvalue=0.05, permutations=100); returns split indices.
    from signal_processing_algorithms.energy_statistics.energy_statistics import e_divisive
    return sorted(int(i) for i in e_divisive(values))


def otava(values):
    # Apache Otava (formerly Hunter): compute_change_points(series, window_len=50, max_pvalue=0.001,
    # min_magnitude=0.0), its `otava analyze` defaults; a change point's index is its first point.
    from otava.analysis import compute_change_points
    change_points, _ = compute_change_points(values)
    return sorted(int(c.index) for c in change_points)


def main():
    detect = {"edivisive": edivisive, "otava": otava}[sys.argv[1]]
    series = json.load(sys.stdin)["series"]
    json.dump({"detections": [detect([float(v) for v in values]) for values in series]}, sys.stdout)


if __name__ == "__main__":
    main()
