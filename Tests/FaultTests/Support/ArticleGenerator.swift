/// Makes many feed articles from the shipped seeds: other dates, the two seed actors' names
/// (and roles) swapped, paragraphs shuffled. Deterministic for a given seed, and needs
/// nothing outside the repository.
import Corpus
import Foundation
import TestFixtures

/// One generated feed file.
struct GeneratedArticle: Sendable {
    var name: String
    var bytes: [UInt8]
}

/// A seed article split into its header date and body.
struct SeedArticle: Sendable {
    var name: String
    var date: String
    var body: String

    /// The five seeds in `seeds/`, sorted by name.
    static func loadAll() throws -> [SeedArticle] {
        let names = try FileManager.default.contentsOfDirectory(atPath: RepoFiles.seeds).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOfFile: RepoFiles.seeds + "/" + name, encoding: .utf8)
            var rest = Substring(text)
            while rest.first == " " { rest = rest.dropFirst() }
            guard rest.hasPrefix("date ") else { return SeedArticle(name: name, date: "2025-09-22", body: text) }
            let date = String(rest.dropFirst(5).prefix(10))
            return SeedArticle(name: name, date: date, body: String(rest.dropFirst(16)))
        }
    }

    /// The seed as file bytes (header and body).
    var text: String { " date \(date) \(body)" }
}

struct ArticleGenerator {
    private var rng: SeededRandom
    private let seeds: [SeedArticle]

    init(seed: UInt64) throws {
        rng = SeededRandom(seed: seed)
        seeds = try SeedArticle.loadAll()
        guard !seeds.isEmpty else { throw SandboxError("no seed articles in \(RepoFiles.seeds)") }
    }

    /// Article number `index`: a seed varied in date, actor and paragraph order.
    mutating func next(index: Int, prefix: String = "gen") -> GeneratedArticle {
        let seed = seeds[Int(rng.next() % UInt64(seeds.count))]
        let day = 20_089 + Int(rng.next() % 700)  // 2025-01-01 + up to ~2 years
        var body = seed.body
        if rng.next() % 2 == 0 { body = Self.swapActors(body) }
        if rng.next() % 2 == 0 { body = Self.shuffleParagraphs(body, using: &rng) }
        let name = "\(String(format: "%05d", index))_\(prefix)_\(seed.name.prefix(3)).txt"
        // A closing line of its own: no two generated files have the same bytes (the store
        // treats equal content under another name as already seen).
        return GeneratedArticle(name: name, bytes: Array(" date \(Day(ordinal: day)) \(body)\n\nМатериал \(prefix) \(index).\n".utf8))
    }

    /// Names and roles of tokayev and sarym exchanged (longest forms first, via placeholders).
    static func swapActors(_ text: String) -> String {
        let pairs: [(String, String)] = [
            ("Касым-Жомарт Токаев", "Айдос Сарым"), ("Касим-Жомарт Токаев", "Айдос Сарым"),
            ("президент Казахстана", "депутат Мажилиса"), ("Президент Казахстана", "Депутат Мажилиса"),
            ("казахстанский лидер", "казахстанский парламентарий"), ("Казахстанский лидер", "Казахстанский парламентарий"),
            ("Токаев", "Сарым"),
        ]
        var out = text
        for (i, (a, b)) in pairs.enumerated() {
            out = out.replacingOccurrences(of: a, with: "\u{E000}\(i)\u{E001}")
            out = out.replacingOccurrences(of: b, with: "\u{E002}\(i)\u{E003}")
        }
        for (i, (a, b)) in pairs.enumerated() {
            out = out.replacingOccurrences(of: "\u{E000}\(i)\u{E001}", with: b)
            out = out.replacingOccurrences(of: "\u{E002}\(i)\u{E003}", with: a)
        }
        return out
    }

    /// The first paragraph kept, the others in a random order.
    static func shuffleParagraphs(_ text: String, using rng: inout SeededRandom) -> String {
        var paragraphs = text.components(separatedBy: "\n\n")
        guard paragraphs.count > 2 else { return text }
        let first = paragraphs.removeFirst()
        paragraphs.shuffle(using: &rng)
        return ([first] + paragraphs).joined(separator: "\n\n")
    }
}
