import Meldroute
import TextSafety

/// Who checked an entry of the sociale kaart, and when.
public struct Verification: Hashable, Sendable {
    public let on: CivilDate
    public let by: String

    public init(on: CivilDate, by: String) {
        self.on = on
        self.by = by
    }

    /// Entries not checked for this long are marked and can be listed.
    public static let maximumAgeInMonths = 12

    /// Checked longer ago than the maximum on `today`.
    public func isStale(on today: CivilDate) -> Bool { on < today.adding(months: -Self.maximumAgeInMonths) }
}

/// An organisation on the sociale kaart.
public struct Partner: Hashable, Sendable {
    public var id: Int64?
    /// The version it was loaded at; nil for a new partner.
    public var version: Int?
    public var name: String
    public var shortName: String
    public var kind: String
    public var domains: PartnerDomains
    public var targetGroups: TargetGroups
    public var forms: ExploitationForms
    public var area: PartnerArea
    /// What they offer.
    public var offer: String
    public var phone: String
    public var email: String
    public var website: String
    public var address: String
    public var openingHours: String
    public var crisisLine: String
    public var crisisAlwaysReachable: Bool
    /// Nil: never checked (a shipped entry until someone checks it).
    public var verified: Verification?
    public var isArchived: Bool
    /// The shipped directory's key, for an entry that came from it.
    public var shippedKey: String?

    public init(id: Int64? = nil, version: Int? = nil, name: String, shortName: String = "", kind: String = "",
                domains: PartnerDomains = PartnerDomains(rawValue: 0), targetGroups: TargetGroups = TargetGroups(rawValue: 0),
                forms: ExploitationForms = [], area: PartnerArea = .twente, offer: String = "", phone: String = "", email: String = "",
                website: String = "", address: String = "", openingHours: String = "", crisisLine: String = "",
                crisisAlwaysReachable: Bool = false, verified: Verification? = nil, isArchived: Bool = false, shippedKey: String? = nil) {
        self.id = id
        self.version = version
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.domains = domains
        self.targetGroups = targetGroups
        self.forms = forms
        self.area = area
        self.offer = offer
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
        self.openingHours = openingHours
        self.crisisLine = crisisLine
        self.crisisAlwaysReachable = crisisAlwaysReachable
        self.verified = verified
        self.isArchived = isArchived
        self.shippedKey = shippedKey
    }

    /// The entry as the shipped directory describes it.
    public init(shipped organisation: ShippedOrganisation) {
        self.init(name: organisation.name, shortName: organisation.shortName, kind: organisation.kind,
                  domains: PartnerDomains(codes: organisation.domains), targetGroups: TargetGroups(codes: organisation.targetGroups),
                  forms: ExploitationForms(ExploitationForm.allCases.filter { organisation.forms.contains($0.code) }),
                  area: PartnerArea(words: organisation.area), offer: organisation.offer, phone: organisation.phone,
                  email: organisation.email, website: organisation.website, openingHours: organisation.openingHours,
                  crisisLine: organisation.crisisLine, crisisAlwaysReachable: organisation.crisisAlwaysReachable,
                  shippedKey: organisation.key)
    }

    /// Not checked at all, or not for twelve months, on `today`.
    public func needsChecking(on today: CivilDate) -> Bool { verified.map { $0.isStale(on: today) } ?? true }

    /// Each text field that holds more characters than it may: its label, its column in the CSV
    /// file, and "is te lang (244 tekens, hooguit 200)".
    public var lengthProblems: [(label: String, column: String, message: String)] {
        [("naam", "naam", name, 200), ("korte naam", "korte_naam", shortName, 40), ("soort", "soort", kind, 100),
         ("aanbod", "aanbod", offer, 4000), ("telefoon", "telefoon", phone, 50), ("e-mail", "email", email, 200),
         ("website", "website", website, 300), ("adres", "adres", address, 300), ("openingstijden", "openingstijden", openingHours, 200),
         ("crisislijn", "crisislijn", crisisLine, 50)]
            .filter { $0.2.count > $0.3 }
            .map { ($0.0, $0.1, "is te lang (\($0.2.count) tekens, hooguit \($0.3))") }
    }

    /// What is not in order, in Dutch; empty when it may be saved.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("naam ontbreekt") }
        problems += lengthProblems.map { "\($0.label) \($0.message)" }
        for (label, value, multiline) in [("naam", name, false), ("korte naam", shortName, false), ("soort", kind, false),
                                          ("aanbod", offer, true), ("telefoon", phone, false), ("e-mail", email, false),
                                          ("website", website, false), ("adres", address, false), ("openingstijden", openingHours, false),
                                          ("crisislijn", crisisLine, false)] {
            if let wrong = FieldCharacters.problem(in: value, multiline: multiline) { problems.append("\(label): \(wrong)") }
        }
        problems += [ContactFormat.phoneProblem(phone), ContactFormat.phoneProblem(crisisLine), ContactFormat.emailProblem(email),
                     ContactFormat.websiteProblem(website)].compactMap { $0 }
        if crisisAlwaysReachable && crisisLine.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("dag en nacht bereikbaar, maar er is geen crisislijn")
        }
        return problems
    }
}

/// A person to reach at a partner organisation.
public struct PartnerContact: Hashable, Sendable {
    public var id: Int64?
    public var version: Int?
    public var partnerID: Int64
    public var name: String
    public var function: String
    public var phone: String
    public var email: String
    public var verified: Verification?
    /// Demo data: a person who does not exist, and said so.
    public var isFictional: Bool

    public init(id: Int64? = nil, version: Int? = nil, partnerID: Int64, name: String, function: String = "", phone: String = "",
                email: String = "", verified: Verification? = nil, isFictional: Bool = false) {
        self.id = id
        self.version = version
        self.partnerID = partnerID
        self.name = name
        self.function = function
        self.phone = phone
        self.email = email
        self.verified = verified
        self.isFictional = isFictional
    }

    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("naam ontbreekt") }
        for (label, value, limit) in [("naam", name, 200), ("functie", function, 100), ("telefoon", phone, 50), ("e-mail", email, 200)]
        where value.count > limit {
            problems.append("\(label) is te lang (\(value.count) tekens, hooguit \(limit))")
        }
        for (label, value) in [("naam", name), ("functie", function), ("telefoon", phone), ("e-mail", email)] {
            if let wrong = FieldCharacters.problem(in: value) { problems.append("\(label): \(wrong)") }
        }
        return problems + [ContactFormat.phoneProblem(phone), ContactFormat.emailProblem(email)].compactMap { $0 }
    }
}

/// Which organisations to list: typed text (name, short name, offer; word starts, accents
/// ignored) and facets, all of which must hold.
public struct PartnerFilter: Hashable, Sendable {
    public var text: String
    /// At least one of these domains; empty: any.
    public var domains: PartnerDomains
    public var targetGroups: TargetGroups
    public var forms: ExploitationForms
    /// Working there (an organisation for all of Twente or the country works everywhere).
    public var municipality: String?
    public var alwaysReachableOnly: Bool
    /// Only those not checked in twelve months.
    public var needsCheckingOnly: Bool

    public init(text: String = "", domains: PartnerDomains = PartnerDomains(rawValue: 0),
                targetGroups: TargetGroups = TargetGroups(rawValue: 0), forms: ExploitationForms = [], municipality: String? = nil,
                alwaysReachableOnly: Bool = false, needsCheckingOnly: Bool = false) {
        self.text = text
        self.domains = domains
        self.targetGroups = targetGroups
        self.forms = forms
        self.municipality = municipality
        self.alwaysReachableOnly = alwaysReachableOnly
        self.needsCheckingOnly = needsCheckingOnly
    }

    public static let none = PartnerFilter()

    /// The facets in force, in words ("minderjarigen · Enschede · 24/7"); empty when none.
    public var facetLabel: String {
        var parts: [String] = []
        if !domains.isEmpty { parts.append(domains.label) }
        if !targetGroups.isEmpty { parts.append(targetGroups.label) }
        if !forms.isEmpty { parts.append(forms.members.map(\.shortLabel).joined(separator: " ")) }
        if let municipality { parts.append(municipality) }
        if alwaysReachableOnly { parts.append("24/7") }
        if needsCheckingOnly { parts.append("te controleren") }
        return parts.joined(separator: " · ")
    }
}

/// An organisation with its contact persons, and the referrals to it the user may see (newest first).
public struct PartnerDetail: Hashable, Sendable {
    public let partner: Partner
    public let contacts: [PartnerContact]
    public let referrals: [Referral]

    public init(partner: Partner, contacts: [PartnerContact], referrals: [Referral] = []) {
        self.partner = partner
        self.contacts = contacts
        self.referrals = referrals
    }
}

/// What bringing the shipped directory into a database does (or, in a dry run, would do).
public struct DirectoryUpdate: Hashable, Sendable {
    /// Organisations new to the database.
    public var added: [String] = []
    /// Shipped entries nobody changed here, brought up to date.
    public var updated: [String] = []
    /// Entries changed here that the new version also changes: left as they are.
    public var keptLocal: [String] = []

    public init() {}

    public var isEmpty: Bool { added.isEmpty && updated.isEmpty && keptLocal.isEmpty }
}

/// The sociale kaart: the partner organisations, with the access policy applied.
public protocol PartnerDirectory: Sendable {
    /// Organisations in name order, paged by key; archived ones are left out. `today` decides
    /// which need checking.
    func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate,
                     for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Partner>
    func partner(id: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> PartnerDetail?
    /// The organisations that came from the shipped directory and are not archived, by their key:
    /// what "wie bel ik voor…" names.
    func shippedPartners(for user: User) throws(StoreFailure) -> [String: Partner]
    /// Adds an organisation, or saves one loaded at `partner.version`; stamps it checked today by the user.
    func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int)
    /// Takes an organisation off the list, keeping it (and the referrals to it) in the database;
    /// refused when it changed since it was loaded at `expectedVersion`.
    func archivePartner(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure)
    /// Adds a contact person, or saves one loaded at `contact.version`; stamps it checked today.
    func saveContact(_ contact: PartnerContact, by user: User) throws(StoreFailure) -> (id: Int64, version: Int)
    func archiveContact(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure)
    /// The shipped directory's version last brought in; 0 for none.
    func shippedDirectoryVersion() throws(StoreFailure) -> Int
    /// Brings a shipped directory in without overwriting what was changed here (or, dry, says what it would do).
    func bringInShippedDirectory(_ directory: ShippedDirectory, dryRun: Bool, by user: User) throws(StoreFailure) -> DirectoryUpdate
}

/// A referral being made: to which organisation (and person there), why, and on which day.
public struct NewReferral: Hashable, Sendable {
    public var partnerID: Int64
    public var contactID: Int64?
    public var reason: String
    public var date: CivilDate

    public init(partnerID: Int64, contactID: Int64? = nil, reason: String, date: CivilDate) {
        self.partnerID = partnerID
        self.contactID = contactID
        self.reason = reason
        self.date = date
    }

    /// What is wrong with it on `today`, in Dutch, or nil.
    public func problem(today: CivilDate) -> String? {
        let reason = self.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { return "Geef de reden van de verwijzing." }
        if reason.count > 1000 { return "De reden is hooguit 1000 tekens." }
        if let wrong = FieldCharacters.firstProblem([("Reden", reason, true)]) { return wrong }
        if date > today { return "De datum van de verwijzing (\(date.dutch)) ligt in de toekomst." }
        return nil
    }
}

/// A referral to an organisation, as its detail lists it for a user who may see the signal or case.
public struct Referral: Hashable, Sendable {
    public let id: Int64
    public let subject: TimelineSubject
    public let subjectCode: String
    public let contact: String?
    public let reason: String
    public let date: CivilDate
    public let by: String

    public init(id: Int64, subject: TimelineSubject, subjectCode: String, contact: String?, reason: String, date: CivilDate, by: String) {
        self.id = id
        self.subject = subject
        self.subjectCode = subjectCode
        self.contact = contact
        self.reason = reason
        self.date = date
        self.by = by
    }
}

/// Referring a signal or case to an organisation on the sociale kaart.
public protocol ReferralKeeping: Sendable {
    /// The referral row and a `referral` line on the timeline, in one transaction; for who may see
    /// the signal or case in full.
    func refer(_ subject: TimelineSubject, _ referral: NewReferral, by user: User) throws(StoreFailure) -> Int64
}

extension PartnerDirectory {
    /// A page and an organisation a person asked for.
    public func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter = .none, today: CivilDate,
                            for user: User) throws(StoreFailure) -> Page<Partner> {
        try partnerPage(request, limit: limit, filter: filter, today: today, for: user, .asked)
    }

    public func partner(id: Int64, for user: User) throws(StoreFailure) -> PartnerDetail? {
        try partner(id: id, for: user, .asked)
    }
}
