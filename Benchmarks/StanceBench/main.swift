// StanceBench: the in-process figures of `make bench` (release build). Prints figures as
// JSON lines on stdout and readable lines on stderr; asserts nothing.
//
//   StanceBench throughput --watchlist W.yaml [--seconds S] PATH...   reader + engine, one core
//   StanceBench worstcase --watchlist W.yaml [--bytes N] PATH...     hostile inputs vs a normal article, s/MB
//   StanceBench scale --dir DIR [--steps 10000,100000,1000000] [--probes 50]
//                                                    ingest time as the stance history grows
import Foundation

var args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else {
    FileHandle.standardError.write(Data("usage: StanceBench throughput|scale ...\n".utf8))
    exit(2)
}
args.removeFirst()

/// The value after `--name` in `args`, removing both.
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    let v = args[i + 1]
    args.removeSubrange(i...(i + 1))
    return v
}

func say(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

do {
    switch command {
    case "throughput":
        let watchlist = option("--watchlist") ?? "seeds/watchlist.yaml"
        let seconds = Double(option("--seconds") ?? "") ?? 5
        try Throughput.run(watchlistPath: watchlist, paths: args, minimumSeconds: seconds)
    case "worstcase":
        let watchlist = option("--watchlist") ?? "seeds/watchlist.yaml"
        let bytes = Int(option("--bytes") ?? "") ?? 1_000_000
        try WorstCase.run(watchlistPath: watchlist, normalPaths: args, bytes: bytes)
    case "scale":
        let dir = option("--dir") ?? "/tmp/stancebench-scale"
        let steps = (option("--steps") ?? "10000,100000,1000000").split(separator: ",").compactMap { Int($0) }
        let probes = Int(option("--probes") ?? "") ?? 50
        try Scale.run(directory: dir, steps: steps, probes: probes)
    default:
        say("unknown command \(command)")
        exit(2)
    }
} catch {
    say("StanceBench \(command) failed: \(error)")
    exit(1)
}
