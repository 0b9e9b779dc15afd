/// Makes untrusted text (benchmark, metric and path names, commit subjects) safe in Markdown: it can
/// neither break a table, open a code span or emphasis, inject HTML, mention a person or team, nor
/// carry a control character (written as `\x1b`, see `ControlCharacters`).
public enum MarkdownText {
    /// For table cells and prose: one line; `|`, backticks, emphasis and link characters escaped;
    /// `<`, `>` and `&` as entities; `@` followed by a zero-width space so that no one is notified.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r", "\t", "\r\n": out += " "
            case "\\", "|", "`", "*", "_", "[", "]", "~", "#": out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "@": out += "@\u{200B}"
            default: out += ControlCharacters.escape(String(character))
            }
        }
        return out
    }

    /// For a line inside a fenced code block: one line, nothing else needed.
    public static func codeLine(_ text: String) -> String {
        ControlCharacters.escape(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))
    }

    /// A fence of backticks longer than any run of backticks in the text, and at least three.
    public static func fence(for text: String) -> String {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
