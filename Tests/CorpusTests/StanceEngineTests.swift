import Testing
@testable import Corpus

/// The engine end to end: merging, dates, explanations, and seed 003 with the shipped watchlist.
struct StanceEngineTests {
    static let repo: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)          // Tests/CorpusTests/<file>
        return parts.joined(separator: "/")
    }()

    func seed(_ name: String) throws -> Article {
        let bytes = try #require(FileManagerShim.contents(atPath: Self.repo + "/seeds/" + name))
        let text = String(decoding: bytes, as: UTF8.self)
        // " date YYYY-MM-DD " header, then the body
        let afterDate = text.drop { $0 == " " }.dropFirst(5)
        let day = try #require(Day(iso: afterDate.prefix(10)))
        return Article(id: name, date: day, hasHeaderDate: true, body: String(afterDate.dropFirst(11)))
    }

    @Test func seed003() throws {
        let watchlist = try Watchlist(contentsOfFile: Self.repo + "/seeds/watchlist.yaml")
        let engine = try StanceEngine(watchlist: watchlist)
        let stances = engine.stances(in: try seed("003_c6bafed80c9d2d07.txt"))
        func find(_ topic: String, _ p: Polarity) -> Stance? {
            stances.first { $0.actor == "tokayev" && $0.topic == topic && $0.polarity == p }
        }
        #expect(find("settlement-prospects", .pro)?.stated == Day(year: 2025, month: 11, day: 8))
        #expect(find("settlement-prospects", .contra)?.stated == Day(year: 2025, month: 9, day: 1))
        #expect(find("kz-mediator", .contra)?.stated == Day(year: 2025, month: 9, day: 1))
        #expect(find("kz-venue", .pro) != nil)
        #expect(find("kz-mediator", .pro) == nil)
        // evidence is cut verbatim from the body at its byte offsets
        let body = Array(try seed("003_c6bafed80c9d2d07.txt").body.utf8)
        for s in stances {
            #expect(String(decoding: body[s.evidenceStart..<s.evidenceEnd], as: UTF8.self) == s.evidence)
            #expect(!s.rules.isEmpty)
        }
    }

    @Test func atMostOneStancePerActorTopicPolarityPreferringTheDatedOne() {
        let body = "Абаев заявил, что Казахстан не является посредником. 22 сентября Абаев заявил, что Казахстан не посредник."
        let s = EngineFixture.stances(body)
        #expect(s.count == 1)
        #expect(s.first?.stated == Day(year: 2025, month: 9, day: 22))
    }

    @Test func dateAppliesToItsSentenceAndTheOneContinuingIt() {
        let body = """
        В начале января Абаев отмечал, что обсуждал ситуацию. Он вновь указал, что в стране не напрашиваются в посредники.
        Абаев заявил, что Казахстан готов предоставить площадку.
        """
        let s = EngineFixture.stances(body)
        #expect(s.first { $0.topic == "kz-mediator" }?.stated == Day(year: 2025, month: 1, day: 1))
        #expect(s.first { $0.topic == "kz-venue" }?.stated == Day(year: 2025, month: 11, day: 8))
    }

    @Test func накануне() {
        let s = EngineFixture.stances("Накануне Абаев заявил, что Казахстан готов принять переговоры.")
        #expect(s.first?.stated == Day(year: 2025, month: 11, day: 7))
    }

    @Test func explanationNamesSentenceActorTopicAndRules() throws {
        let e = try #require(EngineFixture.engine.explain(EngineFixture.article("Абаев заявил, что Казахстан готов принять переговоры.")).first)
        #expect(e.actor == "nurlan" && e.topic == "kz-venue" && e.polarity == .pro)
        #expect(e.rules.contains("speaker.verbSubject") && e.rules.contains { $0.hasPrefix("polarity.") })
        #expect(e.description.contains("nurlan") && e.description.contains("kz-venue") && e.description.contains("Абаев заявил"))
    }

    @Test func boilerplateGivesNothing() {
        let body = "Читайте также\nАбаев заявил, что Казахстан готов принять переговоры."
        #expect(EngineFixture.stances(body).isEmpty)
    }
}
