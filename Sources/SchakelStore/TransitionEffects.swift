import Foundation
import GRDB
import Meldroute
import SchakelCore

/// Carries out a transition's effects in the same transaction as the step itself: the follow-up
/// steps of a decision become a KMT case, an agenda item or an agreement; a scale-up is put on
/// the next table; a referral is recorded with the partner. Each leaves a line on the timeline.
struct TransitionEffects {
    let db: Database
    let subject: TimelineSubject
    let row: Row
    let user: User
    let moment: Date
    let origin: SessionOrigin
    /// The KMT process, for a case the step opens.
    let caseProcess: WorkflowEngine

    private var utc: String { AmsterdamTime.utcText(of: moment) }
    private var code: String { row["code"] }

    func run(_ fired: FiredTransition) throws {
        for effect in fired.effects {
            switch effect {
            case "vervolgstappen_uitzetten":
                guard case .choices(let steps)? = fired.fields["vervolgstappen"] else { continue }
                for step in steps { try followUp(step) }
            case "agenderen":
                guard case .choice(let table)? = fired.fields["tafel"], let kind = MeetingKind(rawValue: table) else { continue }
                try putOnNextMeeting(kind, municipalityID: nil)
            case "verwijzing_vastleggen":
                guard case .text(let organisation)? = fired.fields["organisatie"] else { continue }
                try recordReferral(to: organisation, reason: fired.fields["reden"].flatMap { if case .text(let t) = $0 { t } else { nil } } ?? "")
            default:
                // The others change facts (crisis) or are for later: the retention period has no
                // store of its own yet, the acknowledgement is shown when a signal is registered.
                continue
            }
        }
    }

    private func followUp(_ step: String) throws {
        switch step {
        case "kmt_vtt":
            try openCase()
        case "ondermijningsoverleg":
            try putOnNextMeeting(.localUnderminingMeeting, municipalityID: row["municipality_id"])
        case "regie_wmo":
            try agree("Melding doen bij de regie WMO over \(code)")
        case "riec":
            try agree("Melding doen bij het RIEC (ondermijning) over \(code)")
        default:
            break
        }
    }

    /// The KMT gets a case for the signal, unless it has one already.
    private func openCase() throws {
        guard subject.typeName == "signal" else { return }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM kmt_case WHERE signal_id = ?)", arguments: [subject.id])! {
            return
        }
        let created = try CaseCreation.insert(
            fromSignal: row, at: moment, caseProcess: caseProcess,
            receivedLine: "Casus aangemeld door de AF: melding KMT/VTT bij signaal \(code).", authorID: user.id, in: db)
        try line(on: subject, kind: .referral, "Aangemeld bij het KMT als casus \(created.code).")
        try AuditLog.append(AuditRecord(.create, "case", String(created.id), detail: "\(created.code) uit \(code), besluit"),
                            actor: user.login, origin: origin, at: moment, in: db)
    }

    /// On the agenda of the next planned meeting of that kind (of the municipality, if given).
    private func putOnNextMeeting(_ kind: MeetingKind, municipalityID: Int64?) throws {
        let meeting = try Row.fetchOne(db, sql: """
            SELECT id, starts_at FROM meeting
            WHERE kind = ? AND status = 'gepland' AND starts_at >= ? AND (? IS NULL OR municipality_id = ?)
            ORDER BY starts_at LIMIT 1
            """, arguments: [kind.rawValue, utc, municipalityID, municipalityID])
        guard let meeting else {
            try line(on: subject, kind: .meeting, "Voor het \(kind.label) is nog geen overleg gepland: agenderen zodra er een is.")
            return
        }
        let meetingID: Int64 = meeting["id"]
        let position = (try Int.fetchOne(db, sql: "SELECT max(position) FROM agenda_item WHERE meeting_id = ?", arguments: [meetingID]) ?? 0) + 1
        try db.execute(sql: "INSERT INTO agenda_item (meeting_id, position, subject_type, subject_id, title) VALUES (?, ?, ?, ?, ?)",
                       arguments: [meetingID, position, subject.typeName, subject.id, "Bespreking \(code)"])
        let when = AmsterdamTime.localTime(fromUTC: meeting["starts_at"])?.date.dutch ?? ""
        try line(on: subject, kind: .meeting, "Geagendeerd voor het \(kind.label) van \(when).")
    }

    /// An agreement for the officer, due in three days.
    private func agree(_ description: String) throws {
        let due = AmsterdamTime.localTime(of: moment.addingTimeInterval(3 * 86_400)).date
        try db.execute(sql: """
            INSERT INTO action_item (subject_type, subject_id, description, owner, due_date, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, description, user.displayName, due.iso, utc])
        try line(on: subject, kind: .action, "Afspraak: \(description) (\(user.displayName), uiterlijk \(due.dutch)).")
    }

    /// With the partner on the sociale kaart when it is there by name.
    private func recordReferral(to organisation: String, reason: String) throws {
        if let partnerID = try Int64.fetchOne(db, sql: "SELECT id FROM partner WHERE lower(name) = lower(?) OR lower(name) LIKE lower(?) || ' (%'",
                                              arguments: [organisation, organisation]) {
            try db.execute(sql: """
                INSERT INTO referral (subject_type, subject_id, partner_id, referred_at, reason, author_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, partnerID, utc, reason, user.id])
        } else {
            try line(on: subject, kind: .referral, "\(organisation) staat niet op de sociale kaart; de verwijzing staat alleen op de tijdlijn.")
        }
    }

    private func line(on target: TimelineSubject, kind: TimelineKind, _ text: String) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [target.typeName, target.id, kind.rawValue, text, user.id, utc])
    }
}
