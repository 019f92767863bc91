import Foundation
import Testing
import TestFixtures
@testable import Corpus

/// The rule lists are what the documentation says: the README's "The rules, in order" block is
/// `stancewatch explain --rules` (`RuleCatalog.text`), and every rule name is in some list.
struct RuleCatalogTests {
    @Test func theReadmeBlockIsTheCatalog() throws {
        let readme = try String(contentsOfFile: RepoFiles.root + "/README.md", encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n```\n"))
        let end = try #require(readme.range(of: "```\n<!-- rules:end -->", range: begin.upperBound..<readme.endIndex))
        let documented = String(readme[begin.upperBound..<end.lowerBound])
        #expect(documented == RuleCatalog.text,
                "README's rules block differs from `stancewatch explain --rules`; paste the command's output into it")
    }

    @Test func everyRuleNameIsInAList() {
        let listed = Set(RuleCatalog.stages.flatMap(\.rules).flatMap { $0.components(separatedBy: " | ") }
            .map { $0.replacingOccurrences(of: "at each attribution noun: ", with: "") }
            .map { $0.components(separatedBy: " (").first ?? $0 })
        for name in RuleName.allCases {
            #expect(listed.contains(name.rawValue), "\(name.rawValue) is in no rule list")
        }
        for name in MentionRuleName.allCases {
            #expect(listed.contains(name.rawValue), "mention rule \(name.rawValue) is in no rule list")
        }
    }

    @Test func theListsAreInTheOrderTheCodeTriesThem() {
        let stages = Dictionary(uniqueKeysWithValues: RuleCatalog.stages.map { ($0.name.components(separatedBy: " ").first!, $0.rules) })
        #expect(stages["date"]?.prefix(DateFinder.rules.count).elementsEqual(DateFinder.rules.map(\.name.rawValue)) == true)
        #expect(stages["polarity"]?.first == "stop: hedged" && stages["polarity"]?.last == RuleName.polarityNaive.rawValue)
        #expect(stages["speaker"]?.first == RuleName.speakerQuote.rawValue)
        #expect(stages["mentions"] == MentionFinder.rules.map(\.name.rawValue))
    }
}
