import Meldroute
import SchakelCore

/// A casustafel whose every text is one of the input's fields: title, place, chair, invitees,
/// and an item per field with its notes, question, bringer, invitees, summary and decisions.
enum MeetingFixture {
    static func agenda(_ fields: FuzzInput.Fields, partner: String? = nil) -> AgendaDocument {
        AgendaDocument(meeting: meeting(fields), items: items(fields), partner: partner, statusLabel: "Gepland")
    }

    static func minutes(_ fields: FuzzInput.Fields) -> MinutesDocument {
        let actions = fields.all.indices.map { index in
            ActionItem(id: Int64(index + 1), key: ListKey(sortValue: "", id: Int64(index + 1)), description: fields[index],
                       owner: fields[index + 1], due: CivilDate(iso: "2026-12-22")!, subjectCode: fields[index + 2], version: 1)
        }
        return MinutesDocument(meeting: meeting(fields), items: items(fields), actions: actions, statusLabel: "Vastgesteld")
    }

    static func meeting(_ fields: FuzzInput.Fields) -> Meeting {
        Meeting(id: 7, key: ListKey(sortValue: "", id: 7), kind: .casustafel, title: fields[0],
                startsAt: LocalDateTime(date: CivilDate(iso: "2026-12-08")!, hour: 13, minute: 30), location: fields[1],
                municipality: nil, status: "gepland", visibility: .full, lengthMinutes: 150, chair: fields[2],
                invited: [fields[3], fields[4]])
    }

    static func items(_ fields: FuzzInput.Fields) -> [AgendaItem] {
        fields.all.indices.map { index in
            AgendaItem(id: Int64(index + 1), position: index + 1, title: fields[index], subjectCode: fields[index + 9], notes: fields[index + 1],
                       question: fields[index + 2], broughtBy: fields[index + 3], minutesAllotted: 5, persons: [fields[index + 10]], municipality: fields[index + 4],
                       invited: [fields[index + 5]], summary: fields[index + 6], decisions: [fields[index + 7], fields[index + 8]])
        }
    }
}
