import Meldroute
import SchakelCore
import TerminalKit

/// The contact persons of the opened organisation (`p`): chosen with ↑↓, added (`n`), changed
/// (`e`, Enter) and archived (`x`, after `j`).
public struct ContactsPane: Hashable, Sendable {
    public var selected = 0
    /// What is open over the contacts, one thing at a time; nil while the list has the keys.
    public var onTop: OnTop?

    public init() {}

    /// What can be open over an organisation's contact persons.
    public enum OnTop: Hashable, Sendable {
        /// A contact person being added or changed.
        case form(ContactForm)
        /// "Archive this contact person?" asked.
        case confirmingArchive
    }

    // What is on top, read as each kind: for the views and the tests. Changed only through `onTop`.
    public var form: ContactForm? { if case .form(let form)? = onTop { form } else { nil } }
}

/// A contact person being added or changed, checked as the store checks it.
public struct ContactForm: Hashable, Sendable {
    public var form: EventForm
    public let original: PartnerContact?
    public let partnerID: Int64
    public var problem: String?
    public var isSaving = false

    static func definition(_ label: String) -> EventDefinition {
        EventDefinition(id: "contactpersoon", label: label, fields: [
            FieldDefinition(id: "naam", label: "Naam", type: .text, maxLength: 200),
            FieldDefinition(id: "functie", label: "Functie", type: .text, isRequired: false, maxLength: 100),
            FieldDefinition(id: "telefoon", label: "Telefoon", type: .text, isRequired: false, maxLength: 50),
            FieldDefinition(id: "email", label: "E-mail", type: .text, isRequired: false, maxLength: 200),
        ])
    }

    init(_ contact: PartnerContact?, partnerID: Int64, organisation: String, today: CivilDate) {
        var form = EventForm(Self.definition(contact.map { "\($0.name) wijzigen" } ?? "Nieuwe contactpersoon bij \(organisation)"),
                             now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values = ["naam": contact?.name ?? "", "functie": contact?.function ?? "", "telefoon": contact?.phone ?? "",
                      "email": contact?.email ?? ""]
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore([values[field.id] ?? ""]) }
        form.resetChanges()
        self.form = form
        original = contact
        self.partnerID = partnerID
    }

    /// The contact the form holds, or what is wrong with it, in Dutch.
    func contact() -> Result<PartnerContact, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        var contact = original ?? PartnerContact(partnerID: partnerID, name: "")
        contact.name = values.text("naam")
        contact.function = values.text("functie")
        contact.phone = values.text("telefoon")
        contact.email = values.text("email")
        if let problem = contact.problems.first { return .failure(InputProblem(problem.prefix(1).uppercased() + problem.dropFirst() + ".")) }
        return .success(contact)
    }
}
