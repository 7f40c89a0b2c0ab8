import Foundation
import Meldroute
import SchakelCore
import TerminalKit
@testable import SchakelApp

/// The fake store: the sociale kaart: organisations, contacts, the shipped directory, referrals.
extension FakeSignals {
    func partnerPage(_ request: PageRequest, limit: Int, filter: PartnerFilter, today: CivilDate,
                     for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> Page<Partner> {
        reads.append(ReadRecord(what: "partners", occasion: occasion))
        partnerFilters.append(filter)
        let matching = partners.map(\.partner).filter { partner in
            (filter.text.isEmpty || [partner.name, partner.shortName, partner.offer].contains { $0.localizedCaseInsensitiveContains(filter.text) })
                && (filter.targetGroups.isEmpty || filter.targetGroups.rawValue & partner.targetGroups.rawValue != 0)
                && (filter.municipality.map(partner.area.covers) ?? true)
                && (!filter.alwaysReachableOnly || partner.crisisAlwaysReachable)
        }
        return Self.page(matching, request, limit: limit, newestFirst: false, key: \.listKey)
    }

    func partner(id: Int64, for user: User, _ occasion: ReadOccasion) throws(StoreFailure) -> PartnerDetail? {
        reads.append(ReadRecord(what: "partner", occasion: occasion))
        return partners.first { $0.partner.id == id }
    }

    func shippedPartners(for user: User) throws(StoreFailure) -> [String: Partner] {
        Dictionary(partners.compactMap { detail in detail.partner.shippedKey.map { ($0, detail.partner) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Saves over the loaded version, stamped as the store does; a colleague's change first is a conflict.
    func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        var saved = partner
        saved.verified = Verification(on: Fixtures.today, by: user.displayName)
        guard let id = partner.id else {
            saved.id = Int64(100 + partners.count)
            saved.version = 1
            partners.append(PartnerDetail(partner: saved, contacts: []))
            partners.sort { $0.partner.name < $1.partner.name }
            return (saved.id!, 1)
        }
        guard let index = partners.firstIndex(where: { $0.partner.id == id }), partners[index].partner.version == partner.version else {
            throw .conflict(ConcurrentChange(by: "po.kmt", at: Fixtures.clock.now(), what: "de gegevens van \(partner.name) zijn gewijzigd."))
        }
        saved.version = (partner.version ?? 0) + 1
        partners[index] = PartnerDetail(partner: saved, contacts: partners[index].contacts)
        return (id, saved.version!)
    }

    /// Saves a contact person on the fake organisation, stamped as the store does.
    func saveContact(_ contact: PartnerContact, by user: User) throws(StoreFailure) -> (id: Int64, version: Int) {
        guard let index = partners.firstIndex(where: { $0.partner.id == contact.partnerID }) else { throw .noAccess }
        var saved = contact
        saved.verified = Verification(on: Fixtures.today, by: user.displayName)
        saved.version = (contact.version ?? 0) + 1
        var contacts = partners[index].contacts
        if let at = contacts.firstIndex(where: { $0.id != nil && $0.id == contact.id }) {
            contacts[at] = saved
        } else {
            saved.id = Int64(200 + contacts.count)
            contacts.append(saved)
        }
        partners[index] = PartnerDetail(partner: partners[index].partner, contacts: contacts, referrals: partners[index].referrals)
        return (saved.id!, saved.version!)
    }

    func archiveContact(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        for (index, detail) in partners.enumerated() where detail.contacts.contains(where: { $0.id == id }) {
            partners[index] = PartnerDetail(partner: detail.partner, contacts: detail.contacts.filter { $0.id != id }, referrals: detail.referrals)
        }
    }

    func shippedDirectoryVersion() throws(StoreFailure) -> Int { directoryVersion }

    func bringInShippedDirectory(_ directory: ShippedDirectory, dryRun: Bool, by user: User) throws(StoreFailure) -> DirectoryUpdate {
        if !dryRun {
            broughtIn.append(directory.version)
            directoryVersion = directory.version
        }
        var update = DirectoryUpdate()
        update.added = directory.organisations.map(\.name)
        return update
    }

    func refer(_ subject: TimelineSubject, _ referral: NewReferral, by user: User) throws(StoreFailure) -> Int64 {
        if let problem = referral.problem(today: Fixtures.today) { throw .refused(problem) }
        referrals.append((subject, referral))
        return Int64(referrals.count)
    }

    func archivePartner(_ id: Int64, expectedVersion: Int, by user: User) throws(StoreFailure) {
        guard let index = partners.firstIndex(where: { $0.partner.id == id && $0.partner.version == expectedVersion }) else {
            throw .refused("Deze organisatie is intussen gewijzigd of al gearchiveerd; er is niets gearchiveerd.")
        }
        partners.remove(at: index)
    }
}
