/// The developer trace (`EngineProbe --trace`): each topic as compiled, then each sentence with
/// its paragraph, whether it is page furniture, its holder and the rule that named it.
struct EngineTrace {
    let watchlist: Watchlist
    let index: WatchIndex

    func write(_ text: ArticleText, _ holders: SentenceHolders, _ article: Article, to sink: (String) -> Void) {
        for topic in index.topics { sink(line(topic)) }
        for s in text.sentences.indices { sink(line(s, text, holders, article)) }
    }

    private func line(_ t: TopicModel) -> String {
        let directions = t.directionPolarity.map { "\($0.key.rawValue)→\($0.value.rawValue)" }.sorted()
        return "topic \(t.id): \(t.kind) directions \(directions) positive→\(t.positivePolarity.rawValue) "
            + "anchors \(t.anchors.map(Fold.decode).sorted()) contra cues \(t.contraCueStems.map(Fold.decode).sorted())"
    }

    private func line(_ s: Int, _ text: ArticleText, _ holders: SentenceHolders, _ article: Article) -> String {
        let who: String
        switch holders.speakers[s]?.0 {
        case .actor(let a)?: who = watchlist.actors[a].id
        case .other?: who = "other"
        case nil: who = "-"
        }
        let sentence = text.sentences[s]
        let body = article.body.utf8Text(sentence.start, sentence.end)
        let furniture = sentence.isBoilerplate ? " furniture" : ""
        return "[\(s)] p\(sentence.paragraph)\(furniture) \(who) \(holders.speakers[s]?.1.rawValue ?? "") | \(body)"
    }
}
