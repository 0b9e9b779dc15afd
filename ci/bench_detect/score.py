"""Scores detected change points against the labels of generate.py."""

TOLERANCE = 2  # a detection within this many commits of a true change is a hit


def match(truth, found):
    """Pairs of (true, detected) indices, nearest first, each used at most once, within TOLERANCE."""
    pairs = sorted((abs(t - f), t, f) for t in truth for f in found if abs(t - f) <= TOLERANCE)
    used_t, used_f, hits = set(), set(), []
    for _, t, f in pairs:
        if t not in used_t and f not in used_f:
            used_t.add(t)
            used_f.add(f)
            hits.append((t, f))
    return hits


def score(series, detections):
    """Precision, recall, F1, false-alarm rate and drift behaviour over all series.

    A drift (a ramp, no true change) tolerates one detection within its span; more are false positives.
    The false-alarm rate is the share of series without any change (and no drift) with any detection.
    """
    tp = fp = fn = 0
    quiet = alarmed = drifts = drift_split = 0
    for s, found in zip(series, detections):
        found = sorted(set(found))
        hits = match(s["changes"], found)
        tp += len(hits)
        fn += len(s["changes"]) - len(hits)
        extra = [f for f in found if f not in {h[1] for h in hits}]
        if s["kind"] == "drift":
            drifts += 1
            a, b = s["drift"]
            inside = [f for f in extra if a - TOLERANCE <= f <= b + TOLERANCE]
            if inside:
                extra.remove(inside[0])
            if len(inside) > 1:
                drift_split += 1
        fp += len(extra)
        if s["kind"] == "none":
            quiet += 1
            alarmed += bool(found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_alarm_rate": alarmed / quiet if quiet else 0.0,
        "true_changes": tp + fn,
        "no_change_series": quiet,
        "drifts": drifts,
        "drifts_split": drift_split,
    }
