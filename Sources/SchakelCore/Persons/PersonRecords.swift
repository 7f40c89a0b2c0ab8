import Meldroute

/// A person of a signal or case, as its list of persons shows them: the code, the current data and
/// the role in this signal or case.
public struct SubjectPerson: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let initials: String
    public let birthYear: Int?
    public let role: PersonRole
    public let givenName: String
    public let familyName: String

    public init(id: Int64, code: String, initials: String, birthYear: Int?, role: PersonRole, givenName: String, familyName: String) {
        self.id = id
        self.code = code
        self.initials = initials
        self.birthYear = birthYear
        self.role = role
        self.givenName = givenName
        self.familyName = familyName
    }

    public var fullName: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// A known person who may be the one being added: "P-00197 O.K. 1987 (S2026-0031, C2026-0008)".
/// Only persons of signals and cases the user sees in full are ever offered, and only those codes.
public struct PersonMatch: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let initials: String
    public let birthYear: Int?
    /// The codes of the signals and cases the user sees where the person appears.
    public let appearsIn: [String]

    public init(id: Int64, code: String, initials: String, birthYear: Int?, appearsIn: [String]) {
        self.id = id
        self.code = code
        self.initials = initials
        self.birthYear = birthYear
        self.appearsIn = appearsIn
    }

    /// "P-00197 O.K. 1987 (S2026-0031, C2026-0008)"
    public var offerText: String {
        let year = birthYear.map { " \($0)" } ?? ""
        return "\(code) \(initials)\(year) (\(appearsIn.joined(separator: ", ")))"
    }
}

/// One signal or case a person appears in, as the person view lists it.
public struct PersonAppearance: Hashable, Sendable {
    public let subject: TimelineSubject
    public let code: String
    public let receivedAt: LocalDateTime
    public let municipality: String
    public let role: PersonRole
    /// The state in its workflow (the signal's route or the case's), as a state name.
    public let state: String

    public init(subject: TimelineSubject, code: String, receivedAt: LocalDateTime, municipality: String, role: PersonRole, state: String) {
        self.subject = subject
        self.code = code
        self.receivedAt = receivedAt
        self.municipality = municipality
        self.role = role
        self.state = state
    }
}

/// Everything the user may see about one person: the current data, and the signals and cases they
/// appear in that the user sees in full (never the others, nor how many there are).
public struct PersonRecord: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let initials: String
    public let birthYear: Int?
    public let givenName: String
    public let familyName: String
    public let appearances: [PersonAppearance]
    /// The codes merged into this one that can still be separated again, newest first.
    public let mergedCodes: [String]

    public init(id: Int64, code: String, initials: String, birthYear: Int?, givenName: String, familyName: String,
                appearances: [PersonAppearance], mergedCodes: [String] = []) {
        self.id = id
        self.code = code
        self.initials = initials
        self.birthYear = birthYear
        self.givenName = givenName
        self.familyName = familyName
        self.appearances = appearances
        self.mergedCodes = mergedCodes
    }

    public var fullName: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// A person's data as corrected: the new values of every field (what differs from the current
/// values is the change).
public struct PersonCorrection: Hashable, Sendable {
    public let initials: String
    public let birthYear: Int?
    public let givenName: String
    public let familyName: String

    public init(initials: String, birthYear: Int?, givenName: String, familyName: String) {
        self.initials = initials
        self.birthYear = birthYear
        self.givenName = givenName
        self.familyName = familyName
    }
}

/// A person added to a signal or case after its registration: the new code (or the known one).
public struct AddedPerson: Hashable, Sendable {
    public let id: Int64
    public let code: String

    public init(id: Int64, code: String) {
        self.id = id
        self.code = code
    }
}

/// Keeping the persons of signals and cases after registration, within need-to-know: each write
/// is refused (and audited) unless the user sees the signal or case in full, and a person is found
/// or offered only through a signal or case the user sees in full.
public protocol PersonKeeping: Sendable {
    /// The persons of a signal or case, in the order they were added.
    func persons(of subject: TimelineSubject, for user: User) throws(StoreFailure) -> [SubjectPerson]
    /// Known persons who may be `person`: the same family name (case and diacritics ignored), or the
    /// same initials and birth year; only those in signals and cases the user sees in full.
    func possibleMatches(for person: NewPerson, for user: User) throws(StoreFailure) -> [PersonMatch]
    /// A new person (a new code) on the signal or case, with a timeline line and an audit entry.
    func addPerson(_ person: NewPerson, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson
    /// A known person linked to the signal or case in `role` (no new code).
    func linkPerson(_ personID: Int64, role: PersonRole, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson
    /// The person's role in this signal or case changed, with the reason on its timeline.
    func changeRole(of personID: Int64, on subject: TimelineSubject, from old: PersonRole, to new: PersonRole, reason: String,
                    by user: User) throws(StoreFailure)
    /// The person's data corrected (seen from `subject`), with what changed and the reason on the
    /// timeline of every signal and case the person appears in.
    func correctPerson(_ personID: Int64, on subject: TimelineSubject, to correction: PersonCorrection, reason: String,
                       by user: User) throws(StoreFailure)
    /// What the user may see about the person; nil when nothing (or it does not exist: the same).
    func personRecord(id: Int64, for user: User) throws(StoreFailure) -> PersonRecord?
    /// Two codes found to be one individual become one (procesmanager only): every link of
    /// `absorbed` moves to `survivor`, `absorbed` keeps a tombstone pointing to it, and the merge
    /// with its reason is on the timeline of every signal and case involved.
    func mergePersons(_ absorbed: String, into survivor: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge
    /// Undoes the last merge of `absorbed`, as long as nothing was linked to or changed on the
    /// survivor since (procesmanager only).
    func undoMerge(of absorbed: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge
}

/// A merge done or undone: the codes, and how many links moved.
public struct PersonMerge: Hashable, Sendable {
    public let absorbed: String
    public let survivor: String
    public let movedLinks: Int

    public init(absorbed: String, survivor: String, movedLinks: Int) {
        self.absorbed = absorbed
        self.survivor = survivor
        self.movedLinks = movedLinks
    }
}
