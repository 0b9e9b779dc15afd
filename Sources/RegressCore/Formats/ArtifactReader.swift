/// What reading one artifact needs: its bytes and path, what the configuration says of it, and a way
/// to read the files beside it (criterion's `sample.json`, asv's `machine.json`).
public struct ReadRequest {
    public var bytes: [UInt8]
    public var path: String
    public var format: ArtifactFormat?
    public var keys: [String]
    /// `direction:` of the configuration entry: for formats that leave it to the user (github-action-benchmark).
    public var direction: Direction?
    /// Reads another file of the same source by its path; nil when it is not there.
    public var sibling: (String) -> [UInt8]?

    public init(bytes: [UInt8], path: String, format: ArtifactFormat? = nil, keys: [String] = [], direction: Direction? = nil,
                sibling: @escaping (String) -> [UInt8]? = { _ in nil }) {
        self.bytes = bytes
        self.path = path
        self.format = format
        self.keys = keys
        self.direction = direction
        self.sibling = sibling
    }

    /// The folder of the artifact, with a trailing slash ("" at the root).
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }
}

/// What was read, in which format, and why regress took it for that format.
public struct ReadResult {
    public let format: ArtifactFormat
    public let reason: String
    public let contents: ArtifactContents
    /// A run, a history (whose latest entries are `contents`), a fingerprint or metadata (no measurements).
    public var kind: ArtifactKind = .run
    /// The suites and entries of a history file.
    public var history: HistorySummary? = nil
}

/// A JSON format with a known schema.
protocol JSONFormatAdapter: Sendable {
    static var format: ArtifactFormat { get }
    /// Why the document is in this format, or nil when it is not.
    static func recognize(_ value: JSONValue) -> String?
    static func read(_ root: JSONCursor, request: ReadRequest) throws -> ArtifactContents
    /// A file of this format told by its name and content together: the harness's files beside its
    /// results that hold no run (a fingerprint, metadata, thresholds, its own comparison), said as what
    /// they are, or a run in a layout only its name tells; nil for anything else. Asked before `recognize`.
    static func companion(_ value: JSONValue, request: ReadRequest) -> ReadResult?
}

extension JSONFormatAdapter {
    static func companion(_ value: JSONValue, request: ReadRequest) -> ReadResult? { nil }
}

/// A text format recognised by its lines (a harness's console output, an XML report).
protocol TextFormatAdapter: Sendable {
    static var format: ArtifactFormat { get }
    /// Why the text is in this format, or nil when it is not (from the first `recognitionPrefix` characters).
    static func recognize(_ text: String) -> String?
    /// What the text holds; a part that cannot be read is dropped with a notice naming its line.
    static func read(_ text: String, request: ReadRequest) throws -> ArtifactContents
}

extension ReadResult {
    /// A file that is not a run, with what it is.
    static func notARun(_ format: ArtifactFormat, _ kind: ArtifactKind, reason: String, fingerprint: Fingerprint? = nil) -> ReadResult {
        var contents = ArtifactContents()
        contents.fingerprint = fingerprint
        return ReadResult(format: format, reason: reason, contents: contents, kind: kind)
    }
}

/// Reads one artifact with the right reader: the configured format; else by content, among the known
/// harness formats (JSON ones by their keys, text ones by their result lines, Markdown by its
/// pipe tables); else plain JSON or CSV by the file name. A format is one adapter in `jsonAdapters`
/// or `textAdapters`.
public enum ArtifactReader {
    static let jsonAdapters: [JSONFormatAdapter.Type] = [
        GoogleBenchmarkAdapter.self, PytestBenchmarkAdapter.self, HyperfineAdapter.self, CriterionAdapter.self,
        PackageBenchmarkAdapter.self, ASVAdapter.self, JMHAdapter.self, BenchmarkDotNetAdapter.self, JuliaBenchmarkToolsAdapter.self,
        CustomBenchmarkAdapter.self, RegressMeasurementsAdapter.self,
    ]
    /// Tried in order on text that is not JSON, CSV or Markdown: the most particular first; `time`'s
    /// lines last, as they often follow another harness's output in one file.
    static let textAdapters: [TextFormatAdapter.Type] = [
        Catch2Adapter.self, BenchmarkJSAdapter.self, IaiAdapter.self, GoBenchAdapter.self, CargoBenchAdapter.self, TimeOutputAdapter.self,
    ]
    /// How much of a text file (in characters) recognition looks at.
    static let recognitionPrefix = 65_536

    public static func read(_ request: ReadRequest) throws -> ReadResult {
        if let refusal = ArtifactScreening.refusal(request.bytes, path: request.path) { throw refusal }
        let lower = request.path.lowercased()
        if let configured = request.format {
            return try read(request, as: configured, reason: "configured in regress.yml")
        }
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
            return try read(request, as: .csv, reason: "the file name ends in .csv")
        }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            return try read(request, as: .markdown, reason: "the file name ends in .md")
        }
        if BenchmarkActionHistoryAdapter.isScript(request.bytes) {
            return try read(request, as: .benchmarkActionHistory,
                            reason: "it sets `window.BENCHMARK_DATA` (github-action-benchmark's data.js)")
        }
        if let reason = GoBenchAdapter.recognizeTestJSON(request.bytes) {
            return try read(request, as: .goBench, reason: "it has \(reason)")
        }
        let first = request.bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        if lower.hasSuffix(".json") || first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            // Google Benchmark writes `context` first, pytest-benchmark `machine_info`: such a document
            // is read record by record.
            switch JSONParser.firstKey(request.bytes) {
            case "context":
                if let contents = try syntaxChecked(request, { try GoogleBenchmarkAdapter.stream(request.bytes, path: request.path) }) {
                    return ReadResult(format: .googleBenchmark, reason: "it has \(GoogleBenchmarkAdapter.reason)", contents: contents)
                }
            case "machine_info":
                if let contents = try syntaxChecked(request, { try PytestBenchmarkAdapter.stream(request.bytes, path: request.path) }) {
                    return ReadResult(format: .pytestBenchmark, reason: "it has \(PytestBenchmarkAdapter.reason)", contents: contents)
                }
            default:
                break
            }
            let value = try parseJSON(request)
            for adapter in jsonAdapters {
                if let companion = adapter.companion(value, request: request) { return companion }
            }
            if let reason = BenchmarkActionHistoryAdapter.recognize(value) {
                return try history(value, request: request, reason: "it has \(reason)")
            }
            for adapter in jsonAdapters {
                if let reason = adapter.recognize(value) {
                    return ReadResult(format: adapter.format, reason: "it has \(reason)",
                                      contents: try adapter.read(JSONCursor(value, file: request.path), request: request))
                }
            }
            return ReadResult(format: .json, reason: "JSON in no harness format: read as plain JSON",
                              contents: GenericJSONReader.read(value, keys: request.keys))
        }
        let text = decodedText(request.bytes)
        for adapter in textAdapters {
            if let reason = adapter.recognize(text) {
                return ReadResult(format: adapter.format, reason: "it has \(reason)", contents: try adapter.read(text, request: request))
            }
        }
        throw ArtifactError.unknownFormat(path: request.path)
    }

    static func read(_ request: ReadRequest, as format: ArtifactFormat, reason: String) throws -> ReadResult {
        let contents: ArtifactContents
        switch format {
        case .csv: contents = try GenericCSVReader.read(request.bytes, path: request.path, keys: request.keys)
        case .markdown: contents = MarkdownTableReader.read(request.bytes)
        case .json: contents = GenericJSONReader.read(try parseJSON(request), keys: request.keys)
        case .benchmarkActionHistory: return try history(try parseJSON(request), request: request, reason: reason)
        default:
            if let adapter = textAdapters.first(where: { $0.format == format }) {
                contents = try adapter.read(decodedText(request.bytes), request: request)
                break
            }
            let adapter = jsonAdapters.first { $0.format == format }!
            let value = try parseJSON(request)
            if let companion = adapter.companion(value, request: request) { return companion }
            contents = try adapter.read(JSONCursor(value, file: request.path), request: request)
        }
        return ReadResult(format: format, reason: reason, contents: contents)
    }

    /// A github-action-benchmark history: the latest entry of each suite as the run, with its summary.
    static func history(_ value: JSONValue, request: ReadRequest, reason: String) throws -> ReadResult {
        let history = try BenchmarkActionHistoryAdapter.parse(JSONCursor(value, file: request.path), direction: request.direction)
        return ReadResult(format: .benchmarkActionHistory, reason: reason, contents: history.latestContents,
                          kind: .history, history: history.summary)
    }

    /// The text of a file as UTF-8 (UTF-16 and UTF-32 with a byte-order mark converted), without a
    /// byte-order mark and without terminal colour codes (`ESC [ 1;35 m`: console output saved from a terminal).
    static func decodedText(_ bytes: [UInt8]) -> String {
        var text = CSVParser.decodeToUTF8(bytes)[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        guard text.contains(0x1B) else { return String(decoding: text, as: UTF8.self) }
        return String(decoding: withoutEscapeSequences(text), as: UTF8.self)
    }

    /// The bytes without ANSI control sequences (`ESC [`, parameters, intermediates, a final byte).
    static func withoutEscapeSequences(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x1B, index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "[") else {
                result.append(byte)
                index += 1
                continue
            }
            index += 2
            while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
            if index < bytes.endIndex, (0x40...0x7E).contains(bytes[index]) { index += 1 }
        }
        return result
    }

    /// The JSON of the request (of a `data.js`, the object it assigns).
    static func parseJSON(_ request: ReadRequest) throws -> JSONValue {
        let bytes = BenchmarkActionHistoryAdapter.isScript(request.bytes)
            ? BenchmarkActionHistoryAdapter.scriptJSON(request.bytes) : request.bytes
        return try syntaxChecked(request) { try JSONParser.parse(bytes) }
    }

    /// The body's result, with a syntax error of the request's JSON said as the file's error.
    static func syntaxChecked<T>(_ request: ReadRequest, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as JSONParser.SyntaxError {
            throw ArtifactError.malformed(path: request.path, location: "line \(error.line), column \(error.column)", reason: error.reason)
        }
    }

    /// Reads bytes as the configured format or the one detected (the form most callers need).
    public static func read(_ bytes: [UInt8], path: String, format: ArtifactFormat? = nil,
                            keys: [String] = []) throws -> (ArtifactFormat, ArtifactContents) {
        let result = try read(ReadRequest(bytes: bytes, path: path, format: format, keys: keys))
        return (result.format, result.contents)
    }
}
