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
        try RetentionClock.apply(fired.effects, reaching: fired.to, on: subject, day: AmsterdamTime.localTime(of: moment).date, in: db)
        for effect in fired.effects {
            switch effect {
            case "vervolgstappen_uitzetten":
                guard case .choices(let steps)? = fired.fields["vervolgstappen"] else { continue }
                for step in steps { try followUp(step) }
            case "agenderen":
                guard case .choice(let table)? = fired.fields["tafel"], let kind = MeetingKind(rawValue: table) else { continue }
                try requestDiscussion(kind, reason: text(fired.fields["reden"]))
            case "verwijzing_vastleggen":
                guard case .text(let organisation)? = fired.fields["organisatie"] else { continue }
                try recordReferral(to: organisation, reason: text(fired.fields["reden"]))
            default:
                // The others change facts (crisis), set the retention clock (above), or are for
                // later: the acknowledgement is shown when a signal is registered.
                continue
            }
        }
    }

    private func followUp(_ step: String) throws {
        switch step {
        case "kmt_vtt":
            try openCase()
        case "ondermijningsoverleg":
            try requestDiscussion(.localUnderminingMeeting, reason: "Besluit: bespreken in het lokaal ondermijningsoverleg.")
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

    /// On the waiting list of that kind of table (of the signal's municipality, for a municipal
    /// one), for the preparer to put on an agenda; once per subject and kind while it waits.
    private func requestDiscussion(_ kind: MeetingKind, reason: String) throws {
        let municipalityID: Int64? = kind.isMunicipal ? row["municipality_id"] : nil
        let waiting = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM discussion_request
                           WHERE subject_type = ? AND subject_id = ? AND kind = ? AND agenda_item_id IS NULL)
            """, arguments: [subject.typeName, subject.id, kind.rawValue])!
        guard !waiting else {
            try line(on: subject, kind: .meeting, "Staat al op de wachtlijst voor \(kind.labelWithArticle).")
            return
        }
        // Already on the agenda of such a meeting still to be held: that is where it is discussed.
        if let planned = try String.fetchOne(db, sql: """
            SELECT g.starts_at FROM agenda_item a JOIN meeting g ON g.id = a.meeting_id
            WHERE a.subject_type = ? AND a.subject_id = ? AND g.kind = ? AND g.status IN ('gepland', 'agenda_vastgesteld')
              AND g.starts_at >= ? ORDER BY g.starts_at LIMIT 1
            """, arguments: [subject.typeName, subject.id, kind.rawValue, utc]) {
            let when = AmsterdamTime.localTime(fromUTC: planned)?.date.dutch ?? ""
            try line(on: subject, kind: .meeting, "Staat al op de agenda van \(kind.labelWithArticle) van \(when).")
            return
        }
        try db.execute(sql: """
            INSERT INTO discussion_request (subject_type, subject_id, kind, municipality_id, reason, requested_at, requested_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [subject.typeName, subject.id, kind.rawValue, municipalityID, reason, utc, user.id])
        try line(on: subject, kind: .meeting, "Aangemeld voor bespreking in \(kind.labelWithArticle); wacht op agendering.")
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
        if let partnerID = try Self.partnerID(named: organisation, in: db) {
            try db.execute(sql: """
                INSERT INTO referral (subject_type, subject_id, partner_id, referred_at, reason, author_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [subject.typeName, subject.id, partnerID, utc, reason, user.id])
        } else {
            try line(on: subject, kind: .referral, "\(organisation) staat niet op de sociale kaart; de verwijzing staat alleen op de tijdlijn.")
        }
    }

    /// A recorded text field's value, or nothing.
    private func text(_ value: FieldValue?) -> String {
        if case .text(let text)? = value { return text }
        return ""
    }

    private func line(on target: TimelineSubject, kind: TimelineKind, _ text: String) throws {
        try db.execute(sql: """
            INSERT INTO timeline_event (subject_type, subject_id, kind, text, author_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [target.typeName, target.id, kind.rawValue, text, user.id, utc])
    }

    /// The organisation on the sociale kaart by its name (or its name before a bracketed addition).
    static func partnerID(named organisation: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM partner WHERE lower(name) = lower(?) OR lower(name) LIKE lower(?) || ' (%'",
                           arguments: [organisation, organisation])
    }
}
