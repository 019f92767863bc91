/// One article from the feed, decoded and split from its header.
///
/// `id` is the file name (spec §1); offsets elsewhere in the engine are UTF-8 byte
/// offsets into `body`.
public struct Article: Sendable, Hashable {
    /// The file name: the article's id in alerts and stance records.
    public var id: String
    /// The header date, or the file's modification day when the header is missing.
    public var date: Day
    /// `false` when the file had no ` date YYYY-MM-DD ` header and `date` came from mtime.
    public var hasHeaderDate: Bool
    /// The text after the header, as UTF-8.
    public var body: String

    public init(id: String, date: Day, hasHeaderDate: Bool, body: String) {
        self.id = id
        self.date = date
        self.hasHeaderDate = hasHeaderDate
        self.body = body
    }
}
