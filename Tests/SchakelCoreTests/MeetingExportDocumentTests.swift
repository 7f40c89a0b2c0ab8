import Testing
import Meldroute
@testable import SchakelCore

/// The agenda as it leaves Schakel: a partner's part, Markdown that stays Markdown, and iCalendar
/// text folded and escaped as RFC 5545 says (the files themselves are read back by a real parser in
/// the end-to-end tests).
@Suite struct MeetingExportDocumentTests {
    let meeting = Meeting(id: 7, key: ListKey(sortValue: "", id: 7), kind: .casustafel, title: "Casustafel | Q4",
                          startsAt: LocalDateTime(date: CivilDate(iso: "2026-12-08")!, hour: 13, minute: 30), location: "ZVHT, Hengelo",
                          municipality: nil, status: "gepland", visibility: .full, lengthMinutes: 150, invited: ["Politie / AVIM", "OM"])
    let items = [
        AgendaItem(id: 1, position: 1, title: "Opening", subjectCode: nil, notes: "", minutesAllotted: 5, isStanding: true),
        AgendaItem(id: 2, position: 2, title: "Bespreking C2026-0004", subjectCode: "C2026-0004", notes: "",
                   question: "Wie pakt het op?", broughtBy: "Politie / AVIM", minutesAllotted: 20, persons: ["P-00041"],
                   forms: [.labour], municipality: "Enschede"),
        AgendaItem(id: 3, position: 3, title: "Bespreking C2026-0005", subjectCode: "C2026-0005", notes: "", broughtBy: "KMT",
                   minutesAllotted: 20, invited: ["OM"]),
    ]

    @Test func aPartnersAgendaIsTheStandingItemsAndTheirOwn() {
        #expect(AgendaDocument(meeting: meeting, items: items, partner: "Politie / AVIM", statusLabel: "").items.map(\.id) == [1, 2])
        #expect(AgendaDocument(meeting: meeting, items: items, partner: "OM", statusLabel: "").items.map(\.id) == [1, 3])
        #expect(AgendaDocument(meeting: meeting, items: items, partner: nil, statusLabel: "").items.count == 3)
    }

    @Test func markdownShowsCodesAndEscapesWhatWouldBreakIt() {
        let text = AgendaDocument(meeting: meeting, items: items, partner: nil, statusLabel: "Gepland").markdown
        #expect(text.hasPrefix("# Casustafel \\| Q4 — di 08-12-2026 13:30–16:00\n"))
        #expect(text.contains("- Over: C2026-0004 · Enschede · arbeidsuitbuiting · P-00041\n"))
        #expect(text.contains("- Gepland: 45 van 150 minuten\n"))
        #expect(text.hasSuffix(AgendaDocument.confidentiality + "\n"))
    }

    @Test func icalendarTextIsEscapedAndFoldedAt75OctetsWithoutSplittingACharacter() {
        #expect(ExportText.calendarText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 60)  // 12 + 120 octets
        let lines = ExportText.folded(long).components(separatedBy: "\r\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines[1].hasPrefix(" "))
        #expect(lines.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == long)
        let ics = MeetingCalendar.ics(AgendaDocument(meeting: meeting, items: items, partner: nil, statusLabel: ""), sequence: 3,
                                      stamp: "20261201T120000Z")
        #expect(ics.contains("\r\nSEQUENCE:3\r\n") && ics.contains("\r\nDTSTART;TZID=Europe/Amsterdam:20261208T133000\r\n"))
        #expect(ics.contains("\r\nDTEND;TZID=Europe/Amsterdam:20261208T160000\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
