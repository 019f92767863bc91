public import Corpus

/// One stance to place: a day, a side, and whether it is a late report of an old statement.
public struct TimelineMark: Sendable, Hashable {
    /// The caller's key for it (the report links the mark to the evidence by it).
    public var id: String
    public var day: Day
    public var polarity: Polarity
    /// Stated well before the article that reported it (drawn hollow).
    public var isRetrospective: Bool

    public init(id: String, day: Day, polarity: Polarity, isRetrospective: Bool = false) {
        self.id = id
        self.day = day
        self.polarity = polarity
        self.isRetrospective = isRetrospective
    }
}

/// One actor's row: its key and its marks.
public struct TimelineRow: Sendable, Hashable {
    public var key: String
    public var marks: [TimelineMark]

    public init(key: String, marks: [TimelineMark]) {
        self.key = key
        self.marks = marks
    }
}

/// A link an alert draws: from the prior statement to the new one.
public struct TimelineLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case shift, divergence }
    /// A point of a row on a day.
    public struct End: Sendable, Hashable {
        public var row: String
        public var day: Day
        public init(row: String, day: Day) {
            self.row = row
            self.day = day
        }
    }

    public var id: String
    public var kind: Kind
    public var from: End
    public var to: End

    public init(id: String, kind: Kind, from: End, to: End) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
    }
}

/// A mark with its place: the centre and the outline of its shape.
public struct PlacedMark: Sendable, Hashable {
    public var mark: TimelineMark
    public var x: Double
    public var y: Double
    /// SVG path data of the shape (▲ pro, ▼ contra, ◆ otherwise).
    public var path: String
}

/// A month of an aggregated row: how many stances of each side, drawn as bars from the axis.
public struct MonthBar: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var x: Double
    public var width: Double
    /// The row's axis: pro bars rise from it, contra bars hang below it.
    public var axisY: Double
    public var proHeight: Double
    public var contraHeight: Double
    public var pro: Int
    public var contra: Int
    public var retrospective: Int
    /// `YYYY-MM`.
    public var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

/// A row with its marks or month bars.
public struct PlacedRow: Sendable, Hashable {
    public var key: String
    /// The row's axis.
    public var y: Double
    /// Single marks (empty when the row is aggregated).
    public var marks: [PlacedMark]
    /// Month bars (empty unless the row held more stances than it can show one by one).
    public var bars: [MonthBar]
    /// How many stances the month bars stand for (0 when not aggregated).
    public var aggregated: Int
}

/// A link with its end points and SVG path data (an arc within a row, a line between rows).
public struct PlacedLink: Sendable, Hashable {
    public var link: TimelineLink
    public var x1: Double
    public var y1: Double
    public var x2: Double
    public var y2: Double
    public var path: String
}

/// A date label on the axis.
public struct AxisTick: Sendable, Hashable {
    public var x: Double
    public var label: String
}

/// Everything needed to draw one topic's timelines.
public struct TimelineGeometry: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var plotRange: ClosedRange<Double>
    public var ticks: [AxisTick]
    public var rows: [PlacedRow]
    public var links: [PlacedLink]
    /// The days drawn, left edge to right edge.
    public var days: ClosedRange<Day>
}

/// The outlines of the marks, as SVG path data: shape tells the side without colour.
public enum MarkShape {
    /// ▲ for pro, ▼ for contra, centred on (x, y).
    public static func path(for polarity: Polarity, x: Double, y: Double, radius r: Double) -> String {
        switch polarity {
        case .pro:
            return "M\(f(x)) \(f(y - r))L\(f(x + r)) \(f(y + r * 0.8))L\(f(x - r)) \(f(y + r * 0.8))Z"
        case .contra:
            return "M\(f(x)) \(f(y + r))L\(f(x + r)) \(f(y - r * 0.8))L\(f(x - r)) \(f(y - r * 0.8))Z"
        }
    }
}
