import Meldroute

/// A flag with a word for files and a Dutch label: one member of a `FlagSet`.
public protocol CodedFlag: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == Int {
    /// The word in data files and filters.
    var code: String { get }
    var label: String { get }
}

/// A set of flags stored as a bit mask.
public struct FlagSet<Flag: CodedFlag>: Hashable, Sendable where Flag.AllCases: RandomAccessCollection {
    public var rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ flags: [Flag]) { rawValue = flags.reduce(0) { $0 | $1.rawValue } }
    /// From the words of a file; unknown words are left out (the file's checker names them).
    public init(codes: [String]) { self.init(Flag.allCases.filter { codes.contains($0.code) }) }

    public static var all: FlagSet { FlagSet(Array(Flag.allCases)) }

    public var isEmpty: Bool { rawValue == 0 }
    public func contains(_ flag: Flag) -> Bool { rawValue & flag.rawValue != 0 }
    public var members: [Flag] { Flag.allCases.filter(contains) }
    public mutating func toggle(_ flag: Flag) { rawValue ^= flag.rawValue }
    public var label: String { members.map(\.label).joined(separator: ", ") }
}

/// Where an organisation on the sociale kaart works.
public enum PartnerDomain: Int, CodedFlag {
    case care = 1, safety = 2, justice = 4, governance = 8

    public var code: String {
        switch self {
        case .care: return "zorg"
        case .safety: return "veiligheid"
        case .justice: return "straf"
        case .governance: return "bestuur"
        }
    }

    public var label: String { code }
}

/// Whom an organisation is for.
public enum TargetGroup: Int, CodedFlag {
    case minors = 1, youngPeople = 2, adults = 4, labourMigrants = 8, sexWorkers = 16, men = 32, women = 64

    public var code: String {
        switch self {
        case .minors: return "minderjarigen"
        case .youngPeople: return "jongeren"
        case .adults: return "volwassenen"
        case .labourMigrants: return "arbeidsmigranten"
        case .sexWorkers: return "sekswerkers"
        case .men: return "mannen"
        case .women: return "vrouwen"
        }
    }

    public var label: String { code }
}

extension ExploitationForm: CodedFlag {}

public typealias PartnerDomains = FlagSet<PartnerDomain>
public typealias TargetGroups = FlagSet<TargetGroup>

/// The area an organisation covers: Twente, the country, or some of the fourteen municipalities.
public enum PartnerArea: Hashable, Sendable {
    case twente
    case national
    case municipalities([String])

    /// From the words of a file: `twente`, `landelijk`, or municipality names.
    public init(words: [String]) {
        if words.contains("landelijk") {
            self = .national
        } else if words.isEmpty || words.contains("twente") {
            self = .twente
        } else {
            self = .municipalities(words)
        }
    }

    /// As stored: `twente`, `landelijk`, or the names separated by `;`.
    public var code: String {
        switch self {
        case .twente: return "twente"
        case .national: return "landelijk"
        case .municipalities(let names): return names.joined(separator: ";")
        }
    }

    public init(code: String) {
        self.init(words: code.split(separator: ";").map(String.init))
    }

    public var label: String {
        switch self {
        case .twente: return "heel Twente"
        case .national: return "landelijk"
        case .municipalities(let names): return names.joined(separator: ", ")
        }
    }

    public func covers(_ municipality: String) -> Bool {
        if case .municipalities(let names) = self { return names.contains(municipality) }
        return true
    }

    /// The words a directory file may use for the area.
    public static var fileWords: Set<String> { Set(["twente", "landelijk"] + Municipality.twente.map(\.name)) }
}

extension DirectoryVocabulary {
    /// The vocabularies of the domain, for checking the shipped directory file.
    public static let schakel = DirectoryVocabulary(
        domains: Set(PartnerDomain.allCases.map(\.code)), targetGroups: Set(TargetGroup.allCases.map(\.code)),
        forms: Set(ExploitationForm.allCases.map(\.code)), municipalities: Set(Municipality.twente.map(\.name)))
}
