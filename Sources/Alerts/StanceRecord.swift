public import Corpus

/// A `StanceHistory` that can also be written: where an article's stances and the alerts they
/// raise are recorded (the store implements it over its open write transaction).
public protocol StanceRecord: StanceHistory {
    /// Records `stance` as the next arrival, after every stance recorded before it.
    func record(_ stance: Stance) throws
    /// Keeps `alert` unless one with its id is already kept; true when it was kept now.
    func keep(_ alert: Alert) throws -> Bool
}

extension AlertRules {
    /// Runs one article's stances (text order) through the rules against `record`: per stance,
    /// the alerts it raises, then the stance recorded, then the disagreements it closes.
    /// Returns the alerts newly kept, in the order they were raised. A stance that contradicts
    /// the actor's record with too little confidence (`isTooWeakToShift`) is neither recorded
    /// nor alerted on.
    public func raise(_ stances: [Stance], in record: some StanceRecord) throws -> [Alert] {
        var raised: [Alert] = []
        for stance in stances {
            if try isTooWeakToShift(stance, history: record) { continue }
            for alert in try alerts(for: stance, history: record) where try record.keep(alert) {
                raised.append(alert)
            }
            try record.record(stance)
            try afterRecording(stance, history: record)
        }
        return raised
    }
}
