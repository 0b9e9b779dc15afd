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

    /// The text with each escaped scalar written as `\x` and two lowercase hex digits.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
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
