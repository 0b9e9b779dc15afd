import Yams

/// A node of a YAML document with the key path that leads to it, for strict, typed reading with
/// errors that name the file, line and key.
struct YAMLValue {
    let node: Node
    let path: String
    let file: String

    /// Parses a document; an empty document is an empty mapping. Values are read as their text, so
    /// no tag is resolved (which spares compiling the resolver's patterns at start-up). The text is
    /// read as UTF-8, Swift's own encoding (Yams's default asks the environment first, which copies it).
    static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            let node = try Yams.compose(yaml: text, .basic, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
            return YAMLValue(node: node, path: "", file: file)
        } catch let error as YamlError {
            throw ConfigurationError(file: file, line: YAMLValue.line(of: error), keyPath: "", message: "not valid YAML: \(YAMLValue.problem(of: error))")
        }
    }

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: line, keyPath: path, message: message)
    }

    private func child(_ node: Node, key: String) -> YAMLValue {
        YAMLValue(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    /// The members of a mapping, in file order; a key outside `allowed` (when given) is an error naming it.
    func mapping(allowed: [String]?) throws -> [(String, YAMLValue)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping of keys to values") }
        var seen: Set<String> = []
        var members: [(String, YAMLValue)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { throw error("keys must be plain words") }
            let key = scalar.string
            let member = child(value, key: key)
            if let allowed, !allowed.contains(key) {
                throw ConfigurationError(file: file, line: keyNode.mark?.line, keyPath: member.path,
                                         message: "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else {
                throw ConfigurationError(file: file, line: keyNode.mark?.line, keyPath: member.path, message: "key given twice")
            }
            members.append((key, member))
        }
        return members
    }

    /// A `version:` value: 1 up to `current`; a newer one is refused by name.
    func formatVersion(current: Int) throws -> Int {
        let number = try int()
        guard number >= 1 else { throw error("the version must be 1") }
        guard number <= current else {
            throw error(tooNewVersionMessage(number, understood: current))
        }
        return number
    }

    func sequence() throws -> [YAMLValue] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.enumerated().map { index, element in
            YAMLValue(node: element, path: "\(path)[\(index)]", file: file)
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    func int() throws -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else { throw error("expected a whole number") }
        return value
    }

    /// A single text value or a list of them.
    func strings() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { try $0.string() }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "keys given twice: \(duplicates.joined(separator: ", "))"
        default: return "\(error)"
        }
    }
}
