/// Text from articles made safe to show: hostile evidence is displayed as text, never
/// interpreted. Plot escapes `<` and `>` in text but leaves `&entity;` sequences alone and does
/// not escape attribute values at all, so every value goes through here first.
public enum HTMLText {
    /// Characters that reorder or hide text (bidi embeddings, overrides, isolates and marks,
    /// zero-width joiners and the BOM) and C0/C1 controls other than tab and newline are
    /// replaced by a visible `[U+XXXX]`, so a reader sees that they were there and they cannot
    /// turn the surrounding text around.
    public static func display(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                out.append(contentsOf: "[U+\(hex(scalar.value))]".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text content for Plot's `.text`: `display` with `&` pre-escaped, so a literal `&lt;` in
    /// the evidence shows as `&lt;`, not as `<` (Plot passes entities through).
    public static func content(_ text: String) -> String {
        display(text).replacingOccurrences(of: "&", with: "&amp;")
    }

    /// An attribute value, fully escaped (`&`, `<`, `>`, `"`, `'`).
    public static func attribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in display(text) {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A fragment of an element id: ASCII letters, digits, `-` and `_` kept, anything else as `.HEX`.
    public static func anchorPart(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) || scalar == "-" || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else {
                out += ".\(hex(scalar.value))"
            }
        }
        return out
    }

    /// The anchor of an alert's row in the alert table.
    public static func alertAnchor(_ id: String) -> String { "a-\(anchorPart(id))" }

    /// Whether the scalar is a control or formatting character that must not reach the page raw.
    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
