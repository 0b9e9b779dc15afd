"""Reference values for regress's statistics tests, computed by SciPy and NumPy.

Run from this folder: python3 make_reference.py > reference.json
Every case is listed here; the Swift tests compare each figure to 1e-9 relative.
"""
import json

import numpy as np
import scipy
from scipy import stats

rng = np.random.RandomState(20251129)


def floats(values):
    return [float(v) for v in values]


samples = [
    [1.0],
    [2.0, 1.0],
    [3.0, 1.0, 2.0],
    [5.0, 5.0, 5.0, 5.0],
    [0.5, 0.7, 0.9, 1.1, 10.0],
    floats(np.round(rng.normal(100, 5, 12), 3)),
    floats(np.round(rng.lognormal(0, 0.5, 31), 4)),
    floats(rng.exponential(2.0, 50)),
    [1, 2, 2, 3, 3, 3, 4, 4, 4, 4],
]

pairs = [
    ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),                       # tiny, complete separation
    ([1.0, 2.0], [3.0]),                                      # tinier
    ([3.1, 2.9, 3.0, 3.2, 3.05], [3.3, 3.4, 3.25, 3.5, 3.45]),
    ([1.0, 1.0, 1.0], [1.0, 1.0, 1.0]),                       # identical
    ([1.0, 2.0, 2.0, 3.0], [2.0, 3.0, 3.0, 4.0]),             # ties
    ([5, 5, 6, 6, 7], [5, 6, 6, 7, 7, 8]),                    # many ties
    ([0.5, 0.6, 0.55, 0.58, 0.61, 0.52, 0.57, 0.59], [0.62, 0.6, 0.66, 0.64, 0.63, 0.67, 0.65, 0.61]),  # n = 8, exact
    ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0], [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]),       # n = 9, normal
]
for n1, n2, shift in [(5, 7, 0.0), (6, 6, 1.0), (3, 20, 0.5), (10, 10, 0.2), (15, 12, 0.8), (25, 30, 0.3),
                      (40, 40, 0.0), (8, 50, 1.5), (12, 9, 2.0), (30, 20, 0.05), (4, 4, 3.0), (100, 80, 0.25)]:
    pairs.append((floats(rng.normal(10, 1, n1)), floats(rng.normal(10 + shift, 1.3, n2))))
for n1, n2 in [(10, 12), (20, 20), (6, 9)]:
    pairs.append((floats(rng.randint(0, 5, n1)), floats(rng.randint(1, 6, n2))))  # integer data, heavy ties

descriptive = []
for x in samples:
    a = np.array(x)
    descriptive.append({
        "x": x, "n": len(x), "mean": float(a.mean()), "median": float(np.median(a)),
        "std": float(a.std(ddof=1)) if len(x) > 1 else 0.0,
        "mad": float(stats.median_abs_deviation(a)),
        "min": float(a.min()), "max": float(a.max()),
        "p25": float(np.percentile(a, 25)), "p90": float(np.percentile(a, 90)),
        "p95": float(np.percentile(a, 95)), "p99": float(np.percentile(a, 99)),
    })

mann_whitney = []
welch = []
for x, y in pairs:
    x, y = floats(x), floats(y)
    mw = stats.mannwhitneyu(x, y)
    ties = len(set(x + y)) < len(x + y)
    method = "asymptotic" if (len(x) > 8 and len(y) > 8) or ties else "exact"
    mann_whitney.append({"x": x, "y": y, "u": float(mw.statistic), "p": float(mw.pvalue), "method": method})
    if len(x) >= 2 and len(y) >= 2:
        t = stats.ttest_ind(x, y, equal_var=False)
        if np.isfinite(t.statistic):
            welch.append({"x": x, "y": y, "t": float(t.statistic), "df": float(t.df), "p": float(t.pvalue)})

bh = []
for ps in [[0.01], [0.01, 0.04, 0.03, 0.2], [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216],
           floats(rng.uniform(0, 0.1, 25)), [0.5, 0.5, 0.5], [1e-12, 0.9, 0.0049]]:
    bh.append({"p": ps, "adjusted": floats(stats.false_discovery_control(ps, method="bh"))})

print(json.dumps({
    "generated_by": f"scipy {scipy.__version__}, numpy {np.__version__}",
    "descriptive": descriptive, "mann_whitney": mann_whitney, "welch": welch, "benjamini_hochberg": bh,
}, indent=1))
