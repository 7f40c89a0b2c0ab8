import Meldroute
import SchakelCore
import SchakelStore

/// The demo's meetings: the coming year's from the shipped series, a casustafel held last quarter,
/// and items about demo cases and signals on the first of each.
extension DemoHistory {
    mutating func addMeetings(_ importer: BulkImport) throws {
        guard !meetingSeries.isEmpty else { return }
        let upcoming = MeetingSchedule.upcoming(meetingSeries, from: today.date, calendar: calendar)
        // Last quarter's casustafel, held: its series' meetings from four months back, the last before today.
        let earlier = MeetingSchedule.upcoming(meetingSeries.filter { $0.kind == MeetingKind.casustafel.rawValue },
                                               from: today.date.adding(days: -120), months: 4, calendar: calendar)
        if let held = earlier.last(where: { $0.startsAt.date < today.date }), let id = try importer.addMeeting(held, status: "gehouden") {
            try addItems(to: id, kind: .casustafel, municipality: nil, importer)
        }
        var furnished: Set<String> = []
        for planned in upcoming {
            guard let id = try importer.addMeeting(planned) else { continue }
            // The first meeting of each series (of Enschede and Hengelo, for the local ones) gets items.
            let which = "\(planned.series)/\(planned.municipality?.id ?? 0)"
            let local = planned.municipality.map { [4, 7].contains($0.id) } ?? true
            guard local, furnished.insert(which).inserted else { continue }
            try addItems(to: id, kind: planned.kind, municipality: planned.municipality, importer)
        }
        try addEarlierTables(importer)
        try addWaiting(importer)
    }

    /// The regional tables held before: each case that went up to one is on the agenda of the first
    /// of its kind after that, held. The last months are the meetings' above.
    private func addEarlierTables(_ importer: BulkImport) throws {
        let before = today.date.adding(days: -150)
        var held: [String: (id: Int64, items: Int)] = [:]
        for escalation in escalations where escalation.at.date < before {
            let series = meetingSeries.filter { $0.kind == escalation.table.rawValue }
            guard let meeting = MeetingSchedule.upcoming(series, from: escalation.at.date.adding(days: 1), months: 4, calendar: calendar)
                .first(where: { $0.startsAt.date < before }) else { continue }
            if held[meeting.occurrence] == nil, let id = try importer.addMeeting(meeting, status: "gehouden") {
                held[meeting.occurrence] = (id, 0)
            }
            guard let (id, items) = held[meeting.occurrence] else { continue }
            try importer.addAgendaItem(toMeeting: id, position: items + 1, about: .kmtCase(escalation.id), title: "Bespreking \(escalation.code)")
            held[meeting.occurrence] = (id, items + 1)
        }
    }

    /// Cases and signals a step marked for a table, not yet on an agenda: the waiting list.
    private func addWaiting(_ importer: BulkImport) throws {
        let reasons = ["Meerdere partijen betrokken; afstemming aan tafel nodig.", "Zicht op het netwerk rond de werkgever nodig.",
                       "Besluit: bespreken in het lokaal ondermijningsoverleg."]
        for (offset, found) in try importer.cases(perpetratorTrack: false, limit: 6).dropFirst(3).enumerated() {
            try importer.addDiscussionRequest(
                about: .kmtCase(found.id), kind: .casustafel, municipality: nil, reason: reasons[offset % 2],
                requestedAt: LocalDateTime(date: calendar.addWorkingDays(-(5 + 7 * offset), to: today.date), hour: 11, minute: 0))
        }
        for municipality in [Municipality.twente[3], Municipality.twente[6]] {
            let signals = try importer.signals(in: municipality.id, states: ["doorgezet"], limit: 5).dropFirst(3)
            for (offset, found) in signals.enumerated() {
                try importer.addDiscussionRequest(
                    about: .signal(found.id), kind: .localUnderminingMeeting, municipality: municipality, reason: reasons[2],
                    requestedAt: LocalDateTime(date: calendar.addWorkingDays(-(2 + 4 * offset), to: today.date), hour: 15, minute: 30))
            }
        }
    }

    /// Cases for the regional tables, signals at a decision for the municipal ones.
    private func addItems(to meetingID: Int64, kind: MeetingKind, municipality: Municipality?, _ importer: BulkImport) throws {
        let subjects: [(TimelineSubject, String)]
        switch kind {
        case .dadertafel:
            subjects = try importer.cases(perpetratorTrack: true, limit: 3).map { (.kmtCase($0.id), $0.code) }
        case .casustafel:
            subjects = try importer.cases(perpetratorTrack: false, limit: 3).map { (.kmtCase($0.id), $0.code) }
        case .localUnderminingMeeting, .designatedOfficersMeeting:
            guard let municipality else { return }
            // One at its decision, then the latest passed on.
            let atDecision = try importer.signals(in: municipality.id, states: ["beslismoment"], limit: 1)
            let passedOn = try importer.signals(in: municipality.id, states: ["doorgezet"], limit: 1000).suffix(3)
            subjects = (atDecision + passedOn).prefix(3).map { (.signal($0.id), $0.code) }
        default:
            subjects = []
        }
        for (index, (subject, code)) in subjects.enumerated() {
            try importer.addAgendaItem(toMeeting: meetingID, position: index + 1, about: subject, title: "Bespreking \(code)")
        }
    }
}
