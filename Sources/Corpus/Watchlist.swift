/// What the user asked to watch: actors (by name and role) and topics (by cues and the
/// plain-words descriptions of their `pro` and `contra` sides). Spec §2.
public struct Watchlist: Sendable, Hashable {
    public struct Actor: Sendable, Hashable, Identifiable {
        public var id: String
        /// Proper names in dictionary form; matched in any inflection.
        public var names: [String]
        /// Descriptions that refer to the actor ("глава государства"); may be shared.
        public var roles: [String]
        /// Actors that speak for one side; divergence is checked within a group.
        public var group: String?

        public init(id: String, names: [String], roles: [String] = [], group: String? = nil) {
            self.id = id
            self.names = names
            self.roles = roles
            self.group = group
        }
    }

    public struct Topic: Sendable, Hashable, Identifiable {
        public var id: String
        public var label: String
        /// Cue words and phrases in dictionary form.
        public var cues: [String]
        /// What `pro` means, in plain words.
        public var pro: String
        /// What `contra` means, in plain words.
        public var contra: String

        public init(id: String, label: String, cues: [String], pro: String, contra: String) {
            self.id = id
            self.label = label
            self.cues = cues
            self.pro = pro
            self.contra = contra
        }
    }

    public var actors: [Actor]
    public var topics: [Topic]

    public init(actors: [Actor], topics: [Topic]) {
        self.actors = actors
        self.topics = topics
    }

    /// The actor with this id, if watched.
    public func actor(_ id: String) -> Actor? { actors.first { $0.id == id } }

    /// The other actors of `actor`'s group (empty when it has none).
    public func groupmates(of id: String) -> [Actor] {
        guard let group = actor(id)?.group else { return [] }
        return actors.filter { $0.group == group && $0.id != id }
    }
}
