@testable import RegressCore
import Testing

struct CSVParserTests {
    func fields(_ text: String) throws -> [[String]] { try CSVParser.parse(Array(text.utf8)).map(\.fields) }

    @Test func readsQuotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\n"
        #expect(try fields(text) == [["name", "note"], ["a,b", "say \"hi\""], ["multi\nline", "x"]])
    }

    @Test func recordsKnowTheLineTheyStartOn() throws {
        let records = try CSVParser.parse(Array("h\n\"a\nb\"\nc\n".utf8))
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func skipsTheByteOrderMarkAndBlankLinesAndReadsALastLineWithoutNewline() throws {
        #expect(try CSVParser.parse([0xEF, 0xBB, 0xBF] + Array("a,b\n\n1,2".utf8)).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func keepsEmptyFields() throws {
        #expect(try fields("a,b,c\n1,,\n") == [["a", "b", "c"], ["1", "", ""]])
    }

    @Test func decodesUTF16WithAByteOrderMark() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "x,y\n1,2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try CSVParser.parse(utf16).map(\.fields) == [["x", "y"], ["1", "2"]])
    }

    @Test func anUnclosedQuoteNamesTheLineItOpensOn() {
        #expect(throws: CSVParser.SyntaxError(line: 2, reason: "a quoted field opened here is never closed")) {
            try fields("a,b\n1,\"open\n2,3\n")
        }
    }
}
