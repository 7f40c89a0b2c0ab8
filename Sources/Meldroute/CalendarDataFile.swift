import Yams

/// A problem in the calendar data file.
public struct CalendarDataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Reads the equalised and local closing days from `Resources/calendar/gelijkgestelde-dagen.yaml`.
public enum CalendarDataFile {
    public static func parse(yaml text: String, file: String) throws(CalendarDataError) -> [Holiday] {
        let root = try compose(text, file: file)
        guard let root else { return [] }
        guard let days = root.mapping?["dagen"]?.sequence else {
            throw CalendarDataError(file: file, line: root.mark?.line, message: "verwacht een lijst 'dagen'")
        }
        var result: [Holiday] = []
        for item in days {
            let line = item.mark?.line
            guard let text = item.mapping?["datum"]?.string, let date = CivilDate(iso: text) else {
                throw CalendarDataError(file: file, line: line, message: "'datum' ontbreekt of is geen datum JJJJ-MM-DD")
            }
            guard let name = item.mapping?["naam"]?.string, !name.isEmpty else {
                throw CalendarDataError(file: file, line: line, message: "'naam' ontbreekt")
            }
            result.append(Holiday(date: date, name: name))
        }
        return result
    }

    /// The YAML of a small data file, once no line holds a character no text in Schakel may hold.
    static func compose(_ text: String, file: String) throws(CalendarDataError) -> Node? {
        try refuseForbiddenCharacters(in: text, file: file)
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw CalendarDataError(file: file, line: nil, message: "geen geldige YAML: \(error)")
        }
    }

    /// A line holding a character no text in Schakel may hold, as the first problem: file:line.
    static func refuseForbiddenCharacters(in text: String, file: String) throws(CalendarDataError) {
        do {
            try DataFileYAML.refuseForbiddenCharacters(in: text, file: file)
        } catch {
            let first = error.problems.first
            throw CalendarDataError(file: file, line: first?.line, message: first?.message ?? "een teken dat niet mag")
        }
    }
}
