/// The alert record: spec §3 fields, priority, message, stable id, sanitised and capped values,
/// its JSON line and its Codable round trip.
import Alerts
import Corpus
import Foundation
import Testing

struct AlertRecordTests {
    static let specKeys = ["MESSAGE", "MESSAGE_ID", "PRIORITY", "SYSLOG_IDENTIFIER", "STANCE_KIND", "STANCE_ACTOR",
                           "STANCE_TOPIC", "STANCE_FROM", "STANCE_TO", "STANCE_ARTICLE", "STANCE_PRIOR_ARTICLE",
                           "STANCE_DATE", "STANCE_PRIOR_DATE", "STANCE_EVIDENCE", "STANCE_PRIOR_EVIDENCE",
                           "STANCE_ALERT_ID"]

    static func divergence(evidence: String = "не является посредником", article: String = "001.txt") -> Alert {
        Alert(kind: .divergence, actor: "tokayev", topic: "kz-mediator", from: .pro, to: .contra,
              article: article, priorArticle: "002.txt", date: Day(iso: "2025-09-24")!,
              priorDate: Day(iso: "2025-09-22")!, evidence: evidence, priorEvidence: "готов выступить посредником",
              otherActor: "sarym", actorName: "Касым-Жомарт Токаев", otherActorName: "Айдос Сарым")
    }

    static func shift() -> Alert {
        Alert(kind: .shift, actor: "tokayev", topic: "settlement-prospects", from: .contra, to: .pro,
              article: "003.txt", priorArticle: "001.txt", date: Day(iso: "2025-11-08")!,
              priorDate: Day(iso: "2025-09-24")!, evidence: "прекращение огня «возможно»",
              priorEvidence: "нереалистично", otherActor: nil, actorName: "Касым-Жомарт Токаев")
    }

    @Test func divergenceCarriesEverySpecFieldAndTheOtherActor() {
        let fields = Dictionary(Self.divergence().journalFields, uniquingKeysWith: { a, _ in a })
        for key in Self.specKeys + ["STANCE_OTHER_ACTOR"] {
            #expect(fields[key].map { !$0.isEmpty } == true, "missing \(key)")
        }
        #expect(fields["MESSAGE_ID"] == "aee39da006a3415c835c9584a8d62683")
        #expect(fields["PRIORITY"] == "5")
        #expect(fields["SYSLOG_IDENTIFIER"] == "stancewatch")
        #expect(fields["STANCE_FROM"] == "pro" && fields["STANCE_TO"] == "contra")
        #expect(fields["STANCE_OTHER_ACTOR"] == "sarym")
        #expect(fields["STANCE_PRIOR_DATE"] == "2025-09-22")
    }

    @Test func shiftHasWarningPriorityAndNoOtherActor() {
        let fields = Self.shift().journalFields
        #expect(!fields.contains { $0.0 == "STANCE_OTHER_ACTOR" })
        #expect(fields.contains { $0 == ("PRIORITY", "4") })
        #expect(fields.contains { $0 == ("MESSAGE_ID", "6a754b5bce3d45a2a3e15fb0c3c5afb8") })
        #expect(Set(fields.map(\.0)) == Set(Self.specKeys))
    }

    @Test func messageIsOneSentenceNamingWhoWhatAndWhen() {
        let message = Self.shift().message
        #expect(message == "Касым-Жомарт Токаев (tokayev) shifted on settlement-prospects from contra "
                + "(2025-09-24, 001.txt) to pro (2025-11-08, 003.txt).")
        let divergence = Self.divergence().message
        #expect(divergence.contains("Айдос Сарым (sarym)") && divergence.contains("2025-09-22")
                && divergence.contains("contra on kz-mediator (2025-09-24, 001.txt)"))
    }

    @Test func idIsStableAndDependsOnTheIdentityFields() {
        let a = Self.divergence(), b = Self.divergence(evidence: "other words, same alert")
        #expect(a.id == b.id)
        #expect(a.id.count == 32 && a.id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(a.id != Self.divergence(article: "005.txt").id)
        var other = a
        other.otherActor = "someone"
        #expect(Alert.stableID(kind: other.kind, actor: other.actor, topic: other.topic, from: other.from,
                               to: other.to, article: other.article, otherActor: other.otherActor) != a.id)
        #expect(a.id != Self.shift().id)
    }

    @Test func fieldValuesCarryNoControlCharacters() {
        let hostile = "line one\nSTANCE_KIND=shift\r\n\u{0}PRIORITY=0\u{1B}[31m\u{85}next\u{2028}sep\u{2029}"
            + "\u{202E}reversed\u{2066}iso\u{2069}\t\u{7F}end"
        let alert = Self.divergence(evidence: hostile, article: "evil\nMESSAGE=forged\u{0}.txt")
        for (name, value) in alert.journalFields {
            #expect(!value.unicodeScalars.contains { AlertText.isUnsafe($0) }, "\(name) carries a control character")
        }
        // Controls become one space; bidi overrides vanish.
        #expect(alert.evidence == "line one STANCE_KIND=shift PRIORITY=0 [31m next sep reversediso end")
        #expect(alert.article == "evil\\u{000A}MESSAGE=forged\\u{0000}.txt")
        #expect(alert.message.contains("evil\\u{000A}MESSAGE=forged"))
    }

    @Test func longEvidenceIsCappedOnACharacterBoundary() {
        // "é" as e + combining acute: cutting between the two scalars would change the text.
        let long = String(repeating: "e\u{301}", count: 3_000)
        let alert = Self.divergence(evidence: long)
        #expect(alert.evidence.count == AlertText.evidenceLimit)
        #expect(alert.evidence.hasSuffix("…"))
        #expect(long.hasPrefix(String(alert.evidence.dropLast())))
        #expect(alert.evidence.unicodeScalars.dropLast().last == "\u{301}")
        let short = Self.divergence(evidence: "короткая цитата")
        #expect(short.evidence == "короткая цитата")
    }

    @Test func jsonLineIsOneValidObjectWithTheJournalKeys() throws {
        let hostile = "кавычки \"так\" и \\ обратная, \u{2028} и \u{1} управляющие"
        for alert in [Self.divergence(evidence: hostile), Self.shift()] {
            let line = alert.jsonLine
            #expect(!line.contains("\n") && !line.contains("\r"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            let fields = Dictionary(alert.journalFields, uniquingKeysWith: { a, _ in a })
            #expect(object == fields)
        }
    }

    @Test func jsonQuotingEscapesEverythingJSONRequires() throws {
        let raw = "a\"b\\c\nd\u{0}e\u{1F}f\u{2028}g/é"
        let quoted = JSONText.quoted(raw)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(decoded == [raw])
        #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" })
    }

    @Test func alertRoundTripsThroughCodable() throws {
        let alert = Self.divergence()
        let back = try JSONDecoder().decode(Alert.self, from: JSONEncoder().encode(alert))
        #expect(back == alert)
    }
}
