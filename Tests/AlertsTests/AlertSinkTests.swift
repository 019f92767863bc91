/// The JSON Lines alert sink: one line per alert, a refused path, errors as sentences.
import Alerts
import Foundation
import TestFixtures
import Testing

struct AlertSinkTests {
    private let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "alertstest")
    }

    private func temporaryPath() -> String {
        folder.file("alerts-\(UUID().uuidString).jsonl")
    }

    @Test func jsonLinesSinkAppendsOneLinePerAlert() throws {
        let path = temporaryPath()
        do {
            let sink = try JSONLinesAlertSink(path: path)
            try sink.deliver(AlertRecordTests.divergence())
            try sink.deliver(AlertRecordTests.shift())
        }
        // A second sink on the same file appends rather than truncates.
        try JSONLinesAlertSink(path: path).deliver(AlertRecordTests.shift())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "")
        let kinds = try lines.dropLast().map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            return object?["STANCE_KIND"] ?? "?"
        }
        #expect(kinds == ["divergence", "shift", "shift"])
    }

    @Test func jsonLinesSinkRefusesAnUnwritablePath() {
        #expect(throws: AlertSinkError.self) {
            _ = try JSONLinesAlertSink(path: "/nonexistent-dir-\(UUID().uuidString)/alerts.jsonl")
        }
    }

    @Test func sinkErrorReadsAsASentence() {
        let error = AlertSinkError(path: "/var/log/a.jsonl", problem: "No space left on device", alertID: "abc")
        #expect(error.description == "alert abc could not be appended to the alert log /var/log/a.jsonl "
                + "(No space left on device); it stays pending and will be sent again")
    }
}
