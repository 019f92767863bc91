// ReportBench: fills a state folder with N generated stances through the real Store and alert
// rules, then times `ReportBuilder` over it and prints the figures (asserts nothing).
//
//     ReportBench --stances 100000 --state DIR --out report.html [--watchlist-out W.yaml]
//
// Generated history: 12 actors in 4 groups, 5 topics, five years; each actor holds a side per
// topic and flips it now and then (so shifts and divergences occur at a realistic rate), and
// one stance in twenty is a late report of a statement made months before its article.
import Alerts
import Corpus
import Foundation
import Platform
import Report
import Store

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func argument(_ name: String) -> String? {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[i + 1]
}

let total = Int(argument("--stances") ?? "100000") ?? 100_000
guard let stateDir = argument("--state"), let out = argument("--out") else {
    FileHandle.standardError.write(Data("usage: ReportBench --stances N --state DIR --out FILE.html\n".utf8))
    exit(64)
}

let groups = ["kazakhstan", "russia", "ukraine", "eu"]
let actors = (0..<12).map { i in
    Watchlist.Actor(id: "actor-\(i)", names: ["Деятель\(i)"], group: groups[i % 4])
}
let topics = (0..<5).map { i in
    Watchlist.Topic(id: "topic-\(i)", label: "Тема \(i): перспективы урегулирования", cues: ["тема\(i)"],
                    pro: "актор за (тема \(i))", contra: "актор против (тема \(i))")
}
let watchlist = Watchlist(actors: actors, topics: topics)
if let w = argument("--watchlist-out") {
    var yaml = "actors:\n"
    for a in actors { yaml += "- id: \(a.id)\n  names: [\(a.names[0])]\n  group: \(a.group!)\n" }
    yaml += "topics:\n"
    for t in topics { yaml += "- id: \(t.id)\n  label: \"\(t.label)\"\n  cues: [\(t.cues[0])]\n  pro: \"\(t.pro)\"\n  contra: \"\(t.contra)\"\n" }
    try yaml.write(toFile: w, atomically: true, encoding: .utf8)
}

let store = try StanceStore(directory: stateDir)
let rules = AlertRules(watchlist: watchlist)
var random = Generator(state: 2026)
var side: [String: Polarity] = [:]
let start = Day(year: 2021, month: 1, day: 1)!
let perArticle = 5
let articles = (total + perArticle - 1) / perArticle
let ingestStart = Date()
var made = 0, alerts = 0
let existing = try store.status().stances
if existing > 0 { print("the store already holds \(existing) stances: building the report only") }
for n in 0..<(existing > 0 ? 0 : articles) {
    let date = start.adding(days: n * 1826 / max(1, articles))
    let name = String(format: "%06d_generated.txt", n)
    var stances: [Stance] = []
    var seen = Set<String>()
    while stances.count < min(perArticle, total - made) {
        let actor = actors[Int(random.next() % 12)], topic = topics[Int(random.next() % 5)]
        guard seen.insert(actor.id + topic.id).inserted else { continue }
        let key = actor.id + "/" + topic.id
        var polarity = side[key] ?? (random.next() % 2 == 0 ? .pro : .contra)
        if random.next() % 40 == 0 { polarity = polarity.opposite }
        side[key] = polarity
        let late = random.next() % 20 == 0
        let stated = late ? date.adding(days: -(60 + Int(random.next() % 300))) : date
        let text = "\(actor.names[0]) заявил, что \(polarity == .pro ? "поддерживает" : "отвергает") \(topic.label.lowercased()) "
            + "(статья \(n), высказывание \(stances.count + 1)); сгенерированное доказательство для отчёта."
        stances.append(Stance(article: name, actor: actor.id, topic: topic.id, polarity: polarity, stated: stated,
                              evidence: text, evidenceStart: 0, evidenceEnd: text.utf8.count, rules: ["generated.cue", "generated.polarity"]))
    }
    made += stances.count
    alerts += try store.ingest(Article(id: name, date: date, hasHeaderDate: true, body: ""), hash: "gen-\(n)",
                               identity: FileIdentity(device: 1, inode: UInt64(n + 1), size: 1, modifiedNanoseconds: Int64(n)),
                               stances: stances, rules: rules).count
}
let ingestSeconds = Date().timeIntervalSince(ingestStart)
print("generated \(made) stances in \(articles) articles, \(alerts) alerts, ingested in \(String(format: "%.1f", ingestSeconds)) s")

let buildStart = Date()
let builder = ReportBuilder(store: store, watchlist: watchlist, source: stateDir)
let model = try builder.model()
let modelSeconds = Date().timeIntervalSince(buildStart)
let html = HTMLReport(model: model).render()
try ReportBuilder.writeAtomically(Data(html.utf8), to: out)
let seconds = Date().timeIntervalSince(buildStart)
print("HTML render + write \(String(format: "%.2f", seconds - modelSeconds)) s")
print("report: \(out), \(html.utf8.count) bytes (\(String(format: "%.1f", Double(html.utf8.count) / 1_048_576)) MiB), "
      + "\(model.stanceCount) stances, \(model.aggregatedCount) aggregated into \(model.barCount) month bars in \(model.aggregatedRows) rows, "
      + "\(model.alerts.count) alerts; built in \(String(format: "%.2f", seconds)) s (store read + model \(String(format: "%.2f", modelSeconds)) s)")
