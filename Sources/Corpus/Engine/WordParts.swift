/// Roles whose words are parts of words (`…Prefixes`, `…Endings`, `…Suffixes`), matched at the
/// start or the end of a folded word.
extension FunctionWords {
    /// True when `folded` starts with one of the role's words (a role of word beginnings).
    func startsAny(_ folded: String, _ role: WordRole) -> Bool {
        list(role).contains { folded.hasPrefix($0) }
    }

    /// True when `folded` ends with one of the role's words (a role of word endings).
    func endsAny(_ folded: String, _ role: WordRole) -> Bool {
        list(role).contains { folded.hasSuffix($0) }
    }
}
