/// A bounded property test of the article reader and the stance engine: random bytes and
/// random mutations of the seed texts (fixed seed) never crash them, and what they return
/// keeps its invariants (evidence offsets inside the body, evidence == body[start..<end],
/// ids from the watchlist, at most one stance per (actor, topic, polarity)).
///
/// `FUZZ_ITERATIONS` (default 2,000) and `FUZZ_SECONDS` (default 120) bound the run;
/// `FUZZ_SEED` changes the seed for a long exploratory run.
import Corpus
import Foundation
import TestFixtures
import Testing

struct FuzzTests {
    @Test func readerAndEngineSurviveRandomAndMutatedInput() throws {
        let env = ProcessInfo.processInfo.environment
        let iterations = Int(env["FUZZ_ITERATIONS"] ?? "") ?? 2_000
        let budget = Duration.seconds(Int(env["FUZZ_SECONDS"] ?? "") ?? 120)
        var rng = SeededRandom(seed: UInt64(env["FUZZ_SEED"] ?? "") ?? 0xF022_5EED)

        let watchlist = try Watchlist(contentsOfFile: RepoFiles.watchlist)
        let engine = try StanceEngine(watchlist: watchlist)
        let reader = ArticleReader(maxBytes: 1 << 20)
        let actors = Set(watchlist.actors.map(\.id)), topics = Set(watchlist.topics.map(\.id))
        let seeds = try SeedArticle.loadAll().map { Array($0.text.utf8) }
        let modified = Day(year: 2025, month: 10, day: 1)!
        var mutator = Mutator(seeds: seeds)

        let clock = ContinuousClock()
        let start = clock.now
        var done = 0, accepted = 0, stanceCount = 0, failures = 0
        while done < iterations, clock.now - start < budget {
            let input = mutator.next(&rng)
            done += 1
            let article: Article
            do { article = try reader.read(name: "fuzz-\(done).txt", bytes: input, modified: modified) } catch { continue }
            accepted += 1
            let body = Array(article.body.utf8)
            let stances = engine.stances(in: article)
            _ = engine.explain(article)
            stanceCount += stances.count
            var seen = Set<String>()
            for s in stances {
                let inside = 0 <= s.evidenceStart && s.evidenceStart <= s.evidenceEnd && s.evidenceEnd <= body.count
                if !inside || String(decoding: body[s.evidenceStart..<s.evidenceEnd], as: UTF8.self) != s.evidence {
                    failures += 1
                    Issue.record("iteration \(done): evidence [\(s.evidenceStart), \(s.evidenceEnd)) of a \(body.count)-byte body does not match \(s.evidence.prefix(80).debugDescription)")
                }
                #expect(s.article == article.id)
                #expect(actors.contains(s.actor) && topics.contains(s.topic), "unknown ids \(s.actor)/\(s.topic)")
                #expect(seen.insert("\(s.actor)|\(s.topic)|\(s.polarity)").inserted, "two \(s.polarity) stances of \(s.actor) on \(s.topic)")
                if failures > 20 { break }
            }
            if failures > 20 { break }
        }
        print("fuzz: \(done) inputs in \(clock.now - start), \(accepted) read as articles, \(stanceCount) stances checked")
        #expect(done >= min(iterations, 200), "the fuzz run did too few iterations (\(done)) in its time budget")
    }
}

/// Random inputs: raw random bytes, seeds with byte-level mutations, splices and inserted
/// tokens that matter to the engine (quotes, negations, names, cues, headers).
struct Mutator {
    let seeds: [[UInt8]]
    let tokens: [[UInt8]] = [
        "«", "»", "\"", "„", "“", ".", "!", "?", "\n", "\n\n", "\0", " не ", " Токаев ", " Сарым ", " заявил, что ",
        " по словам ", " посредником ", " площадкой ", " перемирие ", " date 2025-13-45 ", " date 2025-02-29 ",
        " date 2024-02-29 ", "\u{FEFF}", "\u{202E}", "…", "—", " он ", " 22 сентября 2024 года ", "Ё", "\r\n",
    ].map { Array($0.utf8) }

    init(seeds: [[UInt8]]) { self.seeds = seeds }

    mutating func next(_ rng: inout SeededRandom) -> [UInt8] {
        func r(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        switch r(10) {
        case 0:
            return (0..<r(2048)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1, 2:
            // Byte-level: anything goes, including broken UTF-8.
            var b = seeds[r(seeds.count)]
            for _ in 0..<(1 + r(8)) {
                switch r(4) {
                case 0: if !b.isEmpty { b[r(b.count)] = UInt8(truncatingIfNeeded: rng.next()) }
                case 1: if !b.isEmpty { let s = r(b.count); b.removeSubrange(s..<min(b.count, s + r(400))) }
                case 2: b.insert(contentsOf: tokens[r(tokens.count)], at: r(b.count + 1))
                default: b = Array(b.prefix(r(b.count + 1)))
                }
            }
            return b
        default:
            // Character-level: stays valid UTF-8, so the engine sees every one of these.
            var c = Array(String(decoding: seeds[r(seeds.count)], as: UTF8.self).unicodeScalars)
            let tokenScalars = tokens.map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
            for _ in 0..<(1 + r(12)) {
                switch r(7) {
                case 0: if !c.isEmpty { c[r(c.count)] = Unicode.Scalar(UInt8(32 + r(95))) }
                case 1: c.insert(contentsOf: tokenScalars[r(tokenScalars.count)], at: r(c.count + 1))
                case 2: if !c.isEmpty { let s = r(c.count); c.removeSubrange(s..<min(c.count, s + r(400))) }
                case 3: if !c.isEmpty { let s = r(c.count); c.insert(contentsOf: c[s..<min(c.count, s + r(300))], at: r(c.count + 1)) }
                case 4:
                    let other = Array(String(decoding: seeds[r(seeds.count)], as: UTF8.self).unicodeScalars)
                    let s = r(other.count)
                    c.insert(contentsOf: other[s..<min(other.count, s + r(800))], at: r(c.count + 1))
                case 5: c = Array(c.prefix(r(c.count + 1)))
                default: let t = tokenScalars[r(tokenScalars.count)]; for _ in 0..<r(50) { c.insert(contentsOf: t, at: r(c.count + 1)) }
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: c)
            return Array(String(s).utf8)
        }
    }
}
