import Corpus
import Foundation

/// A development corpus: its watchlist, its articles in gold order, its gold stance keys.
struct LabelledCorpus {
    var name: String
    var watchlist: Watchlist
    var articles: [Article]
    /// (article, actor, topic, stance) of every gold stance.
    var gold: Set<[String]>

    init(directory: String) throws {
        name = (directory as NSString).lastPathComponent
        watchlist = try Watchlist(contentsOfFile: directory + "/watchlist.yaml")
        guard let data = FileManager.default.contents(atPath: directory + "/gold.json"),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ProbeError(description: "\(directory)/gold.json cannot be read")
        }
        let order = json["order"] as? [String] ?? []
        articles = order.compactMap { readArticle(directory + "/" + $0) }
        gold = []
        for s in json["stances"] as? [[String: Any]] ?? [] {
            if let a = s["article"] as? String, let ac = s["actor"] as? String, let t = s["topic"] as? String, let p = s["stance"] as? String {
                gold.insert([a, ac, t, p])
            }
        }
    }

    /// Every candidate of every article with its label: is (article, actor, topic, polarity) a gold stance?
    func rows() throws -> [([Double], Bool)] {
        let engine = try StanceEngine(watchlist: watchlist)
        var out: [([Double], Bool)] = []
        for a in articles {
            for c in engine.candidateRecords(in: a) {
                out.append((c.features, gold.contains([c.article, c.actor, c.topic, c.polarity.rawValue])))
            }
        }
        return out
    }

    /// Stance precision, recall and F1 of `model` on this corpus (the scorer's stance keys).
    func score(_ model: StanceModel) throws -> (p: Double, r: Double, f1: Double, tp: Int, predicted: Int) {
        let engine = try StanceEngine(watchlist: watchlist, model: model)
        var predicted = Set<[String]>()
        for a in articles { for s in engine.stances(in: a) { predicted.insert([s.article, s.actor, s.topic, s.polarity.rawValue]) } }
        let tp = predicted.intersection(gold).count
        let p = predicted.isEmpty ? 0 : Double(tp) / Double(predicted.count)
        let r = gold.isEmpty ? 0 : Double(tp) / Double(gold.count)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), tp, predicted.count)
    }
}

struct ProbeError: Error, CustomStringConvertible {
    var description: String
}

/// Trains a model on `corpora` (`StanceModel.train`). The threshold is calibrated for
/// precision on the same corpora without seeing any corpus twice: each is scored by a model
/// trained on the others (nested leave-one-corpus-out), and the threshold is the one that
/// gives the pooled held-out stances the best F0.5 (`calibratedThreshold`). With fewer than
/// two corpora it stays at 0.5, the point where a stance is more likely right than wrong.
func trainModel(_ corpora: [LabelledCorpus]) throws -> StanceModel {
    var rows: [([Double], Bool)] = []
    for c in corpora { rows += try c.rows() }
    let weights = StanceModel.train(rows)
    let threshold = corpora.count >= 2 ? try calibratedThreshold(corpora) : 0.5
    return StanceModel(weights: weights, threshold: threshold)
}

/// The thresholds the calibration tries: from 0.55, since a stance at even odds is one the
/// engine is unsure of and should abstain on (with three held-out corpora, the calibration
/// otherwise drifted to 0.50 and back as the rules changed).
let candidateThresholds: [Double] = stride(from: 0.55, through: 0.9001, by: 0.05).map { $0 }

/// How much precision counts over recall when the threshold is chosen (F-beta's beta).
let calibrationBeta = 0.5

/// The threshold of `candidateThresholds` with the best F-beta (`calibrationBeta`) over the
/// stances of every corpus of `corpora` scored by a model trained on the others (the pooled
/// true, predicted and gold counts); on a tie, the lower threshold.
func calibratedThreshold(_ corpora: [LabelledCorpus]) throws -> Double {
    let rows = try corpora.map { try $0.rows() }
    var tp = [Int](repeating: 0, count: candidateThresholds.count)
    var predicted = tp
    var gold = 0
    for (i, held) in corpora.enumerated() {
        var train: [([Double], Bool)] = []
        for j in corpora.indices where j != i { train += rows[j] }
        let w = StanceModel.train(train)
        for (k, t) in candidateThresholds.enumerated() {
            let s = try held.score(StanceModel(weights: w, threshold: t))
            tp[k] += s.tp
            predicted[k] += s.predicted
        }
        gold += held.gold.count
    }
    var best = (t: 0.5, f: -1.0)
    let b2 = calibrationBeta * calibrationBeta
    for k in candidateThresholds.indices {
        let p = predicted[k] == 0 ? 0 : Double(tp[k]) / Double(predicted[k])
        let r = gold == 0 ? 0 : Double(tp[k]) / Double(gold)
        let f = p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r)
        if f > best.f + 1e-12 { best = (candidateThresholds[k], f) }
    }
    return best.t
}

/// `--train OUT DIR...`: the model trained on every corpus given, written to OUT.
func runTrain(out: String, directories: [String]) throws {
    let corpora = try directories.map(LabelledCorpus.init(directory:))
    let model = try trainModel(corpora)
    let header = ["The stance model: logistic regression over the engine's candidate features.",
                  "Generated by: swift run -c release EngineProbe --train \(out) " + corpora.map { "../shared/corpus/" + $0.name }.joined(separator: " "),
                  "Trained on: " + corpora.map(\.name).joined(separator: ", ") + " (gold stances by article, actor, topic, polarity). Do not edit by hand."]
    try model.text(header: header).write(toFile: out, atomically: true, encoding: .utf8)
    for c in corpora {
        let s = try c.score(model)
        print(c.name + String(format: " (trained on it): stance P %.3f R %.3f F1 %.3f", s.p, s.r, s.f1))
    }
}

/// `--loco DIR...`: each corpus scored by a model trained on the others; with `--save D`
/// each such model is written to D/loco-<corpus>.txt.
func runLoco(directories: [String], save: String?) throws {
    let corpora = try directories.map(LabelledCorpus.init(directory:))
    for (i, held) in corpora.enumerated() {
        var rest = corpora
        rest.remove(at: i)
        let model = try trainModel(rest)
        if let save {
            let header = ["Leave-one-corpus-out model for \(held.name): trained on " + rest.map(\.name).joined(separator: ", ") + "."]
            try model.text(header: header).write(toFile: save + "/loco-\(held.name).txt", atomically: true, encoding: .utf8)
        }
        let s = try held.score(model)
        print(held.name + String(format: " (LOCO, threshold %.2f): stance P %.3f R %.3f F1 %.3f", model.threshold, s.p, s.r, s.f1))
    }
}

/// `--dump DIR CORPUS_DIR...`: every candidate as a tab-separated line (corpus, article,
/// actor, topic, polarity, stated, gold label, feature values) in DIR/candidates.tsv, and
/// the gold stances no candidate proposes in DIR/uncovered.tsv, for analysis.
func runDump(out: String, directories: [String]) throws {
    var lines = [(["corpus", "article", "actor", "topic", "polarity", "stated", "label"] + Feature.allCases.map(\.rawValue)).joined(separator: "\t")]
    var uncovered: [String] = []
    for d in directories {
        let c = try LabelledCorpus(directory: d)
        let engine = try StanceEngine(watchlist: c.watchlist)
        var proposed = Set<[String]>()
        for a in c.articles {
            for r in engine.candidateRecords(in: a) {
                let key = [r.article, r.actor, r.topic, r.polarity.rawValue]
                proposed.insert(key)
                lines.append(([c.name] + key + [r.stated.description, c.gold.contains(key) ? "1" : "0"] + r.features.map { String($0) }).joined(separator: "\t"))
            }
        }
        for g in c.gold.subtracting(proposed).sorted(by: { $0.joined() < $1.joined() }) { uncovered.append(([c.name] + g).joined(separator: "\t")) }
        print("\(c.name): gold \(c.gold.count), proposed by some candidate \(c.gold.intersection(proposed).count)")
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: out + "/candidates.tsv", atomically: true, encoding: .utf8)
    try (uncovered.joined(separator: "\n") + "\n").write(toFile: out + "/uncovered.tsv", atomically: true, encoding: .utf8)
}
