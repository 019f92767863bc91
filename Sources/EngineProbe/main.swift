// EngineProbe: the stance engine alone over article files, for developers.
//
// `EngineProbe --watchlist W.yaml FILE...` prints one stance per line as JSON Lines, with
// the keys `stancewatch stances` prints (spec §5 plus evidence offsets and `rules`);
// `--explain` prints the explanation blocks instead; `--trace` also shows the compiled
// topics and each sentence's holder; `--throughput N` runs the engine once (cold stem
// cache) and then N times over the files and prints MB/s and articles/s.
// `--train OUT CORPUS_DIR...` trains the stance model on the corpora's gold (deterministic)
// and writes it to OUT; `--loco [--save DIR] CORPUS_DIR...` scores each corpus with a model
// trained on the others (and writes those models to DIR).
import Corpus
import Foundation

/// Writes `line` and a line break to standard error.
func warn(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func readArticle(_ path: String) -> Article? {
    guard let data = FileManager.default.contents(atPath: path) else {
        warn("\(path): cannot be read; skipped")
        return nil
    }
    let name = (path as NSString).lastPathComponent
    do {
        // the daemon's own reader: header date, encodings, refusals
        return try ArticleReader().read(name: name, bytes: [UInt8](data), modified: Day(year: 1970, month: 1, day: 1)!)
    } catch {
        warn("\(error)")
        return nil
    }
}

var args = Array(CommandLine.arguments.dropFirst())
var watchlistPath: String? = nil
var throughput = 0
var explain = false
var trace = false
var files: [String] = []
var trainOut: String? = nil
var loco = false
var saveDir: String? = nil
var dumpDir: String? = nil
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--watchlist": watchlistPath = args.isEmpty ? nil : args.removeFirst()
    case "--throughput": throughput = args.isEmpty ? 10 : Int(args.removeFirst()) ?? 10
    case "--explain": explain = true
    case "--trace": trace = true
    case "--train": trainOut = args.isEmpty ? nil : args.removeFirst()
    case "--loco": loco = true
    case "--save": saveDir = args.isEmpty ? nil : args.removeFirst()
    case "--dump": dumpDir = args.isEmpty ? nil : args.removeFirst()
    default: files.append(a)
    }
}
if trainOut != nil || loco || dumpDir != nil {
    do {
        if let trainOut { try runTrain(out: trainOut, directories: files) }
        else if let dumpDir { try runDump(out: dumpDir, directories: files) }
        else { try runLoco(directories: files, save: saveDir) }
        exit(0)
    } catch {
        warn("\(error)")
        exit(1)
    }
}
guard let watchlistPath else {
    warn("usage: EngineProbe --watchlist W.yaml [--explain|--trace|--throughput N] FILE... | --train OUT CORPUS... | --loco [--save DIR] CORPUS...")
    exit(2)
}
do {
    let watchlist = try Watchlist(contentsOfFile: watchlistPath)
    let engine = try StanceEngine(watchlist: watchlist)
    let articles = files.compactMap(readArticle)
    if throughput > 0 {
        let bytes = articles.reduce(0) { $0 + $1.body.utf8.count }
        var n = 0
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        // first pass: every word new to the process-wide stem cache
        let cold = seconds(clock.measure { for a in articles { n += engine.stances(in: a).count } })
        print(String(format: "first pass (cold stem cache): %d articles, %.2f MB in %.3f s: %.2f MB/s",
                     articles.count, Double(bytes) / 1_000_000, cold, Double(bytes) / 1_000_000 / cold))
        n = 0
        let t = clock.measure {
            for _ in 0..<throughput { for a in articles { n += engine.stances(in: a).count } }
        }
        let secs = seconds(t)
        let mb = Double(bytes * throughput) / 1_000_000
        print(String(format: "%d articles x %d runs, %.2f MB in %.3f s: %.2f MB/s, %.0f articles/s (%d stances)",
                     articles.count, throughput, mb, secs, mb / secs, Double(articles.count * throughput) / secs, n))
    } else if trace {
        for a in articles {
            print("== \(a.id) (\(a.date))")
            for l in engine.trace(a) { print(l) }
            for e in engine.explain(a) { print(e.description) }
        }
    } else if explain {
        for a in articles {
            print("== \(a.id) (\(a.date))")
            for e in engine.explain(a) { print(e.description) }
        }
    } else {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for a in articles {
            for s in engine.stances(in: a) {
                print(String(decoding: try encoder.encode(s), as: UTF8.self))
            }
        }
    }
} catch {
    warn("\(error)")
    exit(1)
}
