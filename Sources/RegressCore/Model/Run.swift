/// Everything read from one artifact (the newest of its series in a source), with its provenance.
public struct Run: Sendable {
    public var series: SeriesKey
    /// The artifact's path relative to the repository root.
    public let path: String
    public let format: ArtifactFormat
    public var measurements: [Measurement]
    /// Values passed over, by reason ("null", "NaN", "non-numeric", ...), with their counts.
    public var skipped: [String: Int]
    /// What of a partly broken artifact could not be read, with where and why (see `ArtifactContents.dropped`).
    public var dropped: [String] = []
    /// Set when records reported an error.
    public var failure: RunFailure?
    /// Older artifacts of the same series in the same source (by the timestamp in their path).
    public var earlierPaths: [String] = []
    /// The machine the run came from, where known.
    public var fingerprint: RunFingerprint?

    public init(series: SeriesKey, path: String, format: ArtifactFormat, measurements: [Measurement],
                skipped: [String: Int] = [:], failure: RunFailure? = nil, fingerprint: RunFingerprint? = nil) {
        self.series = series
        self.path = path
        self.format = format
        self.measurements = measurements
        self.skipped = skipped
        self.failure = failure
        self.fingerprint = fingerprint
    }

    /// True when every record of the run failed: the run produced no measurement at all.
    public var isFailed: Bool {
        guard let failure else { return false }
        return failure.failedRecords == failure.totalRecords
    }
}

/// How many records of a run reported an error, and the first error message.
public struct RunFailure: Equatable, Sendable {
    public var failedRecords: Int
    public var totalRecords: Int
    public var firstError: String
}
