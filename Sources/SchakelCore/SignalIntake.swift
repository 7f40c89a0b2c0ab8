import Foundation
import Meldroute
import TextSafety

/// Reads one signal from the intranet form's JSON, checking everything and naming every problem.
/// The schema is in the README ("Intake").
public enum SignalIntake {
    public struct Problems: Error, Hashable, Sendable, CustomStringConvertible {
        public let messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    static let topLevelKeys: Set<String> = [
        "ontvangen_op", "bron", "melder", "gemeente", "vormen", "beschrijving", "locatie", "acuut", "minderjarige", "betrokkenen",
    ]
    static let reporterKeys: Set<String> = ["type", "naam", "organisatie", "contact"]
    static let personKeys: Set<String> = ["initialen", "geboortejaar", "rol", "voornaam", "achternaam"]

    public static func parse(_ data: [UInt8], now: LocalDateTime) -> Result<NewSignal, Problems> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(data), options: [])
        } catch {
            return .failure(Problems(messages: ["geen geldige JSON: \(Self.describe(error))"]))
        }
        guard let root = object as? [String: Any] else {
            return .failure(Problems(messages: ["verwacht één JSON-object met de velden van het meldingsformulier"]))
        }
        var reader = Reader()
        reader.unknownKeys(in: root, allowed: topLevelKeys, path: "")
        let receivedAt = reader.dateTime(root["ontvangen_op"], "ontvangen_op", now: now)
        let source: SignalSource? = reader.choice(root["bron"], "bron", required: true)
        let municipalityName = reader.text(root["gemeente"], "gemeente", required: true, limit: NewSignal.Limit.short)
        let municipality = municipalityName.flatMap { name -> Municipality? in
            if let found = Municipality.twente.first(where: { $0.name.lowercased() == name.lowercased() }) { return found }
            reader.problem("gemeente: '\(name)' is geen Twentse gemeente")
            return nil
        }
        let forms = reader.forms(root["vormen"])
        let description = reader.text(root["beschrijving"], "beschrijving", required: true, limit: NewSignal.Limit.description,
                                      multiline: true)
        let location = reader.text(root["locatie"], "locatie", required: false, limit: NewSignal.Limit.location) ?? ""
        let acute = reader.bool(root["acuut"], "acuut")
        let minor = reader.bool(root["minderjarige"], "minderjarige")

        var reporterType: ReporterType?
        var reporterName = "", organisation = "", contact = ""
        if let reporter = root["melder"] as? [String: Any] {
            reader.unknownKeys(in: reporter, allowed: reporterKeys, path: "melder.")
            reporterType = reader.choice(reporter["type"], "melder.type", required: true)
            reporterName = reader.text(reporter["naam"], "melder.naam", required: false, limit: NewSignal.Limit.short) ?? ""
            organisation = reader.text(reporter["organisatie"], "melder.organisatie", required: false, limit: NewSignal.Limit.short) ?? ""
            contact = reader.text(reporter["contact"], "melder.contact", required: false, limit: NewSignal.Limit.short) ?? ""
            if reporterType == .anonymous && !(reporterName.isEmpty && contact.isEmpty) {
                reader.problem("melder: een anonieme melder heeft geen naam of contactgegevens")
            }
        } else {
            reader.problem(root["melder"] == nil ? "melder: ontbreekt" : "melder: verwacht een object met type, naam, organisatie, contact")
        }

        var persons: [NewPerson] = []
        if let list = root["betrokkenen"] {
            if let items = list as? [Any] {
                for (index, item) in items.enumerated() {
                    if let person = reader.person(item, path: "betrokkenen[\(index + 1)]", year: now.date.year) { persons.append(person) }
                }
            } else {
                reader.problem("betrokkenen: verwacht een lijst")
            }
        }

        guard reader.problems.isEmpty, let source, let reporterType, let municipality, let forms, let description,
              let acute, let minor else {
            return .failure(Problems(messages: reader.problems))
        }
        return .success(NewSignal(
            receivedAt: receivedAt, source: source, reporterType: reporterType, reporterName: reporterName,
            reporterOrganisation: organisation, reporterContact: contact, municipality: municipality, forms: forms,
            description: description, location: location, acute: acute, minorInvolved: minor, persons: persons))
    }

    private static func describe(_ error: any Error) -> String {
        let hint = "controleer haakjes, aanhalingstekens en komma's"
        if let index = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int {
            return "fout rond teken \(index + 1); \(hint)"
        }
        return hint
    }

    /// Collects problems while reading values.
    private struct Reader {
        var problems: [String] = []

        mutating func problem(_ message: String) { problems.append(message) }

        mutating func unknownKeys(in object: [String: Any], allowed: Set<String>, path: String) {
            for key in object.keys.sorted() where !allowed.contains(key) { problem("\(path)\(key): onbekend veld") }
        }

        /// A text field; only a long one (`multiline`) may hold line breaks (each kept as LF) and
        /// tabs, and none a control or bidi character.
        mutating func text(_ value: Any?, _ name: String, required: Bool, limit: Int, multiline: Bool = false) -> String? {
            guard let value, !(value is NSNull) else {
                if required { problem("\(name): ontbreekt") }
                return nil
            }
            guard let text = value as? String else {
                problem("\(name): verwacht tekst")
                return nil
            }
            let trimmed = (multiline ? FieldCharacters.withLineFeeds(text) : text).trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty {
                problem("\(name): is leeg")
                return nil
            }
            if trimmed.count > limit {
                problem("\(name): te lang (\(trimmed.count) tekens, hooguit \(limit))")
                return nil
            }
            if let wrong = FieldCharacters.problem(in: trimmed, multiline: multiline) {
                problem("\(name): \(wrong)")
                return nil
            }
            return trimmed
        }

        mutating func bool(_ value: Any?, _ name: String) -> Bool? {
            guard let value else { return false }
            // JSONSerialization gives NSNumber for both numbers and booleans; only true/false count.
            if let number = value as? NSNumber, Self.isBoolean(number) { return number.boolValue }
            problem("\(name): verwacht true of false")
            return nil
        }

        mutating func choice<T: RawRepresentable & CaseIterable>(_ value: Any?, _ name: String, required: Bool) -> T?
            where T.RawValue == String {
            guard let value else {
                if required { problem("\(name): ontbreekt") }
                return nil
            }
            let options = T.allCases.map(\.rawValue).joined(separator: ", ")
            guard let text = value as? String, let parsed = T(rawValue: text) else {
                problem("\(name): '\(value)' is geen geldige waarde (kies uit: \(options))")
                return nil
            }
            return parsed
        }

        mutating func dateTime(_ value: Any?, _ name: String, now: LocalDateTime) -> LocalDateTime? {
            guard let value else { return nil }
            guard let text = value as? String, let moment = Self.parseLocal(text) else {
                problem("\(name): verwacht datum en tijd als JJJJ-MM-DDTUU:MM (Nederlandse tijd)")
                return nil
            }
            if moment > now { problem("\(name): ligt in de toekomst") }
            return moment
        }

        /// JSONSerialization gives NSNumber for numbers and booleans alike; a boolean's type code is "c".
        static func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

        static func parseLocal(_ text: String) -> LocalDateTime? {
            let parts = text.split(separator: "T", omittingEmptySubsequences: false)
            guard parts.count == 2, let date = CivilDate(iso: String(parts[0])) else { return nil }
            let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]), let minute = Int(clock[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            return LocalDateTime(date: date, hour: hour, minute: minute)
        }

        mutating func forms(_ value: Any?) -> ExploitationForms? {
            guard let value else {
                problem("vormen: ontbreekt (een of meer van: seksueel, arbeid, crimineel, orgaan)")
                return nil
            }
            guard let items = value as? [Any], !items.isEmpty else {
                problem("vormen: verwacht een lijst met een of meer van: seksueel, arbeid, crimineel, orgaan")
                return nil
            }
            var forms = ExploitationForms()
            var valid = true
            for item in items {
                if let code = item as? String, let form = ExploitationForm.allCases.first(where: { $0.code == code }) {
                    forms.insert(ExploitationForms([form]))
                } else {
                    problem("vormen: '\(item)' is geen vorm van uitbuiting (kies uit: seksueel, arbeid, crimineel, orgaan)")
                    valid = false
                }
            }
            return valid ? forms : nil
        }

        mutating func person(_ value: Any, path: String, year: Int) -> NewPerson? {
            guard let object = value as? [String: Any] else {
                problem("\(path): verwacht een object met initialen, geboortejaar en rol")
                return nil
            }
            unknownKeys(in: object, allowed: SignalIntake.personKeys, path: path + ".")
            let initials = text(object["initialen"], "\(path).initialen", required: true, limit: NewSignal.Limit.initials)
            let role: PersonRole? = choice(object["rol"], "\(path).rol", required: true)
            var birthYear: Int?
            if let raw = object["geboortejaar"] {
                if let number = raw as? NSNumber, !Self.isBoolean(number),
                   number.doubleValue == Double(number.intValue), (1900...year).contains(number.intValue) {
                    birthYear = number.intValue
                } else {
                    problem("\(path).geboortejaar: verwacht een jaar tussen 1900 en \(year)")
                }
            }
            let given = text(object["voornaam"], "\(path).voornaam", required: false, limit: NewSignal.Limit.short) ?? ""
            let family = text(object["achternaam"], "\(path).achternaam", required: false, limit: NewSignal.Limit.short) ?? ""
            guard let initials, let role else { return nil }
            return NewPerson(initials: initials, birthYear: birthYear, role: role, givenName: given, familyName: family)
        }
    }
}
