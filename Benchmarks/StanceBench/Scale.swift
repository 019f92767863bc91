import Alerts
import Corpus
import Foundation
import Platform
import Store

/// Scale: the time to ingest one article (the store transaction with the alert rules'
/// history lookups) when the store already holds 10^4, 10^5, 10^6 stances.
///
/// The history is generated through `StanceStore.ingest` itself: 100 actors in groups of 5,
/// 20 topics, articles of 2,000 stances each (one per actor and topic, every actor of a topic
/// on the same side, so the history raises no alert). Each probe is an article with one
/// stance that flips an actor's side: it raises a shift and four divergences, which means
/// the latest / nearest lookups and the disagreement bookkeeping all run against the history.
enum Scale {
    static let actorCount = 100, topicCount = 20, groupSize = 5

    static func run(directory: String, steps: [Int], probes: Int) throws {
        try? FileManager.default.removeItem(atPath: directory)
        let store = try StanceStore(directory: directory)
        let watchlist = makeWatchlist()
        let rules = AlertRules(watchlist: watchlist)
        let base = Day(year: 2020, month: 1, day: 1)!
        var stored = 0, articleNo = 0, probeNo = 0
        let clock = ContinuousClock()

        func identity(_ n: Int) -> FileIdentity {
            FileIdentity(device: 1, inode: UInt64(n), size: 1000, modifiedNanoseconds: Int64(n) * 1_000_000_000)
        }
        for step in steps.sorted() {
            let fillStart = clock.now
            while stored < step {
                let day = base.adding(days: articleNo % 60)
                let name = "history-\(articleNo).txt"
                let article = Article(id: name, date: day, hasHeaderDate: true, body: "history \(articleNo)")
                var stances: [Stance] = []
                stances.reserveCapacity(actorCount * topicCount)
                outer: for t in 0..<topicCount {
                    for a in 0..<actorCount {
                        if stored + stances.count >= step { break outer }
                        stances.append(Stance(article: name, actor: "a\(a)", topic: "t\(t)", polarity: t % 2 == 0 ? .pro : .contra,
                                              stated: day, evidence: "a\(a) on t\(t) in \(articleNo)", evidenceStart: 0,
                                              evidenceEnd: 0, rules: ["bench"]))
                    }
                }
                _ = try store.ingest(article, hash: "h\(articleNo)", identity: identity(articleNo), stances: stances, rules: rules)
                stored += stances.count
                articleNo += 1
            }
            let fill = (clock.now - fillStart).seconds
            var times: [Double] = []
            var alerts = 0
            for _ in 0..<probes {
                let a = probeNo % actorCount, t = (probeNo / actorCount) % topicCount
                probeNo += 1
                let day = base.adding(days: 61)
                let name = "probe-\(step)-\(probeNo).txt"
                let article = Article(id: name, date: day, hasHeaderDate: true, body: "probe")
                let stance = Stance(article: name, actor: "a\(a)", topic: "t\(t)", polarity: t % 2 == 0 ? .contra : .pro,
                                    stated: day, evidence: "flip", evidenceStart: 0, evidenceEnd: 0, rules: ["bench"])
                let t0 = clock.now
                alerts += try store.ingest(article, hash: "p\(step)-\(probeNo)", identity: identity(10_000_000 + probeNo),
                                           stances: [stance], rules: rules).count
                times.append((clock.now - t0).seconds * 1000)
            }
            times.sort()
            let p50 = times[times.count / 2], p90 = times[times.count * 9 / 10], mean = times.reduce(0, +) / Double(times.count)
            let total = try store.status().stances
            say(String(format: "scale: %8d stances (filled in %.1f s): ingest one article p50 %.3f ms, p90 %.3f ms, mean %.3f ms (%d probes, %d alerts raised)",
                       total, fill, p50, p90, mean, probes, alerts))
            print("{\"bench\":\"scale\",\"stances\":\(total),\"p50_ms\":\(p50),\"p90_ms\":\(p90),\"mean_ms\":\(mean),\"probes\":\(probes),\"alerts\":\(alerts),\"fill_seconds\":\(fill)}")
        }
    }

    static func makeWatchlist() -> Watchlist {
        let actors = (0..<actorCount).map { a in
            Watchlist.Actor(id: "a\(a)", names: ["Актор\(a)"], group: "g\(a / groupSize)")
        }
        let topics = (0..<topicCount).map { t in
            Watchlist.Topic(id: "t\(t)", label: "тема \(t)", cues: ["сигнал\(t)"], pro: "за", contra: "против")
        }
        return Watchlist(actors: actors, topics: topics)
    }
}
