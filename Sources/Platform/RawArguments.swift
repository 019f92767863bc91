/// The command line's arguments as the kernel passed them: bytes, not repaired text.

/// `CommandLine.arguments` decodes each argument as UTF-8 and replaces invalid bytes with
/// U+FFFD, which loses a file name that is not UTF-8 (opening the repaired name fails with
/// ENOENT). `RawArguments` finds the original bytes of a parsed argument again.
public enum RawArguments {
    /// Every argument (`argv[0]` included) exactly as passed.
    public static var all: [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            var bytes: [UInt8] = []
            var p = pointer
            while p.pointee != 0 {
                bytes.append(UInt8(bitPattern: p.pointee))
                p += 1
            }
            return bytes
        }
    }

    /// The raw bytes of each of `parsed` (arguments as text, in command-line order): the next
    /// raw argument, after the previous match, that decodes to it; the text's own UTF-8 when none does.
    public static func bytes(of parsed: [String]) -> [[UInt8]] {
        let raw = all
        var next = 1
        return parsed.map { text in
            let utf8 = Array(text.utf8)
            var k = next
            while k < raw.count {
                if raw[k] == utf8 || String(decoding: raw[k], as: UTF8.self) == text {
                    next = k + 1
                    return raw[k]
                }
                k += 1
            }
            return utf8
        }
    }
}
