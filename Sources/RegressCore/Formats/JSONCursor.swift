/// A JSON value with the path that leads to it, for format adapters that read a known schema and say
/// exactly where a file breaks it (`benchmarks[2].real_time: expected a number`).
struct JSONCursor {
    let value: JSONValue
    let path: String
    let file: String

    init(_ value: JSONValue, path: String = "", file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    func error(_ reason: String) -> ArtifactError {
        .malformed(path: file, location: path.isEmpty ? "top level" : path, reason: reason)
    }

    func child(_ key: String) -> JSONCursor? {
        value[key].map { JSONCursor($0, path: path.isEmpty ? key : "\(path).\(key)", file: file) }
    }

    func required(_ key: String) throws -> JSONCursor {
        guard let found = child(key) else { throw JSONCursor(value, path: path.isEmpty ? key : "\(path).\(key)", file: file).error("missing") }
        return found
    }

    var elements: [JSONCursor]? {
        guard case .array(let items) = value else { return nil }
        return items.enumerated().map { JSONCursor($1, path: "\(path)[\($0)]", file: file) }
    }

    func array() throws -> [JSONCursor] {
        guard let elements else { throw error("expected a list") }
        return elements
    }

    var members: [(String, JSONCursor)]? {
        guard case .object(let items) = value else { return nil }
        return items.map { ($0.0, JSONCursor($0.1, path: path.isEmpty ? $0.0 : "\(path).\($0.0)", file: file)) }
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
