@testable import RegressCore
import Testing

/// The column-by-column CSV reader: every table here also reads, record by record, to the same cells.
struct CSVColumnsTests {
    func table(_ text: String) throws -> CSVColumns { try CSVColumns(Array(text.utf8)) }

    /// Each column's cells as text, the way the record reader gives them ("" for a missing cell).
    func cells(_ text: String) throws -> [[String]] {
        var columns = try table(text)
        return columns.header.indices.map { columns.text($0) }
    }

    @Test func quotedCellsWithSeparatorsDoubledQuotesAndNewlinesAreOneCell() throws {
        let text = "name,note,ms\r\n\"a,b\",\"say \"\"hi\"\"\",\"1.5\"\r\n\"multi\nline\",x,2\r\n"
        let columns = try table(text)
        #expect(columns.header == ["name", "note", "ms"])
        #expect(columns.rowCount == 2)
        #expect(columns.numbers[2] == [1.5, 2])
        #expect(columns.numbers[0] == nil && columns.numbers[1] == nil)
        #expect(try cells(text) == [["a,b", "multi\nline"], ["say \"hi\"", "x"], ["1.5", "2"]])
    }

    @Test func crlfAndLfLineEndsAndABlankLineReadAlike() throws {
        let crlf = try table("a,b\r\n1,2\r\n\r\n3,4")
        let lf = try table("a,b\n1,2\n\n3,4\n")
        #expect(crlf.numbers == [[1, 3], [2, 4]])
        #expect(lf.numbers == crlf.numbers)
        #expect(crlf.rowCount == 2)
    }

    @Test func aColumnThatTurnsOutToBeTextKeepsTheTextOfItsEarlierRows() throws {
        let text = "id,ms\n1,5\n 2 ,6\nthird,7\n4\n"
        let columns = try table(text)
        #expect(columns.numbers[0] == nil)
        #expect(columns.numbers[1]?.map { GenericCSVReader.isEmptyCell($0) ? -1 : $0 } == [5, 6, 7, -1])
        #expect(try cells(text) == [["1", " 2 ", "third", "4"], ["5", "6", "7", ""]])
    }

    @Test func aColumnOfNumbersGivesItsTextWhenAskedAndShortRowsAreMissingCells() throws {
        var columns = try table("run,ms,note\n1,\"5\"\n2\n")
        #expect(columns.numbers[0] == [1, 2])
        #expect(columns.nonEmpty == [2, 1, 0])
        #expect(columns.text(0) == ["1", "2"])
        #expect(columns.text(1) == ["5", ""])
        #expect(columns.text(2) == ["", ""])
        #expect(columns.firstWideRow == nil)
    }

    @Test func numbersAreReadWithSpacesTrimmedAndNanOrInfinityKept() throws {
        let columns = try table("ms\n 5 \n\t-1e3\nNaN\n-inf\n\u{00A0}7\n  \n")
        let values = try #require(columns.numbers[0])
        #expect(Array(values[0..<2]) == [5, -1000])
        #expect(values[2].isNaN && !GenericCSVReader.isEmptyCell(values[2]))
        #expect(values[3] == -.infinity)
        #expect(values[4] == 7)
        #expect(GenericCSVReader.isEmptyCell(values[5]))
        #expect(columns.nonEmpty == [5])
    }

    @Test func theFirstRowWiderThanTheHeaderIsNamedByItsLine() throws {
        let columns = try table("name,ms\na,1\n\"b\nc\",2,3\nd,4,5,6\n")
        #expect(columns.firstWideRow?.line == 3)
        #expect(columns.firstWideRow?.fields == 3)
    }

    @Test func anUnclosedQuoteNamesTheLineItOpensOn() {
        #expect(throws: CSVParser.SyntaxError(line: 3, reason: "a quoted field opened here is never closed")) {
            try table("a,b\n1,2\n3,\"open\n4,5\n")
        }
    }

    @Test func aSyntaxErrorAfterAWideRowIsTheErrorReported() {
        #expect(throws: ArtifactError.malformed(path: "r.csv", location: "line 3", reason: "a quoted field opened here is never closed")) {
            try GenericCSVReader.read(Array("a,b\n1,2,3\n\"open\n".utf8), path: "r.csv", keys: [])
        }
    }

    @Test func anEmptyFileOrOneOfBlankLinesHasNoHeader() throws {
        #expect(try table("").header.isEmpty)
        #expect(try table("\n\r\n\n").header.isEmpty)
        #expect(try table("\n\na,b\n1,2\n").header == ["a", "b"])
        var headerOnly = try table("a,b\n")
        #expect(headerOnly.rowCount == 0 && headerOnly.text(0).isEmpty && headerOnly.numbers[1] == [])
    }

    @Test func numericKeyColumnsNameTheBenchmarkByTheirText() throws {
        let contents = try GenericCSVReader.read(Array("case_id,ms\n007,5\n7.0,6\n007,7\n".utf8), path: "r.csv", keys: [])
        #expect(contents.measurements.map { "\($0.benchmark)|\($0.metric)|\($0.samples)" } == ["007|ms|[5.0, 7.0]", "7.0|ms|[6.0]"])
    }
}
