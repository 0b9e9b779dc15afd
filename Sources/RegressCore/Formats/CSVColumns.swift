/// A CSV table read column by column in one pass over its bytes (`CSVParser`'s syntax): the first
/// record that is not blank is the header; each cell of the rows after it is parsed as a number from
/// its bytes while its column holds only numbers, and only the cells of a column that does not (names,
/// errors) become text. A column's text is made afterwards when it is asked for (`text(_:)`).
struct CSVColumns {
    /// The fields of the header, as they are.
    private(set) var header: [String] = []
    /// The rows after the header (blank lines are no rows).
    private(set) var rowCount = 0
    /// Per header column, the value of every row (`GenericCSVReader.emptyCell` where the cell is empty
    /// or missing, spaces at either end trimmed), or nil when a non-empty cell of it is no number.
    private(set) var numbers: [[Double]?] = []
    /// Per header column, how many of its cells are not empty (counted while it holds numbers, at
    /// least 1 once it does not).
    private(set) var nonEmpty: [Int] = []
    /// The first row with more fields than the header: the line it starts on and its number of fields.
    private(set) var firstWideRow: (line: Int, fields: Int)?

    /// Per header column, the text of the rows from `textFrom[column]` on ("" for a missing cell),
    /// made during the pass once the column holds something other than numbers.
    private var texts: [[String]?] = []
    private var textFrom: [Int] = []
    /// Where each row starts in `bytes`, to read a column again for its text.
    private var rowStarts: [Int] = []
    private let bytes: [UInt8]
    private let separator: UInt8

    init(_ input: [UInt8], separator: UInt8 = UInt8(ascii: ",")) throws {
        bytes = CSVParser.decodeToUTF8(input)
        self.separator = separator
        let bytes = self.bytes
        try bytes.withUnsafeBufferPointer { try read($0) }
    }

    private mutating func read(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        var scanner = CSVParser.FieldScanner(buffer, separator: separator)
        while header.isEmpty, !scanner.isAtEnd {
            var fields: [String] = []
            repeat {
                fields.append(try scanner.field().withBytes(scanner) { String(decoding: $0, as: UTF8.self) })
            } while scanner.endField()
            if !(fields.count == 1 && fields[0].isEmpty) { header = fields }
        }
        let width = header.count
        numbers = Array(repeating: [], count: width)
        nonEmpty = Array(repeating: 0, count: width)
        texts = Array(repeating: nil, count: width)
        textFrom = Array(repeating: 0, count: width)
        while !scanner.isAtEnd {
            let start = scanner.index, line = scanner.line
            let first = try scanner.field()
            var more = scanner.endField()
            // A line with nothing on it is no row.
            if !more, first.isEmpty(scanner) { continue }
            store(first, column: 0, scanner)
            var column = 1
            while more {
                let field = try scanner.field()
                if column < width { store(field, column: column, scanner) }
                column += 1
                more = scanner.endField()
            }
            if column > width, firstWideRow == nil { firstWideRow = (line, column) }
            while column < width {
                if numbers[column] != nil { numbers[column]!.append(GenericCSVReader.emptyCell) } else { texts[column]!.append("") }
                column += 1
            }
            rowStarts.append(start)
            rowCount += 1
        }
    }

    @inline(__always)
    private mutating func store(_ field: CSVParser.Field, column: Int, _ scanner: CSVParser.FieldScanner) {
        if numbers[column] != nil {
            if let number = field.withBytes(scanner, GenericCSVReader.number) {
                numbers[column]!.append(number)
                if !GenericCSVReader.isEmptyCell(number) { nonEmpty[column] += 1 }
                return
            }
            numbers[column] = nil
            nonEmpty[column] = max(nonEmpty[column], 1)
            texts[column] = []
            textFrom[column] = rowCount
        }
        texts[column]!.append(field.withBytes(scanner) { String(decoding: $0, as: UTF8.self) })
    }

    /// The text of every row of a header column, as it is ("" for a missing cell).
    mutating func text(_ column: Int) -> [String] {
        if texts[column] == nil || textFrom[column] > 0 {
            let from = texts[column] == nil ? rowCount : textFrom[column]
            texts[column] = rereadText(column, rows: 0..<from) + (texts[column] ?? [])
            textFrom[column] = 0
        }
        return texts[column]!
    }

    /// A column's text in some rows, read again from the bytes (which read without error the first time).
    private func rereadText(_ column: Int, rows: Range<Int>) -> [String] {
        bytes.withUnsafeBufferPointer { buffer in
            rows.map { row in
                var scanner = CSVParser.FieldScanner(buffer, separator: separator, at: rowStarts[row])
                for _ in 0..<column {
                    guard (try? scanner.field()) != nil, scanner.endField() else { return "" }
                }
                guard let field = try? scanner.field() else { return "" }
                return field.withBytes(scanner) { String(decoding: $0, as: UTF8.self) }
            }
        }
    }
}
