import Yams

/// The four pillars of the KMT's programme ("Samen tegen mensenhandel in Twente"), in the order the
/// annual report (jaarverslag) follows.
public enum Pillar: String, CaseIterable, Hashable, Sendable {
    case prevention = "preventie"
    case workProcess = "werkproces"
    case expertise = "deskundigheidsbevordering"
    case perpetrators = "daderaanpak"

    public var label: String { rawValue }
}

/// One word of a vocabulary as data: an id that is stored and never changes, the name shown, and
/// (for a kind of activity) the pillar it is counted under and whether the annual report lays the
/// signals of the month after it beside it (a campaign).
public struct VocabularyTerm: Hashable, Sendable {
    public let id: String
    public let label: String
    public let pillar: Pillar?
    public let showsSignalsAfter: Bool

    public init(id: String, label: String, pillar: Pillar? = nil, showsSignalsAfter: Bool = false) {
        self.id = id
        self.label = label
        self.pillar = pillar
        self.showsSignalsAfter = showsSignalsAfter
    }
}

/// The kinds of activity and their audiences, from `Resources/activiteiten/soorten.yaml`.
public struct ActivityVocabulary: Hashable, Sendable {
    public let kinds: [VocabularyTerm]
    public let audiences: [VocabularyTerm]

    public init(kinds: [VocabularyTerm], audiences: [VocabularyTerm]) {
        self.kinds = kinds
        self.audiences = audiences
    }

    /// The name of a stored kind; its id when the file no longer has it.
    public func kindLabel(_ id: String) -> String { kinds.first { $0.id == id }?.label ?? id }
    public func audienceLabel(_ id: String) -> String { audiences.first { $0.id == id }?.label ?? id }
    public func pillar(ofKind id: String) -> Pillar? { kinds.first { $0.id == id }?.pillar }
}

/// Reads the activity vocabulary, naming the first problem with its line.
public enum ActivityVocabularyFile {
    static let idPattern = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
    static let maximumIDLength = 32, maximumLabelLength = 40

    public static func parse(yaml text: String, file: String) throws(CalendarDataError) -> ActivityVocabulary {
        let root = try CalendarDataFile.compose(text, file: file)
        guard let mapping = root?.mapping else { throw CalendarDataError(file: file, line: nil, message: "verwacht 'soorten' en 'doelgroepen'") }
        let kinds = try terms("soorten", in: mapping, withPillar: true, file: file, line: root?.mark?.line)
        let audiences = try terms("doelgroepen", in: mapping, withPillar: false, file: file, line: root?.mark?.line)
        return ActivityVocabulary(kinds: kinds, audiences: audiences)
    }

    static func terms(_ key: String, in mapping: Node.Mapping, withPillar: Bool, file: String, line: Int?) throws(CalendarDataError)
        -> [VocabularyTerm] {
        guard let items = mapping[key]?.sequence, !items.isEmpty else {
            throw CalendarDataError(file: file, line: line, message: "verwacht een lijst '\(key)' met ten minste één woord")
        }
        var terms: [VocabularyTerm] = []
        for item in items {
            let line = item.mark?.line
            guard let id = item.mapping?["id"]?.string, !id.isEmpty, id.count <= maximumIDLength, id.allSatisfy(idPattern.contains) else {
                throw CalendarDataError(file: file, line: line,
                                        message: "'id' ontbreekt of is geen woord van kleine letters, cijfers en '-' (hooguit \(maximumIDLength))")
            }
            guard !terms.contains(where: { $0.id == id }) else {
                throw CalendarDataError(file: file, line: line, message: "id '\(id)' staat er twee keer in")
            }
            guard let label = item.mapping?["naam"]?.string, !label.isEmpty, label.count <= maximumLabelLength else {
                throw CalendarDataError(file: file, line: line, message: "'naam' ontbreekt of is langer dan \(maximumLabelLength) tekens")
            }
            var pillar: Pillar?
            var showsSignalsAfter = false
            if withPillar {
                if let flag = item.mapping?["signalen_erna"] {
                    guard let value = flag.string, ["ja", "nee"].contains(value) else {
                        throw CalendarDataError(file: file, line: flag.mark?.line ?? line, message: "'signalen_erna' is ja of nee")
                    }
                    showsSignalsAfter = value == "ja"
                }
                let named = item.mapping?["pijler"]?.string
                guard let found = named.flatMap(Pillar.init(rawValue:)) else {
                    let known = Pillar.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CalendarDataError(file: file, line: line, message: "'pijler' ontbreekt of is geen van: \(known)")
                }
                pillar = found
            }
            terms.append(VocabularyTerm(id: id, label: label, pillar: pillar, showsSignalsAfter: showsSignalsAfter))
        }
        return terms
    }
}
