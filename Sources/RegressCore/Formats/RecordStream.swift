/// A JSON document whose list of records is read one record at a time (`JSONParser.stream`), for
/// the harness formats that detection recognises by a member of the document and a list of records
/// of one shape (Google Benchmark's `context` and `benchmarks[]`, pytest-benchmark's `machine_info`
/// and `benchmarks[]`): a large file is then never held as a tree.
enum RecordStream {
    /// What was found besides the records: the `header` member's value, nil when it is absent.
    struct Document {
        let header: JSONValue?
    }

    /// Hands each element of the top-level `list` to `read`, with its place in the document, and
    /// returns the document's `header` member; nil when the document is not in the shape asked for:
    /// not an object, no `list` array, an element for which `isRecord` is false, or a member named in
    /// `otherFormats` (a key that a format detection tries first would recognise). An error thrown by
    /// `read` is thrown once the whole document is known to be in the shape (as reading a tree after
    /// recognising it would throw it); no record is read after it. Syntax errors are thrown as
    /// `JSONParser.SyntaxError`, as `JSONParser.parse` throws them.
    static func read(_ bytes: [UInt8], path: String, list: String, header: String, otherFormats: Set<String>,
                     isRecord: (JSONValue) -> Bool, read: (JSONCursor) throws -> Void) throws -> Document? {
        var headerValue: JSONValue?
        var sawList = false
        var otherFormat = false
        var refusal: Error?
        let place = JSONCursor(.null, path: list, file: path).place
        let object = try JSONParser.stream(bytes, streamed: list, member: { key, value in
            if key == header { headerValue = value }
            if otherFormats.contains(key) { otherFormat = true }
            if key == list {
                // The list after its elements went by; anything else is not what recognition wants.
                if case .array = value { sawList = true } else { otherFormat = true }
            }
        }, element: { index, value in
            guard !otherFormat else { return }
            guard isRecord(value) else {
                otherFormat = true
                return
            }
            guard refusal == nil else { return }
            do {
                try read(JSONCursor(value, at: index, in: place, file: path))
            } catch {
                refusal = error
            }
        })
        guard object, !otherFormat, sawList else { return nil }
        if let refusal { throw refusal }
        return Document(header: headerValue)
    }
}
