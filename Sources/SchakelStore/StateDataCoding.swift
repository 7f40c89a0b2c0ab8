import Foundation
import Meldroute

/// The values recorded per workflow event, stored as JSON in `state_data`. Each value carries its
/// type, so a date stays a date: `{"onderzoek_gestart":{"evaluatiedatum":{"datum":"2026-12-08"}}}`.
enum StateDataCoding {
    static func encode(_ recorded: [String: FieldValues]) throws -> String {
        let object = recorded.mapValues { fields in fields.mapValues(json) }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func encode(_ fields: FieldValues) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: fields.mapValues(json), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: FieldValues] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String: [String: Any]]] else {
            throw StateDataError(text: text)
        }
        return try object.mapValues { fields in try fields.mapValues { try value($0, in: text) } }
    }

    private static func json(_ value: FieldValue) -> [String: Any] {
        switch value {
        case .text(let text): return ["tekst": text]
        case .date(let date): return ["datum": date.iso]
        case .dateTime(let moment): return ["datumtijd": "\(moment.date.iso)T\(pad(moment.hour)):\(pad(moment.minute))"]
        case .choice(let id): return ["keuze": id]
        case .choices(let ids): return ["meerkeuze": ids]
        case .boolean(let flag): return ["janee": flag]
        }
    }

    private static func value(_ object: [String: Any], in text: String) throws -> FieldValue {
        guard object.count == 1, let (key, raw) = object.first else { throw StateDataError(text: text) }
        switch (key, raw) {
        case ("tekst", let text as String): return .text(text)
        case ("datum", let iso as String): if let date = CivilDate(iso: iso) { return .date(date) }
        case ("datumtijd", let stamp as String):
            let parts = stamp.split(separator: "T")
            if parts.count == 2, let date = CivilDate(iso: String(parts[0])) {
                let clock = parts[1].split(separator: ":").compactMap { Int($0) }
                if clock.count == 2 { return .dateTime(LocalDateTime(date: date, hour: clock[0], minute: clock[1])) }
            }
        case ("keuze", let id as String): return .choice(id)
        case ("meerkeuze", let ids as [String]): return .choices(ids)
        case ("janee", let flag as Bool): return .boolean(flag)
        default: break
        }
        throw StateDataError(text: text)
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

struct StateDataError: Error, CustomStringConvertible {
    let text: String
    var description: String { "onleesbare workflowgegevens: \(text.prefix(80))" }
}
