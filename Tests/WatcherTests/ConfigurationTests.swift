/// Defaults the command line resolves: the state folder and the shipped watchlist.
import TestFixtures
import Testing
@testable import Watcher

struct ConfigurationTests {
    @Test func stateFolderIsTheOptionThenStateDirectoryThenDotStancewatch() {
        #expect(Configuration.stateDirectory(option: "/s", environment: ["STATE_DIRECTORY": "/var/lib/x"]) == "/s")
        #expect(Configuration.stateDirectory(option: nil, environment: ["STATE_DIRECTORY": "/var/lib/x:/var/lib/y"]) == "/var/lib/x")
        #expect(Configuration.stateDirectory(option: nil, environment: [:]) == "./.stancewatch")
    }

    @Test func shippedWatchlistIsFoundFromABuildTree() {
        let executable = RepoFiles.root + "/.build/x86_64-unknown-linux-gnu/debug/stancewatch"
        #expect(WatchlistLocator.candidates(executable: executable).first == RepoFiles.root + "/seeds/watchlist.yaml")
        #expect(WatchlistLocator.defaultWatchlist(executable: executable) == RepoFiles.root + "/seeds/watchlist.yaml")
    }

    @Test func installedWatchlistIsLookedForUnderThePrefix() {
        let candidates = WatchlistLocator.candidates(executable: "/opt/sw/bin/stancewatch")
        // The operator's copy in /etc (the unit's), then the one shipped under the prefix.
        #expect(candidates.first == "/etc/stancewatch/watchlist.yaml")
        #expect(candidates.dropFirst().first == "/opt/sw/share/stancewatch/watchlist.yaml")
        #expect(candidates.contains("/usr/local/share/stancewatch/watchlist.yaml"))
    }

    @Test func articleIdIsTheLastPathComponent() {
        #expect(FeedNames.baseName("/feed/003_x.txt") == "003_x.txt")
        #expect(FeedNames.baseName("003_x.txt") == "003_x.txt")
        #expect(FeedNames.isIgnored(".x.txt") && FeedNames.isIgnored("a.tmp") && FeedNames.isIgnored("a.part"))
        #expect(!FeedNames.isIgnored("a.txt"))
    }
}
