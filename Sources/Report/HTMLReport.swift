import Alerts
import Corpus
import Plot
import Store
import Timeline

/// The analyst's report as ONE self-contained HTML page, rendered with Plot: styles inline,
/// timelines as inline SVG, no script, no font, no image and no address outside the page.
///
/// For each topic: its label and the plain-words meaning of pro and contra, one timeline row
/// per actor (a group's actors next to each other) with a mark per stance (▲ pro in blue
/// above the axis, ▼ contra in vermillion below it: shape and place tell the side without
/// colour; hollow, dashed marks are retrospective statements reported late), an arc per
/// shift and a dashed line per divergence. Every mark, bar and link is a link to its
/// evidence: the sentence, the article id, the stated date, the rules that decided it, the
/// confidence where there is one. Then the alerts, newest first, one section per kind, and
/// the counts per topic and actor. Rows with more stances than they can show one by one are
/// drawn as month bars, and the page says how many stances were aggregated.
public struct HTMLReport {
    public let model: ReportModel
    /// Alerts by their anchor, for the titles of the links drawn in the timelines.
    private let alertsByAnchor: [String: Alert]
    /// The ids of the alerts the tables list.
    private let listedIDs: Set<String>

    public init(model: ReportModel) {
        self.model = model
        self.alertsByAnchor = Dictionary(model.alerts.map { (HTMLText.alertAnchor($0.alert.id), $0.alert) },
                                         uniquingKeysWith: { first, _ in first })
        self.listedIDs = Set(model.listedAlerts.map(\.alert.id))
    }

    /// The whole page.
    public func render() -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("Stancewatch report"),
                .style(Self.css)
            ),
            .body(.group(body()))
        )
        return html.render()
    }

    typealias N = Node<HTML.BodyContext>

    private func body() -> [N] {
        var nodes: [N] = [header(), legend()]
        for section in model.sections { nodes.append(topic(section)) }
        nodes.append(alertTables())
        nodes.append(counts())
        nodes.append(el("footer", [:], [txt("Made by stancewatch report. This page loads nothing from elsewhere and runs no script.")]))
        return nodes
    }

    // MARK: header, legend

    private func header() -> N {
        let shifts = model.alerts.count { $0.alert.kind == .shift }
        let divergences = model.alerts.count { $0.alert.kind == .divergence }
        var filter: [String] = []
        if let since = model.filter.since { filter.append("since \(since)") }
        if let until = model.filter.until { filter.append("until \(until)") }
        if !model.filter.topics.isEmpty { filter.append("topics " + model.filter.topics.sorted().joined(separator: ", ")) }
        if !model.filter.actors.isEmpty { filter.append("actors " + model.filter.actors.sorted().joined(separator: ", ")) }
        var nav: [N] = model.sections.map { s in
            el("li", [:], [link("#" + s.anchor, [txt(s.label)]), txt(" (\(s.rows.reduce(0) { $0 + $1.entries.count }) stances, \(s.alerts.count) alerts)")])
        }
        nav.append(el("li", [:], [link("#alerts", [txt("Alerts")]), txt(" (\(shifts) shifts, \(divergences) divergences)")]))
        nav.append(el("li", [:], [link("#counts", [txt("Counts per topic and actor")])]))
        var notes: [N] = [
            el("p", ["class": "meta"], [txt("Generated \(model.generatedAt) from \(model.source)"
                + (filter.isEmpty ? "; everything stored." : "; " + filter.joined(separator: ", ") + "."))]),
            el("p", ["class": "summary", "id": "summary"], [txt(
                "\(model.stanceCount) stances, \(model.alerts.count) alerts (\(shifts) shifts, \(divergences) divergences) "
                + "on \(model.sections.count) topics.")]),
        ]
        if model.aggregatedCount > 0 {
            notes.append(el("p", ["class": "aggregated", "id": "aggregation"], [txt(
                "Aggregated: \(model.aggregatedCount) of \(model.stanceCount) stances are drawn as \(model.barCount) month bars "
                + "in \(model.aggregatedRows) rows that hold more than \(model.rowCapacity) stances; their evidence lists show "
                + "the first \(model.evidencePerMonth) stances of each month, the first of each side, and every stance a listed alert rests on. "
                + "Shifts and divergences of those rows are listed in the alert tables, not drawn over the bars. "
                + "`stancewatch timeline ACTOR TOPIC --since … --until …` prints every stance.")]))
        } else {
            notes.append(el("p", ["class": "aggregated", "id": "aggregation"], [txt("Nothing aggregated: every stance is drawn as its own mark.")]))
        }
        return el("header", [:], [el("h1", [:], [txt("Stancewatch report")])] + notes + [el("nav", [:], [el("ul", [:], nav)])])
    }

    private func legend() -> N {
        let r = 6.0
        func item(_ x: Double, _ shape: N, _ label: String) -> [N] {
            [shape, el("text", ["x": f(x + 12), "y": "19", "class": "lg"], [txt(label)])]
        }
        var parts: [N] = []
        parts += item(10, el("path", ["d": MarkShape.path(for: .pro, x: 10, y: 15, radius: r), "class": "pro"]), "pro")
        parts += item(70, el("path", ["d": MarkShape.path(for: .contra, x: 70, y: 15, radius: r), "class": "contra"]), "contra")
        parts += item(150, el("path", ["d": MarkShape.path(for: .pro, x: 150, y: 15, radius: r), "class": "pro retro"]),
                      "retrospective (stated ≥ \(ReportModel.retrospectiveDays) days before its article)")
        parts += item(520, el("path", ["d": "M500 20Q510 4 520 20", "class": "shift"]), "shift")
        parts += item(600, el("path", ["d": "M582 6L598 24", "class": "divergence"]), "divergence (between rows)")
        parts += [el("rect", ["x": "800", "y": "5", "width": "10", "height": "10", "class": "bar-pro"]),
                  el("rect", ["x": "800", "y": "15", "width": "10", "height": "6", "class": "bar-contra"]),
                  el("text", ["x": "816", "y": "19", "class": "lg"], [txt("month bar: pro above, contra below")])]
        return el("figure", ["class": "legend", "id": "legend"], [
            svg(width: 1100, height: 30, label: "Legend", parts),
        ])
    }

    // MARK: a topic

    private func topic(_ s: ReportModel.Section) -> N {
        var nodes: [N] = [el("h2", [:], [txt(s.label), txt(" "), el("code", [:], [txt(s.topic)])])]
        if !s.inWatchlist {
            nodes.append(el("p", ["class": "note"], [txt("This topic is in the store but not in the watchlist used for the report.")]))
        }
        if let pro = s.pro, let contra = s.contra {
            nodes.append(el("dl", ["class": "sides"], [
                el("dt", ["class": "pro-t"], [txt("▲ pro")]), el("dd", ["lang": "ru"], [txt(pro)]),
                el("dt", ["class": "contra-t"], [txt("▼ contra")]), el("dd", ["lang": "ru"], [txt(contra)]),
            ]))
        }
        if s.rows.isEmpty {
            nodes.append(el("p", ["class": "note"], [txt("No stance recorded on this topic.")]))
            return el("section", ["id": s.anchor, "class": "topic"], nodes)
        }
        nodes.append(el("figure", ["class": "timeline"], [timeline(s)]))
        for (index, row) in s.rows.enumerated() {
            nodes.append(evidence(s, row, placed: s.geometry.rows[index]))
        }
        return el("section", ["id": s.anchor, "class": "topic"], nodes)
    }

    private func timeline(_ s: ReportModel.Section) -> N {
        let g = s.geometry
        var parts: [N] = []
        let top = g.rows.first.map { $0.y - 27 } ?? 26
        for tick in g.ticks {
            parts.append(el("line", ["x1": f(tick.x), "x2": f(tick.x), "y1": f(top), "y2": f(g.height - 4), "class": "grid"]))
            // A label near the right edge ends at its tick instead of running off the picture.
            let nearEdge = tick.x + 48 > g.width
            parts.append(el("text", ["x": f(nearEdge ? tick.x - 2 : tick.x + 2), "y": "14",
                                     "class": nearEdge ? "tick end" : "tick"], [txt(tick.label)]))
        }
        var previousGroup: String?? = .none
        for (index, placed) in g.rows.enumerated() {
            let row = s.rows[index]
            if index > 0, previousGroup != .some(row.group) {
                parts.append(el("line", ["x1": "0", "x2": f(g.width), "y1": f(placed.y - 27), "y2": f(placed.y - 27), "class": "group-sep"]))
            }
            previousGroup = .some(row.group)
            parts.append(el("line", ["x1": f(g.plotRange.lowerBound), "x2": f(g.plotRange.upperBound),
                                     "y1": f(placed.y), "y2": f(placed.y), "class": "axis"]))
            parts.append(el("a", ["href": "#" + evidenceAnchor(s, row)], [
                el("text", ["x": "4", "y": f(placed.y - 3), "class": "actor"], [txt(row.name)]),
                el("text", ["x": "4", "y": f(placed.y + 11), "class": "sub"], [txt(
                    (row.group.map { "group \($0) · " } ?? "") + (placed.aggregated > 0 ? "\(placed.aggregated) by month" : "\(row.entries.count)"))]),
            ]))
        }
        for placed in g.links {
            let a = alertsByAnchor[placed.link.id]
            let title = a.map { "\($0.kind.rawValue): \($0.message)" } ?? placed.link.kind.rawValue
            parts.append(el("a", ["href": "#" + placed.link.id], [
                el("path", ["d": placed.path, "class": placed.link.kind.rawValue], [el("title", [:], [txt(title)])]),
            ]))
        }
        for (index, placed) in g.rows.enumerated() {
            let row = s.rows[index]
            if placed.aggregated > 0 {
                for bar in placed.bars {
                    var shapes: [N] = [el("title", [:], [txt("\(row.name), \(bar.label): \(bar.pro) pro, \(bar.contra) contra"
                        + (bar.retrospective > 0 ? ", \(bar.retrospective) retrospective" : ""))])]
                    if bar.proHeight > 0 {
                        shapes.append(el("rect", ["x": f(bar.x), "y": f(bar.axisY - bar.proHeight), "width": f(bar.width),
                                                  "height": f(bar.proHeight), "class": "bar-pro"]))
                    }
                    if bar.contraHeight > 0 {
                        shapes.append(el("rect", ["x": f(bar.x), "y": f(bar.axisY), "width": f(bar.width),
                                                  "height": f(bar.contraHeight), "class": "bar-contra"]))
                    }
                    parts.append(el("a", ["href": "#" + monthAnchor(s, row, bar.label)], shapes))
                }
            } else {
                for (mark, entry) in zip(placed.marks, row.entries) {
                    let cls = (entry.stance.polarity == .contra ? "contra" : "pro") + (entry.isRetrospective ? " retro" : "")
                    parts.append(el("a", ["href": "#" + entry.anchor], [
                        el("path", ["d": mark.path, "class": cls], [el("title", [:], [txt(markTitle(entry))])]),
                    ]))
                }
            }
        }
        return svg(width: g.width, height: g.height, label: "Timeline of \(s.label)", parts)
    }

    private func markTitle(_ e: ReportModel.Entry) -> String {
        var t = "\(e.stance.stated) · \(e.stance.polarity.rawValue) · \(e.stance.article)"
        if e.isRetrospective { t += " · retrospective (article dated \(e.articleDate))" }
        if let c = e.confidence { t += " · confidence \(Self.percent(c))" }
        return t + " · " + TerminalTimeline.firstWords(e.stance.evidence, limit: 90)
    }

    // MARK: evidence lists

    private func evidenceAnchor(_ s: ReportModel.Section, _ row: ReportModel.Row) -> String {
        "e-\(HTMLText.anchorPart(s.topic))-\(HTMLText.anchorPart(row.actor))"
    }

    private func monthAnchor(_ s: ReportModel.Section, _ row: ReportModel.Row, _ month: String) -> String {
        "m-\(HTMLText.anchorPart(s.topic))-\(HTMLText.anchorPart(row.actor))-\(month)"
    }

    private func evidence(_ s: ReportModel.Section, _ row: ReportModel.Row, placed: PlacedRow) -> N {
        var items: [N] = []
        if placed.aggregated > 0 {
            let pinned = Set(s.alerts.filter { listedIDs.contains($0.alert.id) }.flatMap { [model.entry(for: $0.alert, prior: false)?.id, model.entry(for: $0.alert, prior: true)?.id] }
                .compactMap { $0 })
            var start = 0
            while start < row.entries.count {
                let first = row.entries[start].stance.stated
                var end = start
                while end < row.entries.count, row.entries[end].stance.stated.year == first.year,
                      row.entries[end].stance.stated.month == first.month { end += 1 }
                let month = row.entries[start..<end]
                let label = "\(first.year)-\(first.month < 10 ? "0" : "")\(first.month)"
                // The first few, the first of each side, and every stance a listed alert rests on.
                let firstOfSide = Set([month.first { $0.stance.polarity == .pro }?.id,
                                       month.first { $0.stance.polarity == .contra }?.id].compactMap { $0 })
                let kept = month.enumerated().filter {
                    $0.offset < model.evidencePerMonth || pinned.contains($0.element.id) || firstOfSide.contains($0.element.id)
                }.map(\.element)
                let pro = month.count { $0.stance.polarity == .pro }
                items.append(el("li", ["id": monthAnchor(s, row, label), "class": "month"], [txt(
                    "\(label): \(pro) pro, \(month.count - pro) contra"
                    + (kept.count < month.count ? "; \(kept.count) of \(month.count) shown (stancewatch timeline \(row.actor) \(s.topic) "
                       + "--since \(label)-01 --until \(first.adding(days: Day.daysIn(month: first.month, year: first.year) - first.day)) prints all)" : ""))]))
                items += kept.map(entryItem)
                start = end
            }
        } else {
            items = row.entries.map(entryItem)
        }
        let summary = "\(row.name) (\(row.actor)) on \(s.topic): \(row.entries.count) stances, \(row.pro) ▲ pro, \(row.contra) ▼ contra"
        var attributes: [String: String] = ["id": evidenceAnchor(s, row), "class": "evidence"]
        // Small reports show their evidence under each timeline; larger ones fold it (a click on a
        // mark still opens it: the browser unfolds the target of a link), so the timelines come first.
        if model.stanceCount <= Self.openEvidenceUpTo { attributes["open"] = "open" }
        return el("details", attributes, [el("summary", [:], [txt(summary)]), el("ol", [:], items)])
    }

    private func entryItem(_ e: ReportModel.Entry) -> N {
        let side = e.stance.polarity == .contra ? "contra" : "pro"
        var head: [N] = [
            el("span", ["class": "sym \(side)-t"], [txt(side == "pro" ? "▲ pro" : "▼ contra")]),
            txt(" · stated "), el("time", [:], [txt(e.stance.stated.description)]),
            txt(" · article "), el("code", [:], [txt(e.stance.article)]), txt(" (dated \(e.articleDate))"),
        ]
        if e.isRetrospective { head.append(el("span", ["class": "tag"], [txt("retrospective, reported late")])) }
        if let c = e.confidence { head.append(txt(" · confidence \(Self.percent(c))")) }
        return el("li", ["id": e.anchor, "class": side], [
            el("div", ["class": "head"], head),
            el("blockquote", ["lang": "ru"], [el("bdi", [:], [txt(e.stance.evidence)])]),
            el("div", ["class": "rules"], [txt("rules: " + (e.stance.rules.isEmpty ? "—" : e.stance.rules.joined(separator: ", ")))]),
        ])
    }

    // MARK: alerts and counts

    private func alertTables() -> N {
        var nodes: [N] = [el("h2", [:], [txt("Alerts, newest first")])]
        for kind in [AlertKind.shift, .divergence] {
            let rows = model.listedAlerts.filter { $0.alert.kind == kind }
            let all = model.alerts.count { $0.alert.kind == kind }
            let title = kind == .shift ? "Shifts" : "Divergences"
            var table: [N] = [el("tr", [:], ["stated", "actor", "topic", "change", "evidence (new)", "evidence (prior)", "raised / sent"]
                .map { el("th", [:], [txt($0)]) })]
            for r in rows { table.append(alertRow(r)) }
            var section: [N] = [el("h3", [:], [txt("\(title) (\(all))")])]
            if rows.count < all {
                section.append(el("p", ["class": "aggregated"], [txt(
                    "The newest \(rows.count) of \(all) are listed; the older ones are in journald and the alert log "
                    + "(narrow the report with --since / --until to list them here).")]))
            }
            section.append(rows.isEmpty ? el("p", ["class": "note"], [txt("None.")]) : el("table", [:], table))
            nodes.append(el("section", ["id": "alerts-\(kind.rawValue)", "class": "alerts"], section))
        }
        return el("section", ["id": "alerts"], nodes)
    }

    private func alertRow(_ r: StanceStore.ReportAlert) -> N {
        let a = r.alert
        func sym(_ p: Polarity) -> String { p == .contra ? "▼ contra" : "▲ pro" }
        func evidenceCell(article: String, day: Day, text: String, entry: ReportModel.Entry?) -> N {
            var nodes: [N] = [el("div", ["class": "head"], [el("code", [:], [txt(article)]), txt(" · stated \(day)")])]
            nodes.append(el("blockquote", ["lang": "ru"], [el("bdi", [:], [txt(text)])]))
            if let entry {
                nodes.append(el("div", ["class": "rules"], [
                    link("#" + entry.anchor, [txt("evidence")]),
                    txt(" · rules: " + (entry.stance.rules.isEmpty ? "—" : entry.stance.rules.joined(separator: ", "))
                        + (entry.confidence.map { " · confidence \(Self.percent($0))" } ?? "")),
                ]))
            }
            return el("td", [:], nodes)
        }
        let actors = a.otherActor.map { "\(a.actor) ↔ \($0)" } ?? a.actor
        return el("tr", ["id": HTMLText.alertAnchor(a.id), "class": a.kind.rawValue], [
            el("td", [:], [el("time", [:], [txt(a.date.description)])]),
            el("td", [:], [txt(actors)]),
            el("td", [:], [link("#t-" + HTMLText.anchorPart(a.topic), [txt(a.topic)])]),
            el("td", [:], [txt("\(sym(a.from)) → \(sym(a.to))"), el("div", ["class": "msg"], [txt(a.message)])]),
            evidenceCell(article: a.article, day: a.date, text: a.evidence, entry: model.entry(for: a, prior: false)),
            evidenceCell(article: a.priorArticle, day: a.priorDate, text: a.priorEvidence, entry: model.entry(for: a, prior: true)),
            el("td", ["class": "small"], [txt(r.raisedAt + " / " + (r.sentAt ?? "pending")), el("div", ["class": "id"], [txt(a.id)])]),
        ])
    }

    private func counts() -> N {
        var rows: [N] = [el("tr", [:], ["topic", "actor", "group", "▲ pro", "▼ contra", "stances", "retrospective", "shifts", "divergences"]
            .map { el("th", [:], [txt($0)]) })]
        for s in model.sections {
            for row in s.rows {
                let shifts = s.alerts.count { $0.alert.kind == .shift && $0.alert.actor == row.actor }
                let divergences = s.alerts.count { $0.alert.kind == .divergence && ($0.alert.actor == row.actor || $0.alert.otherActor == row.actor) }
                rows.append(el("tr", [:], [
                    el("td", [:], [link("#" + s.anchor, [txt(s.topic)])]), el("td", [:], [txt(row.actor)]),
                    el("td", [:], [txt(row.group ?? "")]),
                    num(row.pro), num(row.contra), num(row.entries.count), num(row.entries.count { $0.isRetrospective }),
                    num(shifts), num(divergences),
                ]))
            }
            rows.append(el("tr", ["class": "total"], [
                el("td", [:], [txt(s.topic)]), el("td", [:], [txt("all actors")]), el("td", [:], []),
                num(s.rows.reduce(0) { $0 + $1.pro }), num(s.rows.reduce(0) { $0 + $1.contra }),
                num(s.rows.reduce(0) { $0 + $1.entries.count }),
                num(s.rows.reduce(0) { $0 + $1.entries.count { $0.isRetrospective } }),
                num(s.alerts.count { $0.alert.kind == .shift }), num(s.alerts.count { $0.alert.kind == .divergence }),
            ]))
        }
        return el("section", ["id": "counts"], [el("h2", [:], [txt("Counts per topic and actor")]), el("table", [:], rows)])
    }

    // MARK: building blocks (every attribute value escaped here; Plot escapes text)

    private func el(_ name: String, _ attributes: [String: String], _ children: [N] = []) -> N {
        let attrs: [N] = attributes.sorted { $0.key < $1.key }.map { N.attribute(named: $0.key, value: HTMLText.attribute($0.value)) }
        return .element(named: name, nodes: attrs + children)
    }

    private func txt(_ text: String) -> N { .text(HTMLText.content(text)) }

    private func num(_ n: Int) -> N { el("td", ["class": "n"], [txt(String(n))]) }

    private func link(_ href: String, _ children: [N]) -> N { el("a", ["href": href], children) }

    private func svg(width: Double, height: Double, label: String, _ children: [N]) -> N {
        el("svg", ["viewBox": "0 0 \(f(width)) \(f(height))", "width": f(width),
                   "height": f(height), "role": "img", "aria-label": label], children)
    }

    /// Reports with at most this many stances show every evidence list unfolded.
    public static let openEvidenceUpTo = 30

    static func percent(_ c: Double) -> String { "\(Int((c * 100).rounded()))%" }

    /// Colours from the Okabe–Ito palette (safe for the common colour-vision deficiencies).
    static let css = """
        body{font:14px/1.45 system-ui,sans-serif;margin:16px 24px;color:#1a1a1a;background:#fff;max-width:1240px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 6px;border-top:1px solid #ccc;padding-top:12px}
        h3{font-size:15px;margin:16px 0 6px}code{font-size:12px;color:#444}
        .meta,.note,.small,.rules,.id{color:#555;font-size:12px}.summary{font-weight:600}.aggregated{color:#6a4a00}
        nav ul{margin:4px 0;padding-left:18px}dl.sides{display:grid;grid-template-columns:90px 1fr;margin:4px 0}
        dl.sides dd{margin:0}figure{margin:8px 0}svg{display:block;max-width:100%;height:auto}
        .pro{fill:#0072B2}.contra{fill:#D55E00}.pro-t{color:#0072B2;font-weight:600}.contra-t{color:#D55E00;font-weight:600}
        path.retro{fill:#fff;stroke-width:1.6;stroke-dasharray:2.5 1.5}path.pro.retro{stroke:#0072B2}path.contra.retro{stroke:#D55E00}
        .bar-pro{fill:#0072B2}.bar-contra{fill:#D55E00}
        path.shift{fill:none;stroke:#333;stroke-width:1.5}path.divergence{fill:none;stroke:#CC79A7;stroke-width:2;stroke-dasharray:5 3}
        .axis{stroke:#999;stroke-width:1}.grid{stroke:#e4e4e4;stroke-width:1}.group-sep{stroke:#bbb;stroke-dasharray:1 3}
        .tick,.sub,.lg{font-size:11px;fill:#555}.end{text-anchor:end}.lg{font-size:12px;fill:#222}.actor{font-size:13px;font-weight:600;fill:#1a1a1a}
        details.evidence{margin:4px 0 4px 8px}details.evidence summary{cursor:pointer;font-weight:600}
        ol{padding-left:22px}li{margin:4px 0}li.month{list-style:none;margin-left:-18px;font-weight:600;color:#6a4a00}
        blockquote{margin:2px 0 2px 12px;padding-left:8px;border-left:3px solid #ccc;white-space:pre-wrap;overflow-wrap:anywhere}
        li.pro blockquote{border-left-color:#0072B2}li.contra blockquote{border-left-color:#D55E00}
        .tag{margin-left:6px;padding:0 4px;border:1px dashed #888;font-size:11px}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:4px;vertical-align:top;text-align:left}
        td.n{text-align:right}tr.total td{font-weight:600;background:#f6f6f6}tr.shift td:first-child{border-left:4px solid #333}
        tr.divergence td:first-child{border-left:4px dashed #CC79A7}.msg{color:#555;font-size:12px}
        :target{outline:2px solid #E69F00;background:#fff7e0}footer{margin-top:24px;color:#777;font-size:12px}
        """
}

/// Two decimals at most, no trailing zeros.
func f(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    return String(r)
}
