/// The policy regress uses when a repository has none; `regress policy init` writes it to
/// `policies/default.yml` as a starting point. Every field is documented here.
public enum DefaultPolicy {
    public static let text = """
        # regress policy. Every *.yml file in policies/ is read, in name order: first each file's
        # `defaults:`, then every rule whose `match:` fits the metric id, in file and rule order. A later
        # one overrides the fields it sets. `regress policy explain ID` shows the result for one metric.
        version: 1

        defaults:
          # Which way is better: lower, higher, none (never fail on it), or infer (from the metric's
          # name and unit: ttft_s and mean_time_ms are lower, tokens_s and throughput higher).
          direction: infer
          # How large a change must be, in the worse direction, before it counts. `relative` is a
          # percentage of the baseline, `absolute` is in the metric's own unit; with both, a change
          # must exceed both. `none` switches one off.
          tolerance:
            relative: 5%
            absolute: none
          # The significance test run when both sides have at least `min_samples` samples:
          # mann-whitney (rank test, robust to outliers), welch (t-test on means), bootstrap (seeded
          # resampling of the aggregate), or none (the tolerance alone decides).
          test: mann-whitney
          # The false-discovery rate: p-values are adjusted with Benjamini-Hochberg across all metrics
          # of the comparison, and a change beyond tolerance counts when its adjusted p is below alpha.
          alpha: 0.01
          # Samples needed on each side to run the test; with fewer, the tolerance alone decides.
          min_samples: 5
          # What a sample set is summarised by: median, mean, min, max, p90, p95 or p99.
          aggregate: median
          # What a regression does: fail (exit 1), warn (reported, exit 0) or ignore (not reported).
          severity: fail
          # A metric in the baseline but not in the head; in the head but not in the baseline; a run
          # whose records reported errors: fail, warn or ignore.
          on_missing: warn
          on_new: ignore
          on_failed_run: warn
          # Above this coefficient of variation on either side, the verdict is inconclusive: the
          # measurement is too noisy to decide. `none` switches the check off.
          noise:
            max_cv: none
          # Compare a quantity that grows with another metric of the same benchmark per unit of it:
          # `by: eval_count` divides every sample of the metric, head and base, by the eval_count
          # sample of the same record (the unit becomes s/eval_count), so a longer answer is not a
          # slowdown. Rates such as tokens_s need none. `none` compares the metric as measured.
          normalize:
            by: none
          # Runs are compared only when their fingerprints (the machines they ran on) agree on these
          # fields; otherwise the metric is incomparable, and `on_mismatch` says what that does:
          # skip (not reported), warn (reported, exit 0) or fail (exit 1).
          fingerprint:
            match: [cpu.model, cpu.logical_cores, memory.total_gb, gpu.models, os.name]
            on_mismatch: fail
          # What history decides, for metrics with fewer than `min_samples` samples (one value per
          # run is the common case): their run-to-run noise is learned from the last `window` runs
          # before the base, since its latest change point, and a change counts only when it exceeds
          # both the tolerance and that noise at `alpha`, spent once per `window` runs. With fewer
          # than `min_runs` runs the tolerance alone decides. `min_shift` (in noise units),
          # `significance` and `min_segment` (runs on each side) set how sensitive the change-point
          # search of `regress history` is. `history: none` turns all of it off.
          history:
            window: 20
            min_runs: 5
            min_shift: 1
            significance: 0.01
            min_segment: 3
          # Fields every artifact of a metric must name (a JSON key, a CSV or table column, or a
          # fingerprint field), as in [model, batch_size, dtype]: `regress inventory` lists the
          # artifacts that lack one. `none` requires nothing.
          required_metadata: none

        # Rules refine the defaults for the metrics they match. `match` is a glob (or a list of them)
        # over `series/benchmark/metric`, for example "bench/llm/**/ttft_s". A rule may carry `name`,
        # `reason` (why it exists) and `expires: YYYY-MM-DD`: an expired rule still applies, and every
        # report says it has expired, so that a waiver cannot live forever unnoticed.
        rules: []
        #  - name: noisy first-token latency
        #    match: "**/ttft_s"
        #    tolerance: { relative: 15% }
        #    noise: { max_cv: 25% }
        #    reason: shared GPU runners
        #    expires: 2027-03-31

        """
}
