/// Makes text safe for an alert field: no characters that could forge journald fields or
/// log lines, and a length cap that never splits a character.
public enum AlertText {
    /// Longest evidence kept in an alert, in characters (longer text ends in "…").
    public static let evidenceLimit = 1_000
    /// Longest message, in characters.
    public static let messageLimit = 2_000
    /// Longest identifier (actor, topic, article id), in characters.
    public static let identifierLimit = 255

    /// How unsafe characters are rendered.
    public enum Style: Sendable {
        /// Prose (evidence, messages): unsafe characters become a space, runs of
        /// whitespace collapse to one space, the ends are trimmed.
        case prose
        /// Identifiers (file names): unsafe characters become a visible `\u{XXXX}`
        /// escape, so the name stays recognisable and one line long.
        case identifier
    }

    /// `text` with control characters (C0, DEL, C1), line and paragraph separators and
    /// bidirectional formatting characters removed or escaped per `style`, cut to
    /// `limit` characters (the last one being "…" when cut).
    public static func sanitize(_ text: String, limit: Int, style: Style) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let unsafe = isUnsafe(scalar)
            switch style {
            case .prose:
                if isInvisibleFormat(scalar) { continue }
                if unsafe || scalar.properties.isWhitespace {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            case .identifier:
                if unsafe {
                    out.append(contentsOf: escape(scalar).unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return cap(String(out), limit: limit)
    }

    /// `text` cut to at most `limit` characters, ending in "…" when cut.
    public static func cap(_ text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// True for scalars that must never reach a journald field or a log line verbatim.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true          // C0 (incl. NUL, LF, CR, TAB), DEL, C1 (incl. NEL)
        case 0x2028, 0x2029: true                    // line and paragraph separators
        default: isInvisibleFormat(scalar)
        }
    }

    /// True for the bidirectional formatting characters that can reorder displayed text.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Unsafe scalars that prose drops without a trace (they carry no visible text).
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        isBidiControl(scalar) || scalar.value == 0xFEFF || (0xFFF9...0xFFFB).contains(scalar.value)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }
}
