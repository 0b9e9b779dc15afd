"""Labelled synthetic benchmark histories for measuring change-point detection.

Every series is one metric measured once per commit. Its noise has a known standard deviation, the
noise unit; its true change points are steps of 2 to 10 noise units. Deterministic for a seed.
"""

import math

import numpy as np

# Lengths are drawn from these buckets (weights), so that series of one length share a repository.
LENGTHS = [10, 20, 30, 50, 80, 120, 200, 300, 500, 1000, 2000, 10000]
LENGTH_WEIGHTS = [4, 5, 10, 14, 14, 14, 14, 10, 9, 4, 1.6, 0.4]
NOISES = ["gaussian", "student-t3", "lognormal", "bimodal"]
KINDS = ["none", "steps", "drift"]
KIND_WEIGHTS = [0.45, 0.45, 0.10]
MIN_GAP = 10  # fewest points between two true changes, and from a change to either end
POINTS_PER_CHANGE = 25  # at most one change per this many points


def unit_noise(rng, kind, n):
    """n draws of mean-0, standard-deviation-1 noise of the given kind."""
    if kind == "gaussian":
        return rng.standard_normal(n)
    if kind == "student-t3":
        return rng.standard_t(3, n) / math.sqrt(3.0)
    if kind == "lognormal":
        s = 0.75
        mean = math.exp(s * s / 2)
        sd = math.sqrt((math.exp(s * s) - 1) * math.exp(s * s))
        return (np.exp(rng.normal(0.0, s, n)) - mean) / sd
    if kind == "bimodal":
        p = rng.uniform(0.3, 0.5)  # share of runs in the slow mode, each run drawn independently
        ratio = 0.15  # width of each mode over the gap between them
        gap = 1.0 / math.sqrt(p * (1 - p) + ratio * ratio)
        return (rng.random(n) < p) * gap - p * gap + rng.normal(0.0, ratio * gap, n)
    raise ValueError(kind)


def change_positions(rng, n, count):
    """count sorted change indices with at least MIN_GAP points in every segment."""
    free = n - MIN_GAP * (count + 1)
    cuts = np.sort(rng.integers(0, free + 1, count))
    return [int(c) + MIN_GAP * (i + 1) for i, c in enumerate(cuts)]


def one_series(rng, name):
    n = int(rng.choice(LENGTHS, p=np.array(LENGTH_WEIGHTS) / sum(LENGTH_WEIGHTS)))
    kind = str(rng.choice(KINDS, p=KIND_WEIGHTS))
    noise = str(rng.choice(NOISES))
    unit = 100.0 * rng.uniform(0.005, 0.03)  # level 100, noise of 0.5% to 3%
    level = np.full(n, 100.0)
    changes, drift = [], None
    max_changes = min(n // MIN_GAP - 1, n // POINTS_PER_CHANGE)
    if kind == "steps" and max_changes < 1:
        kind = "none"
    if kind == "steps":
        count = int(min(max_changes, rng.choice([1, 1, 1, 1, 2, 2, 3, 4, 5])))
        changes = change_positions(rng, n, count)
        current = 100.0
        for c in changes:
            step = rng.uniform(2, 10) * unit
            sign = 1 if rng.random() < 0.5 else -1
            if not 60 <= current + sign * step <= 180:
                sign = -sign
            current += sign * step
            level[c:] = current
    elif kind == "drift":
        span = int(rng.integers(max(10, n // 10), max(11, n // 2) + 1))
        span = min(span, n - 2)
        start = int(rng.integers(1, n - span))
        height = rng.uniform(2, 10) * unit * (1 if rng.random() < 0.5 else -1)
        ramp = np.clip((np.arange(n) - start) / span, 0, 1)
        level = 100.0 + height * ramp
        drift = [start, start + span]
    values = level + unit * unit_noise(rng, noise, n)
    outliers = bool(rng.random() < 0.3)
    if outliers:  # single slow runs: each point, with probability 2%, 5 to 20 noise units slower
        hit = rng.random(n) < 0.02
        values = values + hit * rng.uniform(5, 20, n) * unit
    return {
        "name": name,
        "kind": kind,
        "noise": noise,
        "outliers": outliers,
        "unit": round(unit, 6),
        "values": [round(float(v), 4) for v in values],
        "changes": changes,
        "drift": drift,
    }


def generate(seed, count):
    rng = np.random.default_rng(seed)
    return [one_series(rng, f"s{i}") for i in range(count)]
