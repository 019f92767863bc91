/// The journald fields and the JSON line of an alert: the same upper-case keys in both,
/// as `journalctl -o json` prints them, so one reader handles either.
extension Alert {
    /// Field names (fixed constants; never built from input).
    public enum Field {
        public static let message = "MESSAGE"
        public static let messageID = "MESSAGE_ID"
        public static let priority = "PRIORITY"
        public static let syslogIdentifier = "SYSLOG_IDENTIFIER"
        public static let kind = "STANCE_KIND"
        public static let actor = "STANCE_ACTOR"
        public static let topic = "STANCE_TOPIC"
        public static let from = "STANCE_FROM"
        public static let to = "STANCE_TO"
        public static let article = "STANCE_ARTICLE"
        public static let priorArticle = "STANCE_PRIOR_ARTICLE"
        public static let date = "STANCE_DATE"
        public static let priorDate = "STANCE_PRIOR_DATE"
        public static let evidence = "STANCE_EVIDENCE"
        public static let priorEvidence = "STANCE_PRIOR_EVIDENCE"
        public static let otherActor = "STANCE_OTHER_ACTOR"
        public static let alertID = "STANCE_ALERT_ID"
    }

    /// Spec §3 fields plus `SYSLOG_IDENTIFIER`, sanitised and capped, in a fixed order.
    /// `STANCE_OTHER_ACTOR` is present only for a divergence.
    public var journalFields: [(String, String)] {
        func id(_ s: String) -> String { AlertText.sanitize(s, limit: AlertText.identifierLimit, style: .identifier) }
        func prose(_ s: String, _ limit: Int) -> String { AlertText.sanitize(s, limit: limit, style: .prose) }
        var fields: [(String, String)] = [
            (Field.message, prose(message, AlertText.messageLimit)),
            (Field.messageID, kind.messageID),
            (Field.priority, String(priority)),
            (Field.syslogIdentifier, AlertsModule.syslogIdentifier),
            (Field.kind, kind.rawValue),
            (Field.actor, id(actor)),
            (Field.topic, id(topic)),
            (Field.from, from.rawValue),
            (Field.to, to.rawValue),
            (Field.article, id(article)),
            (Field.priorArticle, id(priorArticle)),
            (Field.date, date.description),
            (Field.priorDate, priorDate.description),
            (Field.evidence, prose(evidence, AlertText.evidenceLimit)),
            (Field.priorEvidence, prose(priorEvidence, AlertText.evidenceLimit)),
        ]
        if let otherActor { fields.append((Field.otherActor, id(otherActor))) }
        fields.append((Field.alertID, id(self.id)))
        return fields
    }

    /// The same fields as one JSON object on one line (no trailing newline).
    public var jsonLine: String {
        "{" + journalFields.map { "\(JSONText.quoted($0.0)):\(JSONText.quoted($0.1))" }.joined(separator: ",") + "}"
    }
}

/// Minimal JSON string encoding (RFC 8259), used for alert lines.
public enum JSONText {
    /// `s` as a JSON string literal: quotes, backslash and every control character escaped,
    /// U+2028/U+2029 escaped too so the line is also safe as JavaScript.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
