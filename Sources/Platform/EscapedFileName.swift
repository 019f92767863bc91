/// Makes file names safe to print in one log line or one journald field.

/// The name with control characters made visible: newline → `\n`, tab → `\t`, CR → `\r`,
/// backslash → `\\`, other C0 controls and DEL → `\xNN`, C1 controls and U+2028/U+2029 → `\u{NNNN}`.
public func escapedFileName(_ name: String) -> String {
    var out = ""
    out.reserveCapacity(name.utf8.count)
    for scalar in name.unicodeScalars { appendEscaped(scalar, to: &out) }
    return out
}

/// Like `escapedFileName(_:)` for raw name bytes; bytes that are not valid UTF-8 become `\xNN`.
public func escapedFileName(bytes: [UInt8]) -> String {
    var out = ""
    var i = 0
    while i < bytes.count {
        if let (scalar, length) = decodeUTF8Scalar(bytes, at: i) {
            appendEscaped(scalar, to: &out)
            i += length
        } else {
            out += "\\x" + hex2(bytes[i])
            i += 1
        }
    }
    return out
}

/// The length of the well-formed UTF-8 scalar at `i` of `b` (no overlongs, no surrogates,
/// nothing past U+10FFFF), or 0 when the bytes there are not one.
public func utf8ScalarLength(_ b: ArraySlice<UInt8>, at i: Int) -> Int {
    let lead = b[i]
    let length: Int
    var second: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: length = 3; second = 0xA0...0xBF
    case 0xED: length = 3; second = 0x80...0x9F
    case 0xE1...0xEF: length = 3
    case 0xF0: length = 4; second = 0x90...0xBF
    case 0xF4: length = 4; second = 0x80...0x8F
    case 0xF1...0xF3: length = 4
    default: return 0
    }
    guard i + length <= b.endIndex, second.contains(b[i + 1]) else { return 0 }
    for k in 2..<length where !(0x80...0xBF).contains(b[i + k]) { return 0 }
    return length
}

/// Decodes one well-formed UTF-8 scalar at `i`, or nil.
private func decodeUTF8Scalar(_ b: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
    let length = utf8ScalarLength(b[...], at: i)
    guard length > 0 else { return nil }
    var value = length == 1 ? UInt32(b[i]) : UInt32(b[i]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
    return Unicode.Scalar(value).map { ($0, length) }
}

private func appendEscaped(_ s: Unicode.Scalar, to out: inout String) {
    switch s.value {
    case 0x0A: out += "\\n"
    case 0x09: out += "\\t"
    case 0x0D: out += "\\r"
    case 0x5C: out += "\\\\"
    case 0x00..<0x20, 0x7F: out += "\\x" + hex2(UInt8(s.value))
    case 0x80..<0xA0, 0x2028, 0x2029: out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
    default: out.unicodeScalars.append(s)
    }
}

private let hexDigits = Array("0123456789ABCDEF")

private func hex2(_ b: UInt8) -> String {
    String([hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
}

/// A file name as text that keeps every byte: the name itself when it is valid UTF-8, else
/// `escapedFileName(bytes:)` (each byte that is not UTF-8 as `\xNN`, exactly as the journald
/// entries and error messages show it). Used as the article id of a file whose name is not
/// UTF-8, so it is neither stored with U+FFFD nor confused with another name that differs
/// only in its invalid bytes.
public func fileNameText(bytes: [UInt8]) -> String {
    String(validating: bytes, as: UTF8.self) ?? escapedFileName(bytes: bytes)
}
