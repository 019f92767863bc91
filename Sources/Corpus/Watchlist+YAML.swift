import Yams

/// Why a watchlist was refused: the file, the line and what is wrong, for an operator.
public struct WatchlistError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var problem: String

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "watchlist \(place): \(problem); the watchlist was not loaded"
    }
}

extension Watchlist {
    /// Parses watchlist YAML. `file` names the source in errors.
    public init(yaml text: String, file: String = "<watchlist>") throws(WatchlistError) {
        let parser = WatchlistParser(file: file)
        let (root, map) = try parser.root(text)
        let known: Set<String> = ["actors", "topics"]
        for key in map.keys where !known.contains(key.string ?? "") {
            throw parser.fail(key, "unknown key '\(key.string ?? "?")' (expected 'actors' and 'topics')")
        }
        guard let actorNodes = map["actors"]?.sequence, !actorNodes.isEmpty else {
            throw parser.fail(map["actors"] ?? root, "'actors' must be a non-empty list")
        }
        guard let topicNodes = map["topics"]?.sequence, !topicNodes.isEmpty else {
            throw parser.fail(map["topics"] ?? root, "'topics' must be a non-empty list")
        }
        var seen = Set<String>()
        var actors: [Actor] = []
        for node in actorNodes { actors.append(try parser.actor(node, seen: &seen)) }
        var topics: [Topic] = []
        for node in topicNodes { topics.append(try parser.topic(node, seen: &seen)) }
        self.init(actors: actors, topics: topics)
    }

    /// Reads and parses a watchlist file.
    public init(contentsOfFile path: String) throws(WatchlistError) {
        guard let data = FileManagerShim.contents(atPath: path) else {
            throw WatchlistError(file: path, line: nil, problem: "cannot be read (missing or not permitted)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw WatchlistError(file: path, line: nil, problem: "is not UTF-8 text")
        }
        try self.init(yaml: text, file: path)
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// File reading without Foundation's FileManager (keeps the module's imports small).
enum FileManagerShim {
    static func contents(atPath path: String) -> [UInt8]? {
        #if canImport(Glibc)
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n > 0 { out.append(contentsOf: buf[0..<n]) }
            if n < buf.count { break }
        }
        return ferror(f) == 0 ? out : nil
        #else
        return nil
        #endif
    }
}
#if canImport(Glibc)
import Glibc
#endif

/// Reads the parts of a watchlist's YAML, each refusal naming the file and the line.
struct WatchlistParser {
    let file: String

    func fail(_ node: Node?, _ problem: String) -> WatchlistError {
        WatchlistError(file: file, line: node?.mark?.line, problem: problem)
    }

    /// The document's root, which must be a mapping.
    func root(_ text: String) throws(WatchlistError) -> (Node, Node.Mapping) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw WatchlistError(file: file, line: Watchlist.line(of: error), problem: "is not valid YAML (\(Watchlist.reason(error)))")
        } catch {
            throw WatchlistError(file: file, line: nil, problem: "is not valid YAML (\(error))")
        }
        guard let root, let map = root.mapping else {
            throw WatchlistError(file: file, line: root.map { $0.mark.map { $0.line } ?? nil } ?? nil,
                                 problem: "must be a mapping with 'actors' and 'topics'")
        }
        return (root, map)
    }

    /// One actor; its id must not be used by another actor or topic (`seen`).
    func actor(_ node: Node, seen: inout Set<String>) throws(WatchlistError) -> Watchlist.Actor {
        guard let a = node.mapping else { throw fail(node, "each actor must be a mapping") }
        for key in a.keys where !["id", "names", "roles", "group"].contains(key.string ?? "") {
            throw fail(key, "actor has unknown key '\(key.string ?? "?")'")
        }
        let id = try string(a["id"], "actor id", in: node)
        guard seen.insert("actor:" + id).inserted else { throw fail(a["id"], "actor id '\(id)' is used twice") }
        let names = try strings(a["names"], "actor '\(id)' names", required: true)
        let roles = try strings(a["roles"], "actor '\(id)' roles", required: false)
        let group = try a["group"].map { (g: Node) throws(WatchlistError) -> String in
            try string(g, "actor '\(id)' group", in: node)
        }
        return Watchlist.Actor(id: id, names: names, roles: roles, group: group)
    }

    /// One topic; its id must not be used by another topic (`seen`).
    func topic(_ node: Node, seen: inout Set<String>) throws(WatchlistError) -> Watchlist.Topic {
        guard let t = node.mapping else { throw fail(node, "each topic must be a mapping") }
        for key in t.keys where !["id", "label", "cues", "pro", "contra"].contains(key.string ?? "") {
            throw fail(key, "topic has unknown key '\(key.string ?? "?")'")
        }
        let id = try string(t["id"], "topic id", in: node)
        guard seen.insert("topic:" + id).inserted else { throw fail(t["id"], "topic id '\(id)' is used twice") }
        let label = try t["label"].map { (l: Node) throws(WatchlistError) -> String in
            try string(l, "topic '\(id)' label", in: node)
        } ?? id
        let cues = try strings(t["cues"], "topic '\(id)' cues", required: true)
        let pro = try string(t["pro"], "topic '\(id)' pro", in: node)
        let contra = try string(t["contra"], "topic '\(id)' contra", in: node)
        return Watchlist.Topic(id: id, label: label, cues: cues, pro: pro, contra: contra)
    }

    /// A list of non-empty strings (an empty or null value is an empty list).
    func strings(_ node: Node?, _ what: String, required: Bool) throws(WatchlistError) -> [String] {
        guard let node else {
            if required { throw fail(nil, "\(what) is missing") }
            return []
        }
        if let scalar = node.scalar?.string, ["", "~", "null"].contains(scalar) { return [] }
        guard let seq = node.sequence else { throw fail(node, "\(what) must be a list of strings") }
        var out: [String] = []
        for item in seq {
            guard let s = item.scalar?.string, !s.trimmingWhitespace.isEmpty else {
                throw fail(item, "\(what) has an empty or non-text entry")
            }
            out.append(s.trimmingWhitespace)
        }
        if required && out.isEmpty { throw fail(node, "\(what) must name at least one entry") }
        return out
    }

    /// One non-empty string.
    func string(_ node: Node?, _ what: String, in parent: Node) throws(WatchlistError) -> String {
        guard let node else { throw fail(parent, "\(what) is missing") }
        guard let s = node.scalar?.string, !s.trimmingWhitespace.isEmpty else {
            throw fail(node, "\(what) must be non-empty text")
        }
        return s.trimmingWhitespace
    }
}
