public import Alerts
public import Corpus
public import Store
public import Timeline

/// What the report shows, worked out before any HTML: topics in watchlist order, each with
/// its actors' rows (a group's actors next to each other), their stances and the alerts,
/// the timeline geometry, and the counts. `HTMLReport` and `TerminalTimeline` only draw it.
public struct ReportModel: Sendable {
    /// A stance as the report shows it.
    public struct Entry: Sendable, Hashable {
        /// The store's stance id; the evidence's anchor is `s-<id>`.
        public var id: Int64
        public var stance: Stance
        /// The date of the article that reported it.
        public var articleDate: Day
        /// Arrival order of that article.
        public var arrival: Int64
        /// Stated well before its article's date: a late report of an old statement.
        public var isRetrospective: Bool
        /// The engine's confidence, where it gives one.
        public var confidence: Double?

        public var anchor: String { "s-\(id)" }
    }

    /// One actor on one topic.
    public struct Row: Sendable, Hashable {
        public var actor: String
        /// The actor's first watchlist name, else its id.
        public var name: String
        public var group: String?
        /// By stated day, then arrival.
        public var entries: [Entry]
        public var pro: Int { entries.count { $0.stance.polarity == .pro } }
        public var contra: Int { entries.count { $0.stance.polarity == .contra } }
    }

    /// One topic's section.
    public struct Section: Sendable {
        public var topic: String
        public var label: String
        public var pro: String?
        public var contra: String?
        /// False for a topic the store holds but the watchlist no longer names.
        public var inWatchlist: Bool
        public var rows: [Row]
        /// This topic's alerts, newest first.
        public var alerts: [StanceStore.ReportAlert]
        public var geometry: TimelineGeometry

        public var anchor: String { "t-\(HTMLText.anchorPart(topic))" }
    }

    public var sections: [Section]
    /// Every alert selected, newest first (the counts use all of them).
    public var alerts: [StanceStore.ReportAlert]
    /// The alerts listed in the alert tables and drawn: the newest `alertsPerKind` of each kind.
    public var listedAlerts: [StanceStore.ReportAlert]
    /// At most this many alerts of each kind are listed (and drawn).
    public var alertsPerKind: Int
    public var filter: StanceStore.ReportFilter
    /// Where the data came from (shown in the header).
    public var source: String
    /// When the report was made (UTC, shown in the header).
    public var generatedAt: String
    /// Rows with more stances than this are drawn as month bars.
    public var rowCapacity: Int
    /// In an aggregated row, the evidence list shows at most this many stances per month.
    public var evidencePerMonth: Int
    /// Entries by (topic, actor, article, stated day, polarity): how alerts find their stances.
    private var index: [EntryKey: Entry] = [:]

    private struct EntryKey: Hashable {
        var topic, actor, article: String
        var day: Day
        var polarity: Polarity
    }

    public var stanceCount: Int { sections.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.entries.count } } }
    /// Stances drawn inside month bars rather than as single marks.
    public var aggregatedCount: Int { sections.reduce(0) { $0 + $1.geometry.rows.reduce(0) { $0 + $1.aggregated } } }
    /// Month bars drawn.
    public var barCount: Int { sections.reduce(0) { $0 + $1.geometry.rows.reduce(0) { $0 + $1.bars.count } } }
    /// Rows drawn as month bars.
    public var aggregatedRows: Int { sections.reduce(0) { $0 + $1.geometry.rows.count { $0.aggregated > 0 } } }

    /// A stance counts as a late, retrospective report when it was stated at least this many
    /// days before the date of the article that reported it.
    public static let retrospectiveDays = 30

    /// Builds the model from what the store returned for `filter`, named and ordered by `watchlist`.
    public init(stances: [StanceStore.ReportStance], alerts: [StanceStore.ReportAlert], watchlist: Watchlist?,
                filter: StanceStore.ReportFilter, source: String, generatedAt: String,
                layout: TimelineLayout = TimelineLayout(), evidencePerMonth: Int = 3, alertsPerKind: Int = 1000) {
        self.alerts = alerts
        self.alertsPerKind = alertsPerKind
        var perKind: [AlertKind: Int] = [:]
        self.listedAlerts = alerts.filter { a in
            perKind[a.alert.kind, default: 0] += 1
            return perKind[a.alert.kind]! <= alertsPerKind
        }
        let listedIDs = Set(listedAlerts.map(\.alert.id))
        self.filter = filter
        self.source = source
        self.generatedAt = generatedAt
        self.rowCapacity = layout.rowCapacity
        self.evidencePerMonth = evidencePerMonth

        var byTopic: [String: [String: [Entry]]] = [:]
        for s in stances {
            let entry = Entry(id: s.id, stance: s.stance, articleDate: s.articleDate, arrival: s.arrival,
                              isRetrospective: s.stance.stated.days(to: s.articleDate) >= Self.retrospectiveDays,
                              confidence: s.stance.confidence)
            byTopic[s.stance.topic, default: [:]][s.stance.actor, default: []].append(entry)
            let key = EntryKey(topic: s.stance.topic, actor: s.stance.actor, article: s.stance.article,
                               day: s.stance.stated, polarity: s.stance.polarity)
            if index[key] == nil { index[key] = entry }
        }
        var alertsByTopic: [String: [StanceStore.ReportAlert]] = [:]
        for a in alerts { alertsByTopic[a.alert.topic, default: []].append(a) }

        // Topics: the watchlist's (as the filter allows), then any others the store holds.
        var topicOrder: [(id: String, topic: Watchlist.Topic?)] = []
        for topic in watchlist?.topics ?? [] where filter.topics.isEmpty || filter.topics.contains(topic.id) {
            topicOrder.append((topic.id, topic))
        }
        let known = Set(topicOrder.map(\.id))
        for id in Set(byTopic.keys).union(alertsByTopic.keys).subtracting(known).sorted() {
            topicOrder.append((id, nil))
        }

        // Actors: by group (in order of the group's first member), then watchlist order, then unknown ids.
        let actors = watchlist?.actors ?? []
        var groupRank: [String: Int] = [:]
        for actor in actors { if let g = actor.group, groupRank[g] == nil { groupRank[g] = groupRank.count } }
        var actorRank: [String: (Int, Int)] = [:]
        for (index, actor) in actors.enumerated() {
            actorRank[actor.id] = (actor.group.flatMap { groupRank[$0] } ?? groupRank.count + index, index)
        }

        sections = topicOrder.map { id, topic in
            let topicAlerts = alertsByTopic[id] ?? []
            var rowActors = Set((byTopic[id] ?? [:]).keys)
            for a in topicAlerts {
                rowActors.insert(a.alert.actor)
                if let other = a.alert.otherActor { rowActors.insert(other) }
            }
            if !filter.actors.isEmpty { rowActors.formIntersection(filter.actors) }
            let ordered = rowActors.sorted { a, b in
                let ra = actorRank[a] ?? (Int.max, Int.max), rb = actorRank[b] ?? (Int.max, Int.max)
                return ra != rb ? ra < rb : a < b
            }
            let rows = ordered.map { actorID in
                let actor = actors.first { $0.id == actorID }
                return Row(actor: actorID, name: actor?.names.first ?? actorID, group: actor?.group,
                           entries: (byTopic[id]?[actorID] ?? []).sorted {
                               ($0.stance.stated, $0.arrival, $0.id) < ($1.stance.stated, $1.arrival, $1.id)
                           })
            }
            let timelineRows = rows.map { row in
                TimelineRow(key: row.actor, marks: row.entries.map {
                    TimelineMark(id: $0.anchor, day: $0.stance.stated, polarity: $0.stance.polarity,
                                 isRetrospective: $0.isRetrospective)
                })
            }
            // Arcs and lines for the listed alerts between rows drawn mark by mark; in rows drawn as
            // month bars they would only hide the bars (those alerts are in the tables).
            let single = Set(rows.filter { $0.entries.count <= layout.rowCapacity }.map(\.actor))
            let drawn = topicAlerts.filter { a in
                listedIDs.contains(a.alert.id) && single.contains(a.alert.actor) && single.contains(a.alert.otherActor ?? a.alert.actor)
            }
            let links = drawn.map { a in
                TimelineLink(id: HTMLText.alertAnchor(a.alert.id),
                             kind: a.alert.kind == .shift ? .shift : .divergence,
                             from: .init(row: a.alert.otherActor ?? a.alert.actor, day: a.alert.priorDate),
                             to: .init(row: a.alert.actor, day: a.alert.date))
            }
            let range: ClosedRange<Day>? = {
                guard let since = filter.since, let until = filter.until, since <= until else { return nil }
                return since...until
            }()
            return Section(topic: id, label: topic?.label ?? id, pro: topic?.pro, contra: topic?.contra,
                           inWatchlist: topic != nil, rows: rows, alerts: topicAlerts,
                           geometry: layout.layout(rows: timelineRows, links: links, range: range))
        }
    }

    /// The stance an alert's new side (`prior == false`) or prior side rests on, when it is in the report.
    public func entry(for alert: Alert, prior: Bool) -> Entry? {
        let actor = prior ? (alert.otherActor ?? alert.actor) : alert.actor
        let article = prior ? alert.priorArticle : alert.article
        let day = prior ? alert.priorDate : alert.date
        let polarity = prior ? alert.from : alert.to
        return index[EntryKey(topic: alert.topic, actor: actor, article: article, day: day, polarity: polarity)]
    }
}
