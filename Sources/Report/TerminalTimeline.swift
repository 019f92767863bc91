import Alerts
import Corpus
import Store

/// `stancewatch timeline ACTOR TOPIC`: the report's timeline for one actor and topic as
/// terminal text, for the operator on the host. One line per stance in stated order (date,
/// side, article, the first words of the evidence), marked when it was reported late, with
/// the alerts it raised under it; a strip of the months on top.
///
/// ```
/// tokayev on settlement-prospects: 3 stances (2 ▲ pro, 1 ▼ contra), 1 shift, 0 divergences
/// 2025-03-04  ▼ contra  000_5c49a9c33680695c.txt  «Мирное соглашение в ближайшее время …»
/// 2025-05-12  ▲ pro     003_c6bafed80c9d2d07.txt  «Окно возможностей для …»
///             ↳ shift ▼ contra → ▲ pro (alert 3f2a…)
/// ```
public struct TerminalTimeline {
    public let model: ReportModel
    public let actor: String
    public let topic: String

    public init(model: ReportModel, actor: String, topic: String) {
        self.model = model
        self.actor = actor
        self.topic = topic
    }

    /// The text to print (ends with a newline).
    public func render(evidenceWords: Int = 12) -> String {
        let section = model.sections.first { $0.topic == topic }
        let row = section?.rows.first { $0.actor == actor }
        let entries = row?.entries ?? []
        let alerts = (section?.alerts ?? []).filter { $0.alert.actor == actor || $0.alert.otherActor == actor }
        let shifts = alerts.count { $0.alert.kind == .shift }
        var out = "\(row?.name ?? actor) (\(actor)) on \(section?.label ?? topic) (\(topic)): \(entries.count) stances "
            + "(\(row?.pro ?? 0) ▲ pro, \(row?.contra ?? 0) ▼ contra), \(shifts) shifts, \(alerts.count - shifts) divergences\n"
        if let pro = section?.pro, let contra = section?.contra {
            out += "  ▲ pro:    \(HTMLText.display(pro))\n  ▼ contra: \(HTMLText.display(contra))\n"
        }
        if entries.isEmpty { return out + "no stance recorded\n" }
        out += strip(entries) + "\n"
        // Alerts under the stance they rest on (the new side); the rest at the end.
        var byEntry: [Int64: [StanceStore.ReportAlert]] = [:]
        var unplaced: [StanceStore.ReportAlert] = []
        for a in alerts.reversed() {  // oldest first
            let onThisRow = a.alert.actor == actor ? model.entry(for: a.alert, prior: false) : model.entry(for: a.alert, prior: true)
            if let e = onThisRow { byEntry[e.id, default: []].append(a) } else { unplaced.append(a) }
        }
        let articleWidth = min(40, entries.map { $0.stance.article.count }.max() ?? 0)
        for e in entries {
            let side = e.stance.polarity == .contra ? "▼ contra" : "▲ pro   "
            var line = "\(e.stance.stated)  \(side)  \(pad(HTMLText.display(e.stance.article), articleWidth))  "
                + "«\(Self.firstWords(e.stance.evidence, words: evidenceWords))»"
            if e.isRetrospective { line += "  [retrospective: reported in an article dated \(e.articleDate)]" }
            if let c = e.confidence { line += "  [confidence \(HTMLReport.percent(c))]" }
            out += line + "\n"
            for a in byEntry[e.id] ?? [] { out += "            ↳ " + describe(a.alert) + "\n" }
        }
        for a in unplaced { out += "            ↳ " + describe(a.alert) + " (its stance is outside the dates asked for)\n" }
        return out
    }

    private func describe(_ a: Alert) -> String {
        func sym(_ p: Polarity) -> String { p == .contra ? "▼ contra" : "▲ pro" }
        switch a.kind {
        case .shift:
            return "shift \(sym(a.from)) (\(a.priorDate), \(a.priorArticle)) → \(sym(a.to)) (alert \(a.id))"
        case .divergence:
            // The raising actor holds `to`, the other actor `from`.
            return "divergence: \(a.actor) \(sym(a.to)) (\(a.date)) vs \(a.otherActor ?? "?") \(sym(a.from)) (\(a.priorDate)) (alert \(a.id))"
        }
    }

    /// One character per month from the first stance to the last: ▲ only pro, ▼ only contra,
    /// ◆ both, · none.
    private func strip(_ entries: [ReportModel.Entry]) -> String {
        guard let first = entries.first?.stance.stated, let last = entries.last?.stance.stated else { return "" }
        let start = first.year * 12 + first.month - 1, end = last.year * 12 + last.month - 1
        guard end - start < 240 else { return "months: \(first.year)-\(first.month) … \(last.year)-\(last.month)" }
        var cells = Array(repeating: (pro: false, contra: false), count: end - start + 1)
        for e in entries {
            let i = e.stance.stated.year * 12 + e.stance.stated.month - 1 - start
            if e.stance.polarity == .contra { cells[i].contra = true } else { cells[i].pro = true }
        }
        let marks = cells.map { $0.pro && $0.contra ? "◆" : $0.pro ? "▲" : $0.contra ? "▼" : "·" }.joined()
        func ym(_ d: Day) -> String { "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)" }
        return "months \(ym(first)) \(marks) \(ym(last))"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// The first `words` words of the evidence, on one line, controls shown as `[U+XXXX]`.
    public static func firstWords(_ text: String, words: Int) -> String {
        let all = HTMLText.display(text).split(whereSeparator: { $0.isWhitespace })
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    /// At most `limit` characters of the evidence, on one line.
    public static func firstWords(_ text: String, limit: Int) -> String {
        let line = HTMLText.display(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return line.count > limit ? String(line.prefix(limit)) + "…" : line
    }
}
