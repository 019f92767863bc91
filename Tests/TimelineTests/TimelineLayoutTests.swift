/// The timeline geometry: days to x, sides above and below the axis, month aggregation, links.
import Corpus
import Testing
import Timeline

private func day(_ s: String) -> Day { Day(iso: s)! }

struct TimelineLayoutTests {
    @Test func scaleMapsTheRangeOntoThePlotAndClampsOutside() {
        let scale = TimelineScale(days: day("2025-01-01")...day("2025-01-11"), pixels: 100...200)
        #expect(scale.x(day("2025-01-01")) == 100)
        #expect(scale.x(day("2025-01-06")) == 150)
        #expect(scale.x(day("2025-01-11")) == 200)
        #expect(scale.x(day("2024-12-01")) == 100)
        #expect(scale.x(day("2026-01-01")) == 200)
    }

    @Test func proIsDrawnAboveTheAxisContraBelowInDateOrderAlongX() {
        let layout = TimelineLayout()
        let row = TimelineRow(key: "a", marks: [
            TimelineMark(id: "1", day: day("2025-03-01"), polarity: .pro),
            TimelineMark(id: "2", day: day("2025-05-01"), polarity: .contra, isRetrospective: true),
        ])
        let g = layout.layout(rows: [row])
        let placed = g.rows[0]
        #expect(placed.aggregated == 0 && placed.bars.isEmpty)
        #expect(placed.marks.count == 2)
        #expect(placed.marks[0].y < placed.y && placed.marks[1].y > placed.y)
        #expect(placed.marks[0].x < placed.marks[1].x)
        #expect(g.plotRange.contains(placed.marks[0].x) && g.plotRange.contains(placed.marks[1].x))
        #expect(placed.marks[1].mark.isRetrospective)
        // Shapes differ by side, not only by colour.
        #expect(placed.marks[0].path != MarkShape.path(for: .contra, x: placed.marks[0].x, y: placed.marks[0].y, radius: layout.markRadius))
    }

    @Test func rowsAreStackedInTheOrderGiven() {
        let rows = ["x", "y", "z"].map { TimelineRow(key: $0, marks: [TimelineMark(id: $0, day: day("2025-01-10"), polarity: .pro)]) }
        let g = TimelineLayout().layout(rows: rows)
        #expect(g.rows.map(\.key) == ["x", "y", "z"])
        #expect(g.rows[0].y < g.rows[1].y && g.rows[1].y < g.rows[2].y)
        #expect(g.height > g.rows[2].y)
    }

    @Test func aRowHoldingMoreThanItCanShowIsAggregatedByMonthWithEveryStanceCounted() {
        let layout = TimelineLayout()
        let n = layout.rowCapacity + 50
        let marks = (0..<n).map { i in
            TimelineMark(id: "\(i)", day: day("2024-01-01").adding(days: i * 399 / (n - 1)), polarity: i % 3 == 0 ? .contra : .pro,
                         isRetrospective: i % 10 == 0)
        }
        let g = layout.layout(rows: [TimelineRow(key: "busy", marks: marks),
                                     TimelineRow(key: "quiet", marks: Array(marks.prefix(3)))])
        let busy = g.rows[0]
        #expect(busy.marks.isEmpty)
        #expect(busy.aggregated == n)
        #expect(busy.bars.reduce(0) { $0 + $1.pro + $1.contra } == n)
        #expect(busy.bars.reduce(0) { $0 + $1.contra } == marks.count { $0.polarity == .contra })
        #expect(busy.bars.reduce(0) { $0 + $1.retrospective } == marks.count { $0.isRetrospective })
        // 400 days from 2024-01-01 span 14 months, in order, pro bars rising, contra bars hanging.
        #expect(busy.bars.count == 14)
        #expect(busy.bars.map(\.label) == busy.bars.map(\.label).sorted())
        #expect(busy.bars.allSatisfy { ($0.proHeight > 0) == ($0.pro > 0) && ($0.contraHeight > 0) == ($0.contra > 0) && $0.axisY == busy.y })
        #expect(zip(busy.bars, busy.bars.dropFirst()).allSatisfy { $0.x + $0.width <= $1.x })
        // The quiet row keeps its single marks.
        #expect(g.rows[1].aggregated == 0 && g.rows[1].marks.count == 3)
    }

    @Test func aShiftArcsWithinItsRowAndADivergenceJoinsTwoRows() {
        let rows = [
            TimelineRow(key: "a", marks: [TimelineMark(id: "1", day: day("2025-01-01"), polarity: .contra),
                                          TimelineMark(id: "2", day: day("2025-04-01"), polarity: .pro)]),
            TimelineRow(key: "b", marks: [TimelineMark(id: "3", day: day("2025-03-01"), polarity: .contra)]),
        ]
        let links = [
            TimelineLink(id: "s", kind: .shift, from: .init(row: "a", day: day("2025-01-01")), to: .init(row: "a", day: day("2025-04-01"))),
            TimelineLink(id: "d", kind: .divergence, from: .init(row: "b", day: day("2025-03-01")), to: .init(row: "a", day: day("2025-04-01"))),
            TimelineLink(id: "gone", kind: .shift, from: .init(row: "nobody", day: day("2025-03-01")), to: .init(row: "a", day: day("2025-04-01"))),
        ]
        let g = TimelineLayout().layout(rows: rows, links: links)
        #expect(g.links.map(\.link.id) == ["s", "d"])  // a link to a row that is not drawn is left out
        let shift = g.links[0], divergence = g.links[1]
        #expect(shift.x1 == g.rows[0].marks[0].x && shift.x2 == g.rows[0].marks[1].x)
        #expect(shift.y1 == g.rows[0].y && shift.y2 == g.rows[0].y)
        #expect(shift.path.contains("Q"))
        #expect(divergence.y1 == g.rows[1].y && divergence.y2 == g.rows[0].y)
        #expect(divergence.x1 == g.rows[1].marks[0].x && divergence.x2 == g.rows[0].marks[1].x)
    }

    @Test func ticksAreFirstsOfMonthsInsideThePlotAndThinnedForLongSpans() {
        let short = TimelineScale(days: day("2025-01-15")...day("2025-06-20"), pixels: 0...1000)
        #expect(short.ticks(maxCount: 20).map(\.label) == ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06"])
        let long = TimelineScale(days: day("2015-01-01")...day("2025-01-01"), pixels: 0...1000)
        let ticks = long.ticks(maxCount: 12)
        #expect(ticks.count <= 12 && ticks.count >= 5)
        #expect(ticks.allSatisfy { $0.x >= 0 && $0.x <= 1000 && $0.label.count == 4 })
    }
}
