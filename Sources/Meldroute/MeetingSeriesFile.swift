import Yams

/// How often a series of meetings comes back.
public enum MeetingRhythm: Hashable, Sendable {
    /// In the given months, in week `week` of the month (1–4, or 5 for the last), on the weekday.
    case quarterly(months: [Int], week: Int)
    /// Every `weeks` weeks, counted from `from` (moved to the weekday).
    case everyWeeks(Int, from: CivilDate)
    /// Not planned ahead: a meeting is added when it is needed.
    case onDemand
}

/// A recurring meeting (casustafel, dadertafel, ...), as `Resources/meetings/reeksen.yaml` defines it.
public struct MeetingSeriesDefinition: Hashable, Sendable {
    public let id: String
    /// The meeting kind's id (`casustafel`, `lokaal_ondermijningsoverleg`, ...).
    public let kind: String
    public let title: String
    public let rhythm: MeetingRhythm
    /// ISO weekday, 1 is Monday.
    public let weekday: Int
    public let startHour: Int
    public let startMinute: Int
    public let lengthMinutes: Int
    public let location: String
    public let chair: String
    public let organiser: String
    /// Organisations from the partner directory.
    public let invited: [String]
    /// The items every meeting of the series starts with.
    public let standingItems: [String]
    /// One meeting per municipality.
    public let perMunicipality: Bool
    public let line: Int?

    public init(id: String, kind: String, title: String, rhythm: MeetingRhythm, weekday: Int, startHour: Int,
                startMinute: Int, lengthMinutes: Int, location: String, chair: String, organiser: String,
                invited: [String], standingItems: [String], perMunicipality: Bool, line: Int?) {
        self.id = id
        self.kind = kind
        self.title = title
        self.rhythm = rhythm
        self.weekday = weekday
        self.startHour = startHour
        self.startMinute = startMinute
        self.lengthMinutes = lengthMinutes
        self.location = location
        self.chair = chair
        self.organiser = organiser
        self.invited = invited
        self.standingItems = standingItems
        self.perMunicipality = perMunicipality
        self.line = line
    }
}

/// Reads `Resources/meetings/reeksen.yaml`, reporting every problem with its file and line.
public enum MeetingSeriesFile {
    static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    /// - Parameter kinds: the meeting kinds Schakel knows, by id.
    public static func parse(yaml text: String, file: String, kinds: Set<String>) throws(WorkflowFileProblems) -> [MeetingSeriesDefinition] {
        var problems: [WorkflowFileError] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(WorkflowFileError(file: file, line: node?.line, message: message))
        }
        let root = try DataFileYAML.root(of: text, file: file)
        guard let items = root?.mapping?["reeksen"]?.sequence else {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: root?.line, message: "verwacht een lijst 'reeksen'")])
        }
        var series: [MeetingSeriesDefinition] = []
        var seen: Set<String> = []
        for item in items {
            guard let fields = item.mapping else {
                problem(item, "een reeks is een lijst van sleutels en waarden")
                continue
            }
            func text(_ key: String, required: Bool = true) -> String? {
                guard let value = fields[key]?.string, !value.isEmpty else {
                    if required { problem(item, "'\(key)' ontbreekt") }
                    return nil
                }
                return value
            }
            func number(_ key: String, in range: ClosedRange<Int>) -> Int? {
                guard let node = fields[key] else {
                    problem(item, "'\(key)' ontbreekt")
                    return nil
                }
                guard let value = node.int, range.contains(value) else {
                    problem(node, "'\(key)' is geen getal van \(range.lowerBound) tot \(range.upperBound)")
                    return nil
                }
                return value
            }
            let id = text("id")
            if let id, !seen.insert(id).inserted { problem(item, "reeks '\(id)' staat er twee keer in") }
            let kind = text("soort")
            if let kind, !kinds.contains(kind) {
                problem(fields["soort"], "onbekende soort '\(kind)'; bekend: \(kinds.sorted().joined(separator: ", "))")
            }
            let weekdayName = text("weekdag")
            let weekday = weekdayName.flatMap { weekdays.firstIndex(of: $0.lowercased()) }.map { $0 + 1 }
            if weekdayName != nil && weekday == nil { problem(fields["weekdag"], "onbekende weekdag '\(weekdayName!)'") }
            var start: (Int, Int)?
            if let clock = text("begin") {
                let parts = clock.split(separator: ":").compactMap { Int($0) }
                if parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) {
                    start = (parts[0], parts[1])
                } else {
                    problem(fields["begin"], "'begin' is geen tijd uu:mm")
                }
            }
            let length = number("duur_minuten", in: 15...600)
            var rhythm: MeetingRhythm?
            switch text("ritme") {
            case "kwartaal"?:
                let months = fields["maanden"]?.sequence?.compactMap(\.int) ?? []
                if months.isEmpty || !months.allSatisfy({ (1...12).contains($0) }) {
                    problem(fields["maanden"] ?? item, "'maanden' is een lijst van maanden 1 tot 12")
                }
                if let week = number("week", in: 1...5), !months.isEmpty { rhythm = .quarterly(months: months.sorted(), week: week) }
            case "elke_n_weken"?:
                let weeks = number("weken", in: 1...52)
                let from = text("vanaf").flatMap(CivilDate.init(iso:))
                if fields["vanaf"] != nil && from == nil { problem(fields["vanaf"], "'vanaf' is geen datum JJJJ-MM-DD") }
                if let weeks, let from { rhythm = .everyWeeks(weeks, from: from) }
            case "op_afroep"?:
                rhythm = .onDemand
            case let other?:
                problem(fields["ritme"], "onbekend ritme '\(other)'; bekend: kwartaal, elke_n_weken, op_afroep")
            case nil:
                break
            }
            let standing = fields["vaste_punten"]?.sequence?.compactMap(\.string) ?? []
            let title = text("titel"), location = text("plaats")
            guard let id, let kind, let weekday, let start, let length, let rhythm, let title, let location else { continue }
            series.append(MeetingSeriesDefinition(
                id: id, kind: kind, title: title, rhythm: rhythm, weekday: weekday, startHour: start.0, startMinute: start.1,
                lengthMinutes: length, location: location, chair: text("voorzitter", required: false) ?? "",
                organiser: text("organisator", required: false) ?? "",
                invited: fields["genodigden"]?.sequence?.compactMap(\.string) ?? [], standingItems: standing,
                perMunicipality: fields["per_gemeente"]?.bool ?? false, line: item.line))
        }
        guard problems.isEmpty else { throw WorkflowFileProblems(problems) }
        return series
    }
}
