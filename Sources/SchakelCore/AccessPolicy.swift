/// Which signals a user may see.
public enum SignalScope: Hashable, Sendable {
    /// Only signals of this municipality.
    case municipality(Int64)
    /// Every municipality of the region.
    case region
    /// Only the signals a KMT victim-track case came from, in any municipality: what victim care
    /// needs, and no other municipal signal.
    case caseOrigins
    /// No signal content at all.
    case none

    /// Whether a new signal of this municipality would be in scope. A new signal is no case's
    /// origin yet; for an existing one the store decides with the lists' SQL (`Store.signalInScope`).
    public func includes(municipalityID: Int64) -> Bool {
        switch self {
        case .municipality(let id): return id == municipalityID
        case .region: return true
        case .caseOrigins, .none: return false
        }
    }

    /// Signals of more than one municipality (the municipality filter makes sense).
    public var spansMunicipalities: Bool { self == .region || self == .caseOrigins }
}

/// Need to know: an AF sees their own municipality; the KMT's procesmanagers see the region; the
/// zorgcoördinator, who coordinates victim care, sees the signals the KMT's victim-track cases came
/// from and no other municipal signal; the procesondersteuner sees no signal content (meeting and
/// partner data only); the beheerder sees no case content. `docs/SECURITY.md` has the whole table.
/// The store enforces this in every method; screens only follow it.
public enum AccessPolicy {
    public static func signalScope(for user: User) -> SignalScope {
        switch user.role {
        case .designatedOfficer:
            guard let municipality = user.municipality else { return .none }
            return .municipality(municipality.id)
        case .processManager:
            return .region
        case .careCoordinator:
            return .caseOrigins
        case .processSupporter, .administrator:
            return .none
        }
    }
}

/// How much of a record a user may see.
public enum Visibility: Hashable, Sendable, Comparable {
    /// Nothing: the record does not exist for this user (not even in counts).
    case none
    /// Metadata only, with a code instead of names and without free text.
    case pseudonymised
    /// Everything, names on the detail screen included.
    case full
}

/// The facts about a KMT case that decide who may see it.
public struct CaseAccessFacts: Hashable, Sendable {
    public let municipalityID: Int64
    /// A perpetrator-approach case, discussed at the dadertafel.
    public let perpetratorTrack: Bool

    public init(municipalityID: Int64, perpetratorTrack: Bool) {
        self.municipalityID = municipalityID
        self.perpetratorTrack = perpetratorTrack
    }
}

extension AccessPolicy {
    /// KMT cases: an AF sees the cases of their own municipality, except perpetrator-approach
    /// ones; a procesmanager sees every case; the zorgcoördinator every victim-related case (not the
    /// dadertafel's); the procesondersteuner victim-related cases pseudonymised; the beheerder none.
    public static func caseVisibility(for user: User, _ facts: CaseAccessFacts) -> Visibility {
        switch user.role {
        case .processManager:
            return .full
        case .careCoordinator:
            return facts.perpetratorTrack ? .none : .full
        case .processSupporter:
            return facts.perpetratorTrack ? .none : .pseudonymised
        case .designatedOfficer:
            guard let municipality = user.municipality, municipality.id == facts.municipalityID, !facts.perpetratorTrack else {
                return .none
            }
            return .full
        case .administrator:
            return .none
        }
    }

    /// The SQL condition on a case table aliased `c` that keeps exactly the cases the user may see at
    /// all, so that lists, counts and searches cannot show more. `nil` when none are visible.
    public static func caseCondition(for user: User) -> (sql: String, arguments: [Int64])? {
        switch user.role {
        case .processManager:
            return ("1", [])
        case .careCoordinator, .processSupporter:
            return ("c.perpetrator_track = 0", [])
        case .designatedOfficer:
            guard let municipality = user.municipality else { return nil }
            return ("c.municipality_id = ? AND c.perpetrator_track = 0", [municipality.id])
        case .administrator:
            return nil
        }
    }

    /// Who sees the destruction list (codes, dates and rules; no content): the beheerder, who
    /// proposes a destruction, and the procesmanager, who approves it.
    public static func canKeepRetention(_ user: User) -> Bool { user.role == .administrator || user.role == .processManager }

    /// Who opens tab 7, Beheer: the beheerder (users and destruction lists) and the procesmanager
    /// (destruction lists only, to approve them).
    public static func canOpenAdministration(_ user: User) -> Bool { canManageUsers(user) || canKeepRetention(user) }

    /// Who proposes a destruction list: the beheerder.
    public static func canProposeDestruction(_ user: User) -> Bool { user.role == .administrator }

    /// Who approves one: a procesmanager, and never the login that proposed it (four eyes; nil
    /// while the proposer is not known yet).
    public static func destructionApprovalRefusal(for user: User, proposedBy: String?) -> String? {
        guard user.role == .processManager else {
            return "Alleen een procesmanager keurt een vernietigingslijst goed; \(user.login) is \(user.role.label)."
        }
        guard user.login != proposedBy else {
            return "Vier ogen: \(user.login) stelde deze lijst zelf voor en kan haar niet goedkeuren; een andere procesmanager doet dat."
        }
        return nil
    }

    /// Who gathers everything held about a person for their request for access (art. 15 AVG): the
    /// procesmanager, who sees the region.
    public static func canCompileInzage(_ user: User) -> Bool { user.role == .processManager }

    /// Who may merge two person codes into one (and undo it): the procesmanagers, who see the region.
    public static func canMergePersons(_ user: User) -> Bool { user.role == .processManager }

    /// The partner directory (sociale kaart) holds no case content: everyone reads it.
    public static func canReadPartners(_ user: User) -> Bool { true }

    /// The zorgcoördinator maintains the directory, with the procesondersteuner, the beheerder and
    /// the procesmanagers.
    public static func canEditPartners(_ user: User) -> Bool {
        [.careCoordinator, .processSupporter, .processManager, .administrator].contains(user.role)
    }

    /// Users belong to the beheerder.
    public static func canManageUsers(_ user: User) -> Bool { user.role == .administrator }

    /// So do the settings (idle lock, threshold, export folder) and the backups.
    public static func canManageSettings(_ user: User) -> Bool { user.role == .administrator }

    /// Why a setting or a backup is refused: nothing to hide about a setting, so said plainly.
    public static func settingsRefusal(for user: User) -> StoreFailure {
        .refused("Alleen een beheerder (of de eigenaar van de database) doet dit; \(user.login) is \(user.role.label).")
    }

    /// Who may open a KMT case from a signal: the KMT's procesmanagers, and the AF of the signal's
    /// municipality (the "melding KMT/VTT" step).
    public static func canOpenCase(_ user: User, fromSignalIn municipalityID: Int64) -> Bool {
        user.role == .processManager || signalScope(for: user) == .municipality(municipalityID)
    }
}

/// The kinds of meeting Schakel keeps. The raw values are stored.
public enum MeetingKind: String, CaseIterable, Hashable, Sendable {
    case casustafel
    case dadertafel
    case localUnderminingMeeting = "lokaal_ondermijningsoverleg"
    case integratedCaseMeeting = "integraal_casusoverleg"
    case themeGroup = "themagroep"
    case designatedOfficersMeeting = "werkoverleg_af"

    public var label: String {
        switch self {
        case .casustafel: return "casustafel mensenhandel"
        case .dadertafel: return "dadertafel"
        case .localUnderminingMeeting: return "lokaal ondermijningsoverleg"
        case .integratedCaseMeeting: return "integraal casusoverleg"
        case .themeGroup: return "themagroep Mensenhandel"
        case .designatedOfficersMeeting: return "werkoverleg AF"
        }
    }

    /// Held by one municipality, rather than for the region.
    public var isMunicipal: Bool { self == .localUnderminingMeeting || self == .designatedOfficersMeeting }

    /// The label with its article: "de casustafel mensenhandel", "het lokaal ondermijningsoverleg".
    public var labelWithArticle: String {
        switch self {
        case .casustafel, .dadertafel, .themeGroup: return "de \(label)"
        case .localUnderminingMeeting, .integratedCaseMeeting, .designatedOfficersMeeting: return "het \(label)"
        }
    }
}

extension AccessPolicy {
    /// Meetings: procesmanagers see all; the zorgcoördinator the regional ones but the dadertafel
    /// (a municipality's own meetings are not victim care's); the
    /// procesondersteuner the logistics of all but the dadertafel, pseudonymised (agenda items by
    /// code, no notes); the dadertafel is for procesmanagers only;
    /// an AF their own municipality's meetings in full and regional ones other than the dadertafel
    /// pseudonymised; the beheerder none.
    public static func meetingVisibility(for user: User, kind: MeetingKind, municipalityID: Int64?) -> Visibility {
        switch user.role {
        case .processManager:
            return .full
        case .careCoordinator:
            return kind == .dadertafel || kind.isMunicipal ? .none : .full
        case .processSupporter:
            return kind == .dadertafel ? .none : .pseudonymised
        case .designatedOfficer:
            guard let own = user.municipality?.id else { return .none }
            if kind.isMunicipal { return municipalityID == own ? .full : .none }
            return kind == .dadertafel ? .none : .pseudonymised
        case .administrator:
            return .none
        }
    }
}

extension AccessPolicy {
    /// The areas whose figures a user may see: an AF their own municipality and the region's
    /// totals; the KMT's roles the region and every municipality; the beheerder none.
    public static func figureAreas(for user: User) -> [FiguresArea] {
        switch user.role {
        case .administrator: return []
        case .designatedOfficer: return [.region] + (user.municipality.map { [.municipality($0)] } ?? [])
        case .processManager, .careCoordinator, .processSupporter: return [.region] + Municipality.twente.map { .municipality($0) }
        }
    }

    /// Whether the region's figures may be broken down by municipality for the user (not for an
    /// AF: other municipalities' counts are not theirs to see).
    public static func seesFiguresByMunicipality(_ user: User) -> Bool {
        figureAreas(for: user).count > 2
    }

    /// Whether any KMT case may be for the user at all (not for the beheerder).
    public static func seesCases(_ user: User) -> Bool { user.role != .administrator }

    /// Whether any meeting is for the user at all (not for the beheerder).
    public static func seesMeetings(_ user: User) -> Bool {
        MeetingKind.allCases.contains { meetingVisibility(for: user, kind: $0, municipalityID: user.municipality?.id) != .none }
    }

    /// An AF registers signals for their municipality, a procesmanager for the region. The
    /// zorgcoördinator sees only signals that became victim cases, so one she registered would vanish
    /// from her sight; the procesondersteuner and the beheerder see no signal content at all.
    public static func canRegisterSignals(_ user: User) -> Bool {
        switch signalScope(for: user) {
        case .municipality, .region: return true
        case .caseOrigins, .none: return false
        }
    }

    /// An agenda is built by those who see the meeting in full.
    public static func canEditAgenda(for user: User, kind: MeetingKind, municipalityID: Int64?) -> Bool {
        meetingVisibility(for: user, kind: kind, municipalityID: municipalityID) == .full
    }
}

extension AccessPolicy {
    /// Activities (trainings, voorlichting, lessons, campaigns) hold no personal data but the
    /// login that registered them: everyone but the beheerder sees the region's, to learn from them.
    public static func canListActivities(_ user: User) -> Bool { user.role != .administrator }

    /// The KMT's roles register and change any activity; an AF those of their own municipality (a
    /// region-wide one is the KMT's); the beheerder none.
    public static func canWriteActivity(_ user: User, municipalityID: Int64?) -> Bool {
        switch user.role {
        case .processManager, .careCoordinator, .processSupporter: return true
        case .designatedOfficer: return municipalityID != nil && municipalityID == user.municipality?.id
        case .administrator: return false
        }
    }
}

extension AccessPolicy {
    /// Consults (advies en consult), need-to-know as signals: an AF sees and registers their own
    /// municipality's; the procesmanagers and the zorgcoördinator — the KMT, who answer the phone —
    /// the region's; the procesondersteuner and the beheerder none. Never `caseOrigins`.
    public static func consultScope(for user: User) -> SignalScope {
        switch user.role {
        case .designatedOfficer:
            guard let municipality = user.municipality else { return .none }
            return .municipality(municipality.id)
        case .processManager, .careCoordinator:
            return .region
        case .processSupporter, .administrator:
            return .none
        }
    }

    /// The SQL condition on a consult table aliased `k` that keeps exactly the consults the user may
    /// see, so that lists and counts cannot show more; nil when none are visible.
    public static func consultCondition(for user: User) -> (sql: String, arguments: [Int64])? {
        switch consultScope(for: user) {
        case .municipality(let id): return ("k.municipality_id = ?", [id])
        case .region: return ("1", [])
        case .caseOrigins, .none: return nil
        }
    }

    /// Whether tab 6's consult list is for the user at all.
    public static func seesConsults(_ user: User) -> Bool { consultScope(for: user) != .none }
}
