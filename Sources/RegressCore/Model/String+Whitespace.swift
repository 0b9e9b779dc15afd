extension StringProtocol {
    /// The text without the spaces and tabs at either end: the characters Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (tab, Unicode's space separators and U+200B),
    /// without the start-up cost of its character sets and string bridging.
    var trimmingWhitespaces: String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isHorizontalWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isHorizontalWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// A member of Foundation's `CharacterSet.whitespaces`.
    var isHorizontalWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
