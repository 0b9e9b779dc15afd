/// A JSON value with the path that leads to it, for format adapters that read a known schema and say
/// exactly where a file breaks it (`benchmarks[2].real_time: expected a number`).
struct JSONCursor {
    let value: JSONValue
    let file: String
    /// Where the value sits, kept as a chain of steps and written out only when asked for (an error
    /// names it), so walking a large document builds no path text.
    private let location: Location?

    private final class Location: Sendable {
        enum Step {
            case root(String)
            case key(String)
            case index(Int)
        }

        let parent: Location?
        let step: Step

        init(parent: Location?, step: Step) {
            self.parent = parent
            self.step = step
        }

        var path: String {
            let above = parent?.path ?? ""
            switch step {
            case .root(let text): return text
            case .key(let key): return above.isEmpty ? key : "\(above).\(key)"
            case .index(let index): return "\(above)[\(index)]"
            }
        }
    }

    init(_ value: JSONValue, path: String = "", file: String) {
        self.value = value
        self.file = file
        self.location = path.isEmpty ? nil : Location(parent: nil, step: .root(path))
    }

    private init(_ value: JSONValue, location: Location, file: String) {
        self.value = value
        self.file = file
        self.location = location
    }

    var path: String { location?.path ?? "" }

    func error(_ reason: String) -> ArtifactError {
        .malformed(path: file, location: path.isEmpty ? "top level" : path, reason: reason)
    }

    private func at(_ step: Location.Step, _ value: JSONValue) -> JSONCursor {
        JSONCursor(value, location: Location(parent: location, step: step), file: file)
    }

    func child(_ key: String) -> JSONCursor? {
        value[key].map { at(.key(key), $0) }
    }

    func required(_ key: String) throws -> JSONCursor {
        guard let found = child(key) else { throw at(.key(key), value).error("missing") }
        return found
    }

    var elements: [JSONCursor]? {
        guard case .array(let items) = value else { return nil }
        return items.enumerated().map { at(.index($0), $1) }
    }

    func array() throws -> [JSONCursor] {
        guard let elements else { throw error("expected a list") }
        return elements
    }

    var members: [(String, JSONCursor)]? {
        guard case .object(let items) = value else { return nil }
        return items.map { ($0.0, at(.key($0.0), $0.1)) }
    }

    func object() throws -> [(String, JSONCursor)] {
        guard let members else { throw error("expected an object") }
        return members
    }

    func string() throws -> String {
        guard case .string(let text) = value else { throw error("expected text") }
        return text
    }

    /// A number; NaN and infinities pass (the collector skips and counts them).
    func number() throws -> Double {
        guard case .number(let number) = value else { throw error("expected a number") }
        return number
    }

    /// A number, or nil for `null`.
    func optionalNumber() throws -> Double? {
        if case .null = value { return nil }
        return try number()
    }

    func numbers() throws -> [Double] {
        try array().map { try $0.number() }
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// Text, a number or a boolean as text; nil for null, arrays and objects.
    var scalarText: String? { value.scalarText }
}
