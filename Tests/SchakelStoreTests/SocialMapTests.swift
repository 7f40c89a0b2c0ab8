import Foundation
import GRDB
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The sociale kaart in the store: the shipped directory in every new database, found by what
/// officers type and by facets, stamped when checked, and updated without losing local edits.
@Suite struct SocialMapTests {
    let directory: TemporaryDirectory
    let store: Store
    let shipped: ShippedDirectory
    var today: CivilDate { Shipped.today.date }

    init() throws {
        directory = try TemporaryDirectory()
        shipped = try Shipped.directory()
        store = try DemoDatabase.open(path: directory.path("kaart.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                      workflows: try Shipped.workflows(), meetingSeries: try Shipped.meetingSeries(),
                                      directory: shipped, now: { Date(timeIntervalSince1970: 1_795_510_800) }).store
    }

    func user(_ login: String) throws -> User { try store.user(login: login) }

    func names(_ filter: PartnerFilter, as login: String = "zc.kmt") throws -> [String] {
        try store.partnerPage(.first, limit: 100, filter: filter, today: today, for: try user(login)).rows.map(\.name)
    }

    @Test func everyOrganisationTheDomainNamesIsShippedWithPublicDataOnly() throws {
        let shortNames = Set(shipped.organisations.map { $0.shortName.isEmpty ? $0.name : $0.shortName })
        for expected in ["KMT", "ZVHT", "VRT", "VTT", "RIEC", "AVIM", "OM", "NLA", "CoMensha", "JBOV", "RvdK", "Transfore", "Jarabee",
                         "Humod", "Halt", "Loes", "Skillz", "SMD", "GGD", "Risk Factory", "EMM", "FairWork", "Wegwijzer Mensenhandel"] {
            #expect(shortNames.contains(expected), "\(expected)")
        }
        #expect(try names(.none).count == shipped.organisations.count)
        // Nothing shipped counts as checked: it is to be checked here.
        #expect(try names(PartnerFilter(needsCheckingOnly: true)).count == shipped.organisations.count)
        #expect(try store.shippedDirectoryVersion() == shipped.version)
        // The demo's contact persons are fictional, and say so.
        let contacts = try store.read { db in try Row.fetchAll(db, sql: "SELECT name, is_fictional FROM partner_contact") }
        #expect(!contacts.isEmpty && contacts.allSatisfy { ($0["is_fictional"] as Bool) && ($0["name"] as String).hasSuffix("(fictief)") })
    }

    @Test func typedTextAndFacetsNarrowTheList() throws {
        // Word starts, accents ignored, over name, short name and offer.
        #expect(try names(PartnerFilter(text: "coordinatiecentrum")) == ["CoMensha"])
        #expect(try names(PartnerFilter(text: "avim")) == ["Politie / AVIM"])
        #expect(try names(PartnerFilter(text: "opvang beschermd")) == ["Humanitas Onder Dak (Humod)"])
        // For minors in Enschede: not what works in Hengelo only.
        let minorsInEnschede = try names(PartnerFilter(targetGroups: TargetGroups([.minors]), municipality: "Enschede"))
        #expect(minorsInEnschede.contains("Veilig Thuis Twente (VTT)") && minorsInEnschede.contains("Jeugdbescherming Overijssel (JBOV)"))
        #expect(!minorsInEnschede.contains("Skillz jongerenwerk") && !minorsInEnschede.contains("GGD Twente"))
        #expect(try names(PartnerFilter(targetGroups: TargetGroups([.minors]), municipality: "Hengelo")).contains("Skillz jongerenwerk"))
        #expect(try names(PartnerFilter(alwaysReachableOnly: true)) == ["Politie / AVIM", "Veilig Thuis Twente (VTT)"])
        #expect(try names(PartnerFilter(domains: PartnerDomains([.justice]), forms: [.labour]))
                == ["Nederlandse Arbeidsinspectie (NLA)", "Openbaar Ministerie", "Politie / AVIM"])
        // The directory holds no case content: the beheerder, who keeps it too, sees it.
        #expect(try names(.none, as: "beheer").count == shipped.organisations.count)
    }

    @Test func savingStampsTheCheckAndRefusesWhatCannotBeDialled() throws {
        let vtt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "vtt"), today: today,
                                                     for: try user("zc.kmt")).rows.first)
        var wrong = vtt
        wrong.phone = "053-12345"
        #expect(throws: StoreFailure.refused("De organisatie is niet opgeslagen: '053-12345' heeft 8 cijfers; een Nederlands nummer heeft er 10.")) {
            try store.savePartner(wrong, by: try user("zc.kmt"))
        }
        var checked = vtt
        checked.openingHours = "ma–vr 9–17 uur; crisislijn altijd"
        let saved = try store.savePartner(checked, by: try user("zc.kmt"))
        let detail = try #require(try store.partner(id: saved.id, for: try user("af.enschede")))
        #expect(detail.partner.verified == Verification(on: today, by: "Zorgcoördinator KMT (demo)"))
        #expect(detail.partner.openingHours == "ma–vr 9–17 uur; crisislijn altijd" && detail.partner.version == saved.version)
        #expect(!detail.partner.needsChecking(on: today) && detail.partner.needsChecking(on: today.adding(months: 13)))
        #expect(try !names(PartnerFilter(needsCheckingOnly: true)).contains(vtt.name))
    }

    @Test func aNewerShippedDirectoryNeverOverwritesWhatWasChangedHere() throws {
        let zc = try user("zc.kmt")
        // Changed here: the KMT's offer.
        var kmt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "kenniscentrum twente"), today: today,
                                                     for: zc).rows.first)
        kmt.offer = "Ons eigen aanbod."
        try store.savePartner(kmt, by: zc)
        // Version 2 changes the KMT and Halt, and adds an organisation.
        let changed = shipped.organisations.map { organisation -> ShippedOrganisation in
            guard ["kmt", "halt"].contains(organisation.key) else { return organisation }
            return ShippedOrganisation(key: organisation.key, name: organisation.name, shortName: organisation.shortName,
                                       kind: organisation.kind, domains: organisation.domains, targetGroups: organisation.targetGroups,
                                       forms: organisation.forms, area: organisation.area, offer: "Nieuw aanbod.")
        } + [ShippedOrganisation(key: "nieuw", name: "Nieuwe Organisatie", domains: ["zorg"], targetGroups: ["volwassenen"],
                                 offer: "Iets nieuws.")]
        let next = ShippedDirectory(version: 2, organisations: changed)
        let dry = try store.bringInShippedDirectory(next, dryRun: true, by: zc)
        #expect(dry.added == ["Nieuwe Organisatie"] && dry.updated == ["Halt"] && dry.keptLocal == ["Kenniscentrum Mensenhandel Twente (KMT)"])
        let before = try store.shippedDirectoryVersion(), listed = try names(.none)
        #expect(before == 1 && !listed.contains("Nieuwe Organisatie"))
        let done = try store.bringInShippedDirectory(next, dryRun: false, by: zc)
        let version = try store.shippedDirectoryVersion()
        #expect(done == dry && version == 2)
        let offers = try store.partnerPage(.first, limit: 100, filter: .none, today: today, for: zc).rows
            .reduce(into: [String: String]()) { $0[$1.name] = $1.offer }
        #expect(offers["Kenniscentrum Mensenhandel Twente (KMT)"] == "Ons eigen aanbod.")
        #expect(offers["Halt"] == "Nieuw aanbod." && offers["Nieuwe Organisatie"] == "Iets nieuws.")
        // Again: nothing left to do.
        #expect(try store.bringInShippedDirectory(next, dryRun: true, by: zc).added.isEmpty)
        #expect(throws: StoreFailure.noAccess) { try store.bringInShippedDirectory(next, dryRun: false, by: try user("af.enschede")) }
    }

    @Test func anArchivedOrganisationLeavesTheListButStaysInTheDatabase() throws {
        let zc = try user("zc.kmt")
        let halt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "halt"), today: today, for: zc).rows.first)
        let id = try #require(halt.id), version = try #require(halt.version)
        #expect(throws: StoreFailure.noAccess) { try store.archivePartner(id, expectedVersion: version, by: try user("af.enschede")) }
        #expect(throws: StoreFailure.self) { try store.archivePartner(id, expectedVersion: version + 1, by: zc) }
        try store.archivePartner(id, expectedVersion: version, by: zc)
        #expect(try !names(.none).contains("Halt"))
        #expect(try store.partner(id: id, for: zc)?.partner.isArchived == true)
        // What wie-bel-ik names comes from the list: not an archived organisation.
        #expect(try store.shippedPartners(for: zc)["halt"] == nil)
    }

    @Test func aReferralLandsOnTheTimelineAndShowsUnderNeedToKnow() throws {
        let enschede = try user("af.enschede"), hengelo = try user("af.hengelo")
        let signalID = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT s.id FROM signal s JOIN municipality m ON m.id = s.municipality_id WHERE m.name = 'Enschede' LIMIT 1")!
        }
        let vtt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "vtt"), today: today, for: enschede).rows.first)
        let referral = NewReferral(partnerID: vtt.id!, reason: "Minderjarige; melding volgens de meldcode.", date: today)
        // Not for an officer of another municipality, not in the future, not to someone else's contact.
        #expect(throws: StoreFailure.noAccess) { try store.refer(.signal(signalID), referral, by: hengelo) }
        var later = referral
        later.date = today.adding(days: 1)
        #expect(throws: StoreFailure.refused("De datum van de verwijzing (25-11-2026) ligt in de toekomst.")) {
            try store.refer(.signal(signalID), later, by: enschede)
        }
        let otherContact = try store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM partner_contact WHERE partner_id <> ? LIMIT 1", arguments: [vtt.id!])!
        }
        var wrongContact = referral
        wrongContact.contactID = otherContact
        #expect(throws: StoreFailure.self) { try store.refer(.signal(signalID), wrongContact, by: enschede) }
        let before = try store.timelinePage(of: .signal(signalID), .last, limit: 100, for: enschede).rows.count
        #expect(before > 0)

        _ = try store.refer(.signal(signalID), referral, by: enschede)
        let last = try store.timelinePage(of: .signal(signalID), kinds: [.referral], .last, limit: 1, for: enschede).rows.first
        #expect(last?.text == "Verwezen naar Veilig Thuis Twente (VTT) op 24-11-2026: Minderjarige; melding volgens de meldcode.")
        // The organisation lists it for whom may see the signal: not for Hengelo's officer, not for the beheerder.
        #expect(try store.partner(id: vtt.id!, for: enschede)?.referrals.map(\.reason) == [referral.reason])
        // Nor for the zorgcoördinator: this signal never became a victim case (CareCoordinatorScopeTests has one that did).
        #expect(try store.partner(id: vtt.id!, for: try user("zc.kmt"))?.referrals.isEmpty == true)
        #expect(try store.partner(id: vtt.id!, for: hengelo)?.referrals.isEmpty == true)
        #expect(try store.partner(id: vtt.id!, for: try user("beheer"))?.referrals.isEmpty == true)
    }

    @Test func anImportIsAllOrNothingAndADryRunWritesNothing() throws {
        let zc = try user("zc.kmt")
        var halt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "halt"), today: today, for: zc).rows.first)
        halt.id = nil
        halt.version = nil
        halt.phone = "088-1234567"
        let new = Partner(name: "Stichting Nieuw", offer: "Iets nieuws.", phone: "053-4800000")
        let dry = try store.importPartners([halt, new], dryRun: true, by: zc)
        #expect(dry.added == ["Stichting Nieuw"] && dry.updated == ["Halt"])
        #expect(try !names(.none).contains("Stichting Nieuw"))
        // One bad row: nothing at all.
        var bad = new
        bad.name = "Stichting Fout"
        bad.phone = "12"
        #expect(throws: StoreFailure.self) { try store.importPartners([halt, bad], dryRun: false, by: zc) }
        #expect(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "halt"), today: today, for: zc).rows.first?.phone == "")
        #expect(try store.importPartners([halt, new], dryRun: false, by: zc) == dry)
        #expect(try names(.none).contains("Stichting Nieuw"))
        #expect(try store.importPartners([halt, new], dryRun: true, by: zc).isEmpty)
        #expect(throws: StoreFailure.noAccess) { try store.importPartners([new], dryRun: false, by: try user("af.enschede")) }
    }

    @Test func aContactIsCheckedWhenSavedAndArchivedOnlyAtTheVersionSeen() throws {
        let zc = try user("zc.kmt")
        let vtt = try #require(try store.partnerPage(.first, limit: 1, filter: PartnerFilter(text: "vtt"), today: today, for: zc).rows.first)
        var contact = PartnerContact(partnerID: vtt.id!, name: "S. Bakker (fictief)", function: "teamleider", phone: "06-123")
        #expect(throws: StoreFailure.self) { try store.saveContact(contact, by: zc) }
        contact.phone = "06-00004321"
        #expect(throws: StoreFailure.noAccess) { try store.saveContact(contact, by: try user("af.enschede")) }
        let saved = try store.saveContact(contact, by: zc)
        let found = try #require(try store.partner(id: vtt.id!, for: zc)?.contacts.first { $0.id == saved.id })
        #expect(found.verified == Verification(on: today, by: "Zorgcoördinator KMT (demo)") && found.function == "teamleider")
        #expect(throws: StoreFailure.self) { try store.archiveContact(saved.id, expectedVersion: saved.version + 1, by: zc) }
        try store.archiveContact(saved.id, expectedVersion: saved.version, by: zc)
        #expect(try store.partner(id: vtt.id!, for: zc)?.contacts.contains { $0.id == saved.id } == false)
    }
}
