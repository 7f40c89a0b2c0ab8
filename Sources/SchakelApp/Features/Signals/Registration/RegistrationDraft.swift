import Foundation
import Meldroute
import SchakelCore
import TerminalKit

/// A registration form in progress, as it is kept between sessions: everything typed, nothing else.
struct RegistrationDraft: JSONDraft, Hashable {
    static let kind = "signaal-registratie"

    struct Person: Codable, Hashable {
        var initials: String
        var birthYear: Int?
        var role: String
        /// A known person accepted from the offer (absent in drafts from before the offer).
        var knownID: Int64?
    }

    var date: String
    var time: String
    var source: String
    var reporterType: String
    var reporterName: String
    var reporterOrganisation: String
    var reporterContact: String
    var municipality: String
    var forms: [String]
    var description: String
    var location: String
    var acute: Bool
    var minor: Bool
    var persons: [Person]
    var field: Int
    /// The consult the signal is made from (absent in drafts of a plain registration).
    var consultID: Int64?
    var consultCode: String?
    var consultVersion: Int?

    init(_ form: RegistrationForm) {
        date = form.date.text
        time = form.time.text
        source = form.source.selected?.id ?? ""
        reporterType = form.reporterType.selected?.id ?? ""
        reporterName = form.reporterName.text
        reporterOrganisation = form.reporterOrganisation.text
        reporterContact = form.reporterContact.text
        municipality = form.municipality.selected?.id ?? ""
        forms = form.forms.chosenOptions.map(\.id)
        description = form.description.text
        location = form.location.text
        acute = form.acute.isOn
        minor = form.minor.isOn
        persons = form.persons.map { Person(initials: $0.initials, birthYear: $0.birthYear, role: $0.role.rawValue, knownID: $0.knownID) }
        field = form.focus.index
        consultID = form.fromConsult?.consultID
        consultCode = form.fromConsult?.code
        consultVersion = form.fromConsult?.version
    }

    /// The form as it was, for this user (who may only register where they may).
    func form(now: LocalDateTime, user: User) -> RegistrationForm {
        var form = RegistrationForm(now: now, user: user)
        form.date = DateInput(date)
        form.time = TimeInput(time)
        form.source = SelectList(form.source.options, selected: source)
        form.reporterType = SelectList(form.reporterType.options, selected: reporterType)
        form.reporterName.set(reporterName)
        form.reporterOrganisation.set(reporterOrganisation)
        form.reporterContact.set(reporterContact)
        form.municipality = SelectList(form.municipality.options, selected: municipality)
        form.forms = MultiSelectList(form.forms.options, chosen: Set(forms))
        form.description = TextArea(description, maxLength: form.description.maxLength)
        form.location.set(location)
        form.acute = Toggle(acute)
        form.minor = Toggle(minor)
        form.persons = persons.map {
            NewPerson(initials: $0.initials, birthYear: $0.birthYear, role: PersonRole(rawValue: $0.role) ?? .environment, knownID: $0.knownID)
        }
        form.focus.focus(field)
        if let consultID, let consultCode, let consultVersion {
            form.fromConsult = ConsultOrigin(consultID: consultID, code: consultCode, version: consultVersion)
        }
        form.markRestored()
        return form
    }
}
