import Testing
import Meldroute
@testable import SchakelCore

/// The minutes as they leave Schakel, and the names the screen's exports get.
@Suite struct MinutesDocumentTests {
    let meeting = Meeting(id: 7, key: ListKey(sortValue: "", id: 7), kind: .casustafel, title: "Casustafel mensenhandel",
                          startsAt: LocalDateTime(date: CivilDate(iso: "2026-12-08")!, hour: 13, minute: 30), location: "ZVHT, Hengelo",
                          municipality: nil, status: "gehouden", visibility: .full, lengthMinutes: 150, chair: "RIEC",
                          invited: ["Politie / AVIM"])
    let items = [
        AgendaItem(id: 1, position: 1, title: "Opening", subjectCode: nil, notes: "", minutesAllotted: 5, isStanding: true),
        AgendaItem(id: 2, position: 2, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: "", minutesAllotted: 20,
                   persons: ["P-00041"], forms: [.labour], municipality: "Enschede", summary: "Besproken; *geen* nieuws.",
                   decisions: ["KMT houdt de regie.", "Terug op de tafel in maart."]),
    ]
    let due = CivilDate(iso: "2026-12-15")!

    func action(_ id: Int64, item: Int64?, done: Bool = false) -> ActionItem {
        ActionItem(id: id, key: ListKey(sortValue: "", id: id), description: "Actie \(id)", owner: "Zorgcoördinator KMT", due: due,
                   subjectCode: item == nil ? nil : "C2026-0004", version: 1, meetingID: 7, agendaItemID: item, isDone: done)
    }

    @Test func eachItemHasItsSummaryDecisionsAndActions() {
        let text = MinutesDocument(meeting: meeting, items: items, actions: [action(1, item: 2), action(2, item: 2, done: true)],
                                   statusLabel: "Gehouden").markdown
        #expect(text.hasPrefix("# Verslag Casustafel mensenhandel — di 08-12-2026 13:30–16:00\n"))
        #expect(text.contains("## 1. Opening\n\nGeen verslag.\n"))
        #expect(text.contains("""
            ## 2. Bespreking C2026-0004

            - Over: C2026-0004 · Enschede · arbeidsuitbuiting · P-00041

            Besproken; \\*geen\\* nieuws.

            Besluiten:

            - KMT houdt de regie.
            - Terug op de tafel in maart.

            Acties:

            - Actie 1 (C2026-0004) — Zorgcoördinator KMT, uiterlijk 15-12-2026 (open)
            - Actie 2 (C2026-0004) — Zorgcoördinator KMT, uiterlijk 15-12-2026 (afgerond)

            """))
        #expect(!text.contains("Overige acties"))
        #expect(text.hasSuffix(MinutesDocument.confidentiality + "\n"))
    }

    @Test func actionsOfNoItemOnTheAgendaAreNotLost() {
        let text = MinutesDocument(meeting: meeting, items: items, actions: [action(3, item: nil)], statusLabel: "").markdown
        #expect(text.contains("## Overige acties\n\n- Actie 3 — Zorgcoördinator KMT, uiterlijk 15-12-2026 (open)\n"))
    }

    @Test func fileNamesAreFoldedToLettersDigitsAndDashes() {
        let local = Meeting(id: 8, key: ListKey(sortValue: "", id: 8), kind: .localUnderminingMeeting,
                            title: "Lokaal ondermijningsoverleg Hof van Twente", startsAt: meeting.startsAt, location: "",
                            municipality: "Hof van Twente", status: "gepland", visibility: .full, lengthMinutes: 90)
        #expect(MeetingDocumentKind.agenda(partner: nil).fileName(for: meeting) == "casustafel-mensenhandel-2026-12-08-agenda.md")
        #expect(MeetingDocumentKind.agenda(partner: "Politie / AVIM").fileName(for: meeting)
                == "casustafel-mensenhandel-2026-12-08-agenda-politie-avim.md")
        #expect(MeetingDocumentKind.agenda(partner: "Zorgcoördinator (KMT)").fileName(for: meeting)
                == "casustafel-mensenhandel-2026-12-08-agenda-zorgcoordinator-kmt.md")
        #expect(MeetingDocumentKind.invitation.fileName(for: local) == "lokaal-ondermijningsoverleg-hof-van-twente-2026-12-08.ics")
        #expect(MeetingDocumentKind.minutes.fileName(for: meeting) == "casustafel-mensenhandel-2026-12-08-verslag.md")
        #expect(MeetingDocumentKind.slug("../..//") == "overleg")
    }
}
