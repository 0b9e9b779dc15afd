/// Keeps control bytes of untrusted text (benchmark and file names, commit subjects, error messages)
/// out of terminals and reports: every C0 control but line feed and tab, DEL, and every C1 control is
/// written visibly as `\x1b`, so that an ANSI escape (`ESC [`) in a name can neither colour, move the
/// cursor, retitle the terminal nor hide text.
public enum ControlCharacters {
    /// True for the scalars that are escaped: U+0000–U+001F except `\n` and `\t`, U+007F, U+0080–U+009F.
    public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// False when no byte of the text's UTF-8 can start an escaped scalar: a C0 control other than
    /// line feed and tab, DEL, or the lead byte 0xC2 of U+0080–U+00BF (the C1 controls among them).
    /// A scan of bytes, so a long report without controls is passed through at memory speed.
    static func mayHoldEscaped(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 {
                if byte != 0x0A && byte != 0x09 { return true }
            }
            return false
        }
    }

    /// The text with each escaped scalar written as `\x` and two lowercase hex digits.
    public static func escape(_ text: String) -> String {
        guard mayHoldEscaped(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isEscaped(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: "\\x\(hex.count == 1 ? "0" : "")\(hex)".unicodeScalars)
        }
        return String(out)
    }
}
