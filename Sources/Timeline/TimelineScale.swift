public import Corpus

/// Days to x: a linear map from a range of days onto a range of pixels, and the axis ticks.
public struct TimelineScale: Sendable, Hashable {
    public var days: ClosedRange<Day>
    public var pixels: ClosedRange<Double>

    public init(days: ClosedRange<Day>, pixels: ClosedRange<Double>) {
        self.days = days
        self.pixels = pixels
    }

    /// The x of a day; days outside the range are clamped to its edges.
    public func x(_ day: Day) -> Double {
        let span = Double(max(1, days.lowerBound.days(to: days.upperBound)))
        let offset = Double(days.lowerBound.days(to: day))
        let t = min(1, max(0, offset / span))
        return pixels.lowerBound + t * (pixels.upperBound - pixels.lowerBound)
    }

    /// First-of-month ticks every 1, 2, 3, 6, 12, 24 or 60 months, the finest step giving at
    /// most `maxCount` ticks; labelled `YYYY-MM`, or `YYYY` for steps of a year or more.
    public func ticks(maxCount: Int) -> [AxisTick] {
        let start = days.lowerBound, end = days.upperBound
        let firstMonth = start.year * 12 + start.month - 1 + (start.day == 1 ? 0 : 1)
        let lastMonth = end.year * 12 + end.month - 1
        guard lastMonth >= firstMonth else { return [] }
        let months = lastMonth - firstMonth + 1
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { months / $0 <= max(1, maxCount) } ?? 120
        var ticks: [AxisTick] = []
        var m = firstMonth
        if step >= 12 { m = ((m + 11) / 12) * 12 }  // years start in January
        while m <= lastMonth {
            let year = m / 12, month = m % 12 + 1
            if let day = Day(year: year, month: month, day: 1) {
                let label = step >= 12 ? String(year) : "\(year)-\(month < 10 ? "0" : "")\(month)"
                ticks.append(AxisTick(x: x(day), label: label))
            }
            m += step
        }
        return ticks
    }
}
