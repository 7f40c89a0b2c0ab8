import Meldroute
import SchakelCore
import TerminalKit

/// The signal or case being referred while the user picks an organisation on the sociale kaart.
public struct ReferralTarget: Hashable, Sendable {
    public let subject: TimelineSubject
    public let code: String
}

/// A referral to one organisation: to whom there, why, and on which day.
public struct ReferralForm: Hashable, Sendable {
    public var form: EventForm
    public let target: ReferralTarget
    public let partner: Partner
    public var problem: String?
    public var isSaving = false

    init(_ target: ReferralTarget, to detail: PartnerDetail, today: CivilDate) {
        let contacts = detail.contacts.compactMap { contact in
            contact.id.map { ChoiceOption(id: String($0), label: [contact.name, contact.function].filter { !$0.isEmpty }.joined(separator: ", ")) }
        }
        let definition = EventDefinition(id: "verwijzing", label: "\(target.code) verwijzen naar \(detail.partner.name)", fields: [
            FieldDefinition(id: "contact", label: "Contactpersoon", type: .choice, isRequired: false,
                            options: contacts),
            FieldDefinition(id: "reden", label: "Reden", type: .text, maxLength: 1000),
            FieldDefinition(id: "datum", label: "Datum", type: .date, notInFuture: true),
        ])
        form = EventForm(definition, now: LocalDateTime(date: today, hour: 0, minute: 0))
        form.inputs[0].restore([""])
        form.resetChanges()
        self.target = target
        partner = detail.partner
    }

    /// What the form holds as a referral, or what is wrong with it, in Dutch.
    func referral(today: CivilDate) -> Result<NewReferral, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        guard let partnerID = partner.id else { return .failure(InputProblem("Deze organisatie is nog niet opgeslagen.")) }
        var date = today
        if case .date(let chosen)? = values["datum"] { date = chosen }
        let referral = NewReferral(partnerID: partnerID, contactID: Int64(values.text("contact")), reason: values.text("reden"), date: date)
        if let problem = referral.problem(today: today) { return .failure(InputProblem(problem)) }
        return .success(referral)
    }
}
