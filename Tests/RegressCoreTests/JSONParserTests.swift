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
    ])
    func saysWhereADocumentBreaks(text: String, line: Int, column: Int, reason: String) {
        #expect(throws: JSONParser.SyntaxError(line: line, column: column, reason: reason)) { try parse(text) }
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
