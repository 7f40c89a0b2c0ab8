import Meldroute

/// A meeting as an iCalendar file (RFC 5545) that Outlook imports: a VTIMEZONE for
/// Europe/Amsterdam, times in that zone, CRLF line ends, lines folded at 75 octets, text escaped,
/// a UID that stays the meeting's and a SEQUENCE that rises when it changes.
public enum MeetingCalendar {
    /// - Parameters:
    ///   - stamp: when the file is made, UTC, as `20261201T120000Z`.
    ///   - domain: the right-hand side of the UID, naming the Schakel installation.
    public static func ics(_ document: AgendaDocument, sequence: Int, stamp: String, domain: String = "schakel.kmt-twente.nl") -> String {
        let meeting = document.meeting
        var description = [document.partner.map { "Agenda voor \($0)" } ?? "Agenda", ""]
        for (index, item) in document.items.enumerated() {
            description.append("\(index + 1). \(item.title) (\(item.minutesAllotted) min)")
            if let about = AgendaDocument.about(item) { description.append("   \(about)") }
            if !item.question.isEmpty { description.append("   Vraag: \(item.question)") }
        }
        description += ["", AgendaDocument.confidentiality]
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kenniscentrum Mensenhandel Twente//Schakel//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] + amsterdam + [
            "BEGIN:VEVENT",
            "UID:overleg-\(meeting.id)@\(domain)",
            "DTSTAMP:\(stamp)",
            "SEQUENCE:\(sequence)",
            "DTSTART;TZID=Europe/Amsterdam:\(meeting.startsAt.isoBasic)",
            "DTEND;TZID=Europe/Amsterdam:\(meeting.startsAt.adding(minutes: meeting.lengthMinutes).isoBasic)",
            "SUMMARY:\(ExportText.calendarText(meeting.title))",
            "LOCATION:\(ExportText.calendarText(meeting.location))",
            "DESCRIPTION:\(ExportText.calendarText(description.joined(separator: "\n")))",
            "STATUS:\(meeting.status == "vervallen" ? "CANCELLED" : "CONFIRMED")",
            "CLASS:CONFIDENTIAL",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return lines.map(ExportText.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// Europe/Amsterdam since 1996: summer time from the last Sunday of March, 02:00, to the last
    /// Sunday of October, 03:00.
    static let amsterdam = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}
