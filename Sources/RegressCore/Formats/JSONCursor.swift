/// A JSON value with the path that leads to it, for format adapters that read a known schema and say
/// exactly where a file breaks it (`benchmarks[2].real_time: expected a number`).
struct JSONCursor {
    let value: JSONValue
    let file: String
    /// Where the value sits: the step from its parent, and the parent's place as a chain of steps,
    /// written out only when asked for (an error names it), so walking a large document builds no
    /// path text, and a value whose children are never visited allocates nothing.
    private let parent: Location?
    private let step: Location.Step?

    fileprivate final class Location: Sendable {
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

        static func path(_ parent: Location?, _ step: Step?) -> String {
            guard let step else { return "" }
            let above = parent.map { path($0.parent, $0.step) } ?? ""
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
        self.parent = nil
        self.step = path.isEmpty ? nil : .root(path)
    }

    private init(_ value: JSONValue, parent: Location?, step: Location.Step, file: String) {
        self.value = value
        self.file = file
        self.parent = parent
        self.step = step
    }

    /// A cursor's place, kept to put many values below it without making it again.
    struct Place {
        fileprivate let location: Location?
    }

    /// This cursor's place, as the parent of values given one at a time (`init(_:at:in:file:)`).
    var place: Place { Place(location: here) }

    /// The element at `index` of the array at `place`, given its value: for arrays read one element at
    /// a time (`JSONParser.stream`), placed as `elements` would place it (`benchmarks[2]`).
    init(_ value: JSONValue, at index: Int, in place: Place, file: String) {
        self.init(value, parent: place.location, step: .index(index), file: file)
    }

    var path: String { Location.path(parent, step) }

    func error(_ reason: String) -> ArtifactError {
        .malformed(path: file, location: path.isEmpty ? "top level" : path, reason: reason)
    }

    /// This value's place, as the parent of its children.
    private var here: Location? {
        step.map { Location(parent: parent, step: $0) }
    }

    private func at(_ step: Location.Step, _ value: JSONValue) -> JSONCursor {
        JSONCursor(value, parent: here, step: step, file: file)
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
        let here = here
        return items.enumerated().map { JSONCursor($1, parent: here, step: .index($0), file: file) }
    }

    func array() throws -> [JSONCursor] {
        guard let elements else { throw error("expected a list") }
        return elements
    }

    var members: [(String, JSONCursor)]? {
        guard case .object(let items) = value else { return nil }
        let here = here
        return items.map { ($0.0, JSONCursor($0.1, parent: here, step: .key($0.0), file: file)) }
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
        guard case .array(let items) = value else { throw error("expected a list") }
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .number(let number) = item else { throw at(.index(index), item).error("expected a number") }
            numbers.append(number)
        }
        return numbers
    }

    var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// Text, a number or a boolean as text; nil for null, arrays and objects.
    var scalarText: String? { value.scalarText }
}
