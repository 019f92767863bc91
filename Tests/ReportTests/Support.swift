/// Report test support: running programs to completion, the seeds
/// replayed by the real binary, a check for network references, and Chromium.
import Foundation
import Glibc
import TestFixtures
import Testing

/// What a finished program said.
struct Finished {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable arguments` to completion (through the shared `StancewatchProcess`, with this
/// process's whole environment); output goes through files (no pipe can fill up).
func runToEnd(_ executable: String, _ arguments: [String], in folder: TemporaryFolder) throws -> Finished {
    let tag = UUID().uuidString
    let outPath = folder.file(".out-\(tag)"), errPath = folder.file(".err-\(tag)")
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    let p = try StancewatchProcess(arguments, dropping: [], stdoutPath: outPath, stderrPath: errPath, binary: executable)
    p.process.waitUntilExit()
    return Finished(status: p.process.terminationStatus, stdout: p.stdout, stderr: p.stderr)
}

/// The seeds replayed by the real `stancewatch replay` in the gold order (000 002 001 003 004)
/// with the shipped watchlist, into `folder/state`.
func replaySeeds(into folder: TemporaryFolder) throws -> String {
    let state = folder.file("state")
    let result = try runToEnd(try BuiltBinary.path(),
                              ["replay", "--state", state, "--watchlist", RepoFiles.watchlist,
                               "--alert-log", folder.file("alerts.jsonl")] + (try RepoFiles.seedsInGoldOrder()),
                              in: folder)
    guard result.status == 0 else {
        throw FixtureError("stancewatch replay of the seeds failed (\(result.status)): \(result.stderr)")
    }
    return state
}

/// Runs the built `stancewatch` with `arguments`.
func stancewatch(_ arguments: [String], in folder: TemporaryFolder) throws -> Finished {
    try runToEnd(try BuiltBinary.path(), arguments, in: folder)
}

/// Every way an HTML page could reach the network or run code, found by reading its tags
/// (every `<` of the page begins a tag: text and attribute values have theirs escaped).
func networkAndScriptReferences(in html: String) -> [String] {
    var problems: [String] = []
    let forbiddenTags: Set<String> = ["script", "link", "img", "iframe", "object", "embed", "base", "frame", "audio",
                                      "video", "source", "image", "use", "feimage", "form", "input", "portal", "track"]
    let forbiddenAttributes: Set<String> = ["src", "srcset", "action", "formaction", "xlink:href", "background", "poster",
                                            "data", "ping", "manifest", "codebase", "style"]
    var rest = Substring(html)
    var styleText = ""
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else {
            problems.append("an unclosed tag")
            break
        }
        let tag = rest[rest.index(after: open)..<close]
        let name = tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }.lowercased()
        if name == "style", let end = rest[close...].range(of: "</style>") {
            styleText += rest[rest.index(after: close)..<end.lowerBound]
        }
        if forbiddenTags.contains(name) { problems.append("a <\(name)> element") }
        if name == "meta", tag.lowercased().contains("http-equiv") { problems.append("a meta http-equiv") }
        for (attribute, value) in attributes(of: tag) {
            if forbiddenAttributes.contains(attribute) { problems.append("a \(attribute)= attribute on <\(name)>") }
            if attribute.hasPrefix("on") { problems.append("an event handler \(attribute)= on <\(name)>") }
            if attribute == "href", !value.hasPrefix("#") { problems.append("a link to \(value)") }
        }
        rest = rest[rest.index(after: close)...]
    }
    let css = styleText.lowercased()
    for needle in ["url(", "@import", "//", "http:", "https:", "expression("] where css.contains(needle) {
        problems.append("\(needle) in the style sheet")
    }
    return problems
}

/// `name="value"` pairs of a tag's text (values as written, still escaped).
private func attributes(of tag: Substring) -> [(String, String)] {
    var out: [(String, String)] = []
    var rest = tag.drop { !$0.isWhitespace }
    while true {
        rest = rest.drop { $0.isWhitespace || $0 == "/" }
        guard !rest.isEmpty else { break }
        let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }
        rest = rest.dropFirst(name.count)
        var value = ""
        if rest.first == "=" {
            rest = rest.dropFirst()
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let body = rest.dropFirst().prefix { $0 != quote }
                value = String(body)
                rest = rest.dropFirst(body.count + 2)
            } else {
                let body = rest.prefix { !$0.isWhitespace }
                value = String(body)
                rest = rest.dropFirst(body.count)
            }
        }
        out.append((name.lowercased(), value))
    }
    return out
}

/// Headless Chromium from Debian's `chromium` package, when installed.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var skipReason: Comment {
        "Chromium is not installed (Debian's chromium package; `make test` installs it): the browser tests are skipped"
    }

    /// The page's screenshot at 1400×2400.
    static func screenshot(of page: String, to png: String, in folder: TemporaryFolder) throws -> Finished {
        try runToEnd(path!, common(folder) + ["--screenshot=\(png)", "--window-size=1400,2400", "file://" + page], in: folder)
    }

    /// The DOM after the page loaded (and after any script would have run).
    static func dumpDOM(of page: String, in folder: TemporaryFolder) throws -> Finished {
        try runToEnd(path!, common(folder) + ["--dump-dom", "file://" + page], in: folder)
    }

    private static func common(_ folder: TemporaryFolder) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--user-data-dir=" + folder.file("chromium-profile-\(UUID().uuidString)")]
    }
}

/// Decodes a PNG (8-bit RGB/RGBA, non-interlaced, as Chromium writes) with python3's zlib
/// (python3 is one of the packages `make test` installs) and returns (width, height, distinct
/// colours, share of the most common colour).
func pngColours(_ png: String, in folder: TemporaryFolder) throws -> (width: Int, height: Int, colours: Int, dominantShare: Double) {
    let script = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
        pos, idat, ihdr = 8, b'', None
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
            if kind == b'IDAT': idat += body
            pos += 12 + length
        w, h, depth, ctype, _, _, interlace = ihdr
        assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unsupported PNG layout %r' % (ihdr,)
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        prev, counts, i = bytearray(stride), {}, 0
        for y in range(h):
            f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                if f == 1: line[x] = (line[x] + a) & 255
                elif f == 2: line[x] = (line[x] + b) & 255
                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                k = bytes(line[x:x + 3]); counts[k] = counts.get(k, 0) + 1
            prev = line
        print(w, h, len(counts), max(counts.values()) / (w * h))
        """
    let result = try runToEnd("/usr/bin/env", ["python3", "-c", script, png], in: folder)
    let parts = result.stdout.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
    guard result.status == 0, parts.count == 4, let w = Int(parts[0]), let h = Int(parts[1]), let n = Int(parts[2]),
          let share = Double(parts[3])
    else {
        throw FixtureError("the screenshot \(png) could not be decoded: \(result.stderr)")
    }
    return (w, h, n, share)
}
