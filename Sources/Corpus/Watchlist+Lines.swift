import Yams

/// The lines of a watchlist's YAML where each actor, topic and list entry stands, so that a
/// warning can say "file:line" the way an editor or compiler does. Built from the same text
/// the watchlist was parsed from; a text Yams cannot compose yields no lines (never an error:
/// a broken file was already refused by `Watchlist(yaml:)`).
public struct WatchlistLines: Sendable {
    private var lines: [WatchlistWarning.Place: Int] = [:]

    /// The lines of `text`, a watchlist's YAML.
    public init(yaml text: String) {
        guard let root = try? Yams.compose(yaml: text), let map = root.mapping else { return }
        for (key, kind) in [("actors", WatchlistWarning.Place.Kind.actor), ("topics", .topic)] {
            for node in map[key]?.sequence ?? [] {
                guard let entry = node.mapping, let id = entry["id"]?.scalar?.string.trimmingWhitespace else { continue }
                lines[.init(kind, id)] = entry["id"]?.mark?.line ?? node.mark?.line
                for (k, value) in entry {
                    guard let name = k.string else { continue }
                    lines[.init(kind, id, key: name)] = k.mark?.line
                    for item in value.sequence ?? [] {
                        guard let text = item.scalar?.string.trimmingWhitespace else { continue }
                        let place = WatchlistWarning.Place(kind, id, key: name, item: text)
                        if lines[place] == nil { lines[place] = item.mark?.line }
                    }
                }
            }
        }
    }

    /// The line `place` stands on (1-based), else that of its key, else that of its entry.
    public func line(of place: WatchlistWarning.Place) -> Int? {
        lines[place] ?? lines[.init(place.kind, place.id, key: place.key)] ?? lines[.init(place.kind, place.id)]
    }
}
