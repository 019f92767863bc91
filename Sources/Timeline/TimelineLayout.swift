public import Corpus

/// The geometry of one topic's timelines: one horizontal row per actor along the stated
/// dates, a mark per stance (pro above the row's axis, contra below), month bars where a row
/// holds more stances than it can show one by one, and the links the alerts draw: a shift as
/// an arc between an actor's two statements, a divergence as a line between two actors' rows.
///
/// Pure arithmetic over days and counts: no store, no HTML. `Report` turns the result into
/// inline SVG; tests check positions, aggregation and links directly.
///
/// ```
///            2025-01     2025-02     2025-03
/// tokayev   ───▲──────────────╮▲──────────        ▲ pro, ▼ contra, hollow = retrospective
/// sarym     ─────────▼────────┊───────────        ╮ shift arc, ┊ divergence line
/// ```
public struct TimelineLayout: Sendable, Hashable {
    /// Total width of the drawing, in px.
    public var width: Double = 1200
    /// Room on the left for the row labels.
    public var labelWidth: Double = 190
    /// Room on the right after the last day.
    public var rightMargin: Double = 16
    /// Room above the first row for the date axis.
    public var axisHeight: Double = 26
    /// Height of one actor's row.
    public var rowHeight: Double = 54
    /// Half the size of a stance mark.
    public var markRadius: Double = 6
    /// Marks closer than this (on average) are aggregated by month.
    public var minimumSpacing: Double = 9
    /// Days of padding on each side of the data's range.
    public var paddingDays: Int = 6

    public init() {}

    /// The x extent where days are drawn.
    public var plotRange: ClosedRange<Double> { labelWidth...(width - rightMargin) }

    /// How many single marks a row can show before it is drawn as month bars.
    public var rowCapacity: Int { max(1, Int((plotRange.upperBound - plotRange.lowerBound) / minimumSpacing)) }

    /// Lays out `rows` (in the order given, top to bottom) and `links` over `range`
    /// (default: the marks' and links' own days, padded).
    public func layout(rows: [TimelineRow], links: [TimelineLink] = [], range: ClosedRange<Day>? = nil) -> TimelineGeometry {
        let scale = TimelineScale(days: range ?? Self.span(rows: rows, links: links, padding: paddingDays),
                                  pixels: plotRange)
        var placedRows: [PlacedRow] = []
        var rowIndex: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let y = axisHeight + rowHeight * (Double(index) + 0.5)
            rowIndex[row.key] = index
            if row.marks.count > rowCapacity {
                placedRows.append(PlacedRow(key: row.key, y: y, marks: [], bars: monthBars(row.marks, y: y, scale: scale),
                                            aggregated: row.marks.count))
            } else {
                let marks = row.marks.map { mark in
                    let offset = mark.polarity == .contra ? markRadius + 2 : -(markRadius + 2)
                    return PlacedMark(mark: mark, x: scale.x(mark.day), y: y + offset,
                                      path: MarkShape.path(for: mark.polarity, x: scale.x(mark.day), y: y + offset, radius: markRadius))
                }
                placedRows.append(PlacedRow(key: row.key, y: y, marks: marks, bars: [], aggregated: 0))
            }
        }
        var placedLinks: [PlacedLink] = []
        for link in links {
            guard let a = rowIndex[link.from.row], let b = rowIndex[link.to.row] else { continue }
            let x1 = scale.x(link.from.day), x2 = scale.x(link.to.day)
            let y1 = placedRows[a].y, y2 = placedRows[b].y
            let path: String
            if a == b {
                // An arc over the row, higher for longer spans so nested shifts stay apart.
                let lift = min(rowHeight / 2 - 2, 10 + abs(x2 - x1) / 40)
                path = "M\(f(x1)) \(f(y1))Q\(f((x1 + x2) / 2)) \(f(y1 - 2 * lift)) \(f(x2)) \(f(y1))"
            } else {
                path = "M\(f(x1)) \(f(y1))L\(f(x2)) \(f(y2))"
            }
            placedLinks.append(PlacedLink(link: link, x1: x1, y1: y1, x2: x2, y2: y2, path: path))
        }
        return TimelineGeometry(width: width, height: axisHeight + rowHeight * Double(rows.count) + 8,
                                plotRange: plotRange, ticks: scale.ticks(maxCount: Int((plotRange.upperBound - plotRange.lowerBound) / 70)),
                                rows: placedRows, links: placedLinks, days: scale.days)
    }

    /// One bar per month holding stances: pro stacked above the axis, contra below, heights
    /// by the square root of the count relative to the row's busiest month.
    private func monthBars(_ marks: [TimelineMark], y: Double, scale: TimelineScale) -> [MonthBar] {
        var counts: [Int: (pro: Int, contra: Int, retrospective: Int)] = [:]
        for mark in marks {
            let key = mark.day.year * 12 + (mark.day.month - 1)
            var c = counts[key] ?? (0, 0, 0)
            if mark.polarity == .contra { c.contra += 1 } else if mark.polarity == .pro { c.pro += 1 }
            if mark.isRetrospective { c.retrospective += 1 }
            counts[key] = c
        }
        let busiest = Double(counts.values.map { max($0.pro, $0.contra) }.max() ?? 1)
        let half = rowHeight / 2 - 4
        return counts.keys.sorted().map { key in
            let c = counts[key]!
            let year = key / 12, month = key % 12 + 1
            let first = Day(year: year, month: month, day: 1)!
            let next = first.adding(days: Day.daysIn(month: month, year: year))
            let x1 = scale.x(first), x2 = scale.x(next)
            func height(_ n: Int) -> Double { n == 0 ? 0 : max(2, half * (Double(n) / busiest).squareRoot()) }
            return MonthBar(year: year, month: month, x: x1 + 0.5, width: max(1, x2 - x1 - 1), axisY: y,
                            proHeight: height(c.pro), contraHeight: height(c.contra),
                            pro: c.pro, contra: c.contra, retrospective: c.retrospective)
        }
    }

    /// The days the marks and links cover, padded; a single day gets a month around it.
    static func span(rows: [TimelineRow], links: [TimelineLink], padding: Int) -> ClosedRange<Day> {
        var low: Day?, high: Day?
        func see(_ d: Day) {
            if low.map({ d < $0 }) ?? true { low = d }
            if high.map({ d > $0 }) ?? true { high = d }
        }
        for row in rows { for mark in row.marks { see(mark.day) } }
        for link in links {
            see(link.from.day)
            see(link.to.day)
        }
        guard let low, let high else {
            let today = Day(year: 2000, month: 1, day: 1)!
            return today...today.adding(days: 30)
        }
        let pad = max(padding, low.days(to: high) < 20 ? 15 : padding)
        return low.adding(days: -pad)...high.adding(days: pad)
    }
}

/// Two decimals at most, no trailing zeros: compact SVG coordinates.
func f(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    return String(r)
}
