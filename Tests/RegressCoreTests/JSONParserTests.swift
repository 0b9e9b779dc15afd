@testable import RegressCore
import Testing

struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsObjectsInFileOrderWithEveryKindOfValue() throws {
        let value = try parse(#"{"b": 1.5, "a": [true, null, "x\n\u00e9\ud83d\ude00"], "c": {"d": -2e3}}"#)
        #expect(value == .object([
            ("b", .number(1.5)),
            ("a", .array([.bool(true), .null, .string("x\né😀")])),
            ("c", .object([("d", .number(-2000))])),
        ]))
    }

    @Test func acceptsTheNaNAndInfinityThatPythonWrites() throws {
        guard case .array(let values) = try parse("[NaN, Infinity, -Infinity]") else {
            Issue.record("not an array")
            return
        }
        #expect(values.count == 3)
        #expect(values[0].numberValue?.isNaN == true)
        #expect(values[1].numberValue == .infinity)
        #expect(values[2].numberValue == -.infinity)
    }

    @Test func skipsAUTF8ByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == .object([]))
    }

    @Test(arguments: [
        ("{\"a\": 1,\n \"b\" 2}", 2, 6, "expected ':' after key \"b\""),
        ("[1, 2", 1, 6, "the document ends inside an array"),
        ("{\"a\": tru}", 1, 7, "unexpected word; expected true"),
        ("[1] x", 1, 5, "unexpected text after the JSON value"),
        ("{\"a\": 1-2}", 1, 7, "invalid number '1-2'"),
        // A key twice in a record after records of the same keys.
        ("[{\"a\": 1, \"b\": 2}, {\"a\": 1, \"a\": 2}]", 1, 29, "the key \"a\" appears twice in one object: which value counts would be a guess"),
        ("[{\"a\": 1, \"b\": 2}, {\"a\": 1, \"b\": 2, \"a\": 3}]", 1, 37, "the key \"a\" appears twice in one object: which value counts would be a guess"),
    ])
    func saysWhereADocumentBreaks(text: String, line: Int, column: Int, reason: String) {
        #expect(throws: JSONParser.SyntaxError(line: line, column: column, reason: reason)) { try parse(text) }
    }

    /// What `JSONParser.stream` handed over, in order.
    func stream(_ text: String) throws -> (object: Bool, members: [String], elements: [String]) {
        var members: [String] = [], elements: [String] = []
        let object = try JSONParser.stream(Array(text.utf8), streamed: "list", member: { key, value in
            members.append("\(key)=\(JSONWriter.write(value).dropLast())")
        }, element: { index, value in
            elements.append("\(index)=\(JSONWriter.write(value).dropLast())")
        })
        return (object, members, elements)
    }

    @Test func streamingHandsOverAListOneElementAtATimeAndEveryOtherMemberWhole() throws {
        let read = try stream(#"{"a": {"b": [1, 2]}, "list": [{"x": 1}, "y", 3], "z": "\u00e9"}"#)
        #expect(read.object)
        #expect(read.elements == ["0={\n  \"x\": 1\n}", "1=\"y\"", "2=3"])
        #expect(read.members == ["a={\n  \"b\": [1, 2]\n}", "list=[]", "z=\"é\""])
        // A `list` that is no array is an ordinary member; a document that is no object is not read.
        #expect(try stream(#"{"list": 5}"#).members == ["list=5"])
        #expect(try stream("[1, 2]") == (false, [], []))
    }

    @Test(arguments: [
        "{\"list\": [1,\n 2 3]}",
        "{\"list\": [{\"a\": 1, \"a\": 2}]}",
        "{\"list\": [], \"list\": []}",
        "{\"a\": 1} x",
        "{\"list\": [\"\u{1F600}\", \"\\q\"]}",
    ])
    func streamingBreaksWhereAndAsParsingBreaks(text: String) throws {
        let expected = try #require(throws: JSONParser.SyntaxError.self) { try parse(text) }
        #expect(throws: expected) { try stream(text) }
    }

    @Test func streamedRecordsReadAsParsingReadsThemWhateverTheRecordBeforeHeld() throws {
        // Records that repeat, change, lose and gain keys and texts, texts with escapes or the bytes of
        // the text before plus more, and values of other kinds in the places of texts.
        let records = [
            #"{"name": "BM_a/1", "unit": "ns", "t": 1.5}"#,
            #"{"name": "BM_a/1", "unit": "ns", "t": 2}"#,
            #"{"name": "BM_a/1\n", "unit": "n\u0073", "t": 3}"#,
            #"{"name": "BM_a/1", "unit": "ns", "t": "x"}"#,
            #"{"name": "BM_a/1", "unit": "ns"}"#,
            #"{"name": "BM_a/12", "unit": 4, "t": 5, "extra": {"name": "BM_a/12"}}"#,
            #"{"name": "BM_a/12", "unit": "ns", "t": 5, "extra": "BM_a/12"}"#,
            #"{}"#,
            #"{"unit": "ns", "name": "BM_a/1"}"#,
            #"{"name": "é long enough to be shared", "unit": "ns"}"#,
            #"{"name": "é long enough to be shared", "unit": "ns"}"#,
        ]
        let text = #"{"list": [\#(records.joined(separator: ",\n"))]}"#
        var kept: [JSONValue] = []
        _ = try JSONParser.stream(Array(text.utf8), streamed: "list", member: { _, _ in }, element: { _, value in kept.append(value) })
        #expect(kept == (try records.map { try parse($0) }))
        let read = try stream(text)
        #expect(read.elements == records.enumerated().map { "\($0)=\(JSONWriter.write(try! parse($1)).dropLast())" })
    }

    @Test func longStringsRepeatedInRecordsReadAsTheirText() throws {
        #expect(try parse(#"["0123456789abcdefghij\"x", "0123456789ab\ncdef"]"#) == .array([.string("0123456789abcdefghij\"x"), .string("0123456789ab\ncdef")]))
        let name = "a name longer than fifteen bytes, é included"
        let value = try parse(#"[{"\#(name)": "\#(name)"}, {"\#(name)": "\#(name)!"}]"#)
        #expect(value == .array([.object([(name, .string(name))]), .object([(name, .string(name + "!"))])]))
        #expect(throws: JSONParser.SyntaxError(line: 1, column: 2, reason: "a string that is not valid UTF-8")) {
            try JSONParser.parse([UInt8(ascii: "["), UInt8(ascii: "\"")] + Array(repeating: UInt8(ascii: "x"), count: 20) + [0xFF, UInt8(ascii: "\""), UInt8(ascii: "]")])
        }
    }

    @Test func aLongListOfRecordsIsWrittenInOrderAsAShortOneIs() {
        let count = JSONWriter.parallelCount + 3
        let records = (0..<count).map { JSONValue.object([("n", .number(Double($0))), ("b", .string("x\u{1}"))]) }
        let expected = "[\n" + (0..<count).map { "  {\n    \"b\": \"x\\u0001\",\n    \"n\": \($0)\n  }" }.joined(separator: ",\n") + "\n]\n"
        #expect(JSONWriter.write(.array(records)) == expected)
    }

    @Test func writerSortsKeysAndFormatsNumbersTheSameEveryTime() {
        let value = JSONValue.object([("z", .number(3)), ("a", .array([.number(0.1), .number(.nan)])), ("m", .string("q\"\u{1}"))])
        #expect(JSONWriter.write(value) == """
            {
              "a": [0.1, null],
              "m": "q\\"\\u0001",
              "z": 3
            }

            """)
    }
}
