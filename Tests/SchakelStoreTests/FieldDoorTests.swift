import Foundation
import Testing
import TestSupport
import Meldroute
import SchakelCore
@testable import SchakelStore
import SchakelDemo

/// The store's door, whichever screen or command comes through it: no control or bidi character in
/// a signal, a note, a meeting, an agenda item, minutes, an action item, a referral or a user; a
/// line break only where the text is long. Nothing is written when it is refused.
@Suite struct FieldDoorTests {
    let directory: TemporaryDirectory
    let store: Store
    let pm: User

    init() throws {
        directory = try TemporaryDirectory()
        store = try DemoDatabase.open(path: directory.path("deur.sqlite"), today: Shipped.today, calendar: WorkingDayCalendar(),
                                      workflows: try Shipped.workflows()).store
        pm = try store.user(login: "pm.kmt")
    }

    /// The message a refusal gives, or nil when it went through.
    func refusal(_ attempt: () throws(StoreFailure) -> Void) -> String? {
        do {
            try attempt()
            return nil
        } catch {
            if case .refused(let message) = error { return message }
            return "\(error)"
        }
    }

    @Test func everyWriteRefusesWhatNoFieldHolds() throws {
        let enschede = Municipality.twente[3]
        let beheer = try store.user(login: "beheer")
        func signal(location: String, description: String = "Beschrijving.") -> NewSignal {
            NewSignal(source: .phone, reporterType: .anonymous, municipality: enschede, forms: [.labour], description: description, location: location)
        }
        #expect(refusal { () throws(StoreFailure) in _ = try store.registerSignal(signal(location: "Markt\u{1B}[2J"), by: pm) }
            == "Locatie: een stuurteken (U+001B) op positie 6; typ of plak de tekst zonder.")
        let id = try store.registerSignal(signal(location: "Markt", description: "Twee\nregels."), by: pm).id
        #expect(refusal { () throws(StoreFailure) in _ = try store.addNote("Notitie\u{202E}", to: .signal(id), by: pm) }?
            .hasPrefix("Notitie: een teken dat de leesrichting omdraait (U+202E) op positie 8") == true)
        #expect(refusal { () throws(StoreFailure) in _ = try store.addNote("Regel een\nregel twee", to: .signal(id), by: pm) } == nil)
        #expect(refusal { () throws(StoreFailure) in
            _ = try store.addActionItem(about: .signal(id), description: "Bellen\u{9B}", owner: "KMT", due: Shipped.today.date, by: pm)
        }?.hasPrefix("Afspraak: een stuurteken (U+009B)") == true)
        #expect(refusal { () throws(StoreFailure) in
            _ = try store.planMeeting(kind: .casustafel, title: "Casus\ntafel", startsAt: Shipped.today.adding(minutes: 60 * 24 * 7),
                                      location: "", municipality: nil, by: pm)
        }?.hasPrefix("Titel: een regeleinde (U+000A) op positie 6") == true)
        let meeting = try store.planMeeting(kind: .casustafel, title: "Casustafel", startsAt: Shipped.today.adding(minutes: 60 * 24 * 7),
                                            location: "", municipality: nil, by: pm)
        let version = try store.meetingVersion(meeting)
        #expect(refusal { () throws(StoreFailure) in
            _ = try store.addAgendaItem(AgendaItemDraft(title: "Punt", invited: ["OM\u{2066}"]), about: nil, toMeeting: meeting,
                                        expectedVersion: version, by: pm)
        }?.hasPrefix("Ook uitgenodigd: een teken dat de leesrichting omdraait (U+2066) op positie 3") == true)
        #expect(refusal { () throws(StoreFailure) in
            try store.createUser(login: "af.nieuw", displayName: "Nieuwe\u{7F}AF", role: .designatedOfficer, municipality: enschede,
                                 by: beheer)
        }?.hasPrefix("Naam: een stuurteken (U+007F) op positie 7") == true)
        #expect(MinutesEntry(summary: "Besproken.\nVervolg volgt.", decision: "Eén\ntwee").problem(today: Shipped.today.date)?
            .hasPrefix("Besluit: een regeleinde (U+000A) op positie 4") == true)
        #expect(NewReferral(partnerID: 1, reason: "Opvang\u{0}", date: Shipped.today.date).problem(today: Shipped.today.date)?
            .hasPrefix("Reden: een stuurteken (U+0000) op positie 7") == true)
        // Nothing refused was written: the signal has its receipt and the one note, no action item; the
        // meeting no item; there is no new user.
        let written = try store.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM timeline_event WHERE subject_type = 'signal' AND subject_id = ?", arguments: [id])!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM action_item WHERE subject_type = 'signal' AND subject_id = ?", arguments: [id])!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM agenda_item WHERE meeting_id = ?", arguments: [meeting])!,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user WHERE login = 'af.nieuw'")!]
        }
        #expect(written == [2, 0, 0, 0])
    }
}
