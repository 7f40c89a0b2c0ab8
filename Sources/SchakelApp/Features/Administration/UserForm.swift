import Meldroute
import SchakelCore
import TerminalKit

/// A user being added or changed: login (only when new), name, role and municipality, checked as
/// the store checks them before it is saved.
public struct UserForm: Hashable, Sendable, WholeForm {
    public var form: EventForm
    /// The login of the user being changed; nil for a new one.
    public let login: String?
    public var problem: String?
    public var isSaving = false

    static let noMunicipality = "geen"

    static func definition(changing login: String?) -> EventDefinition {
        let roles = Role.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }
        let places = [ChoiceOption(id: noMunicipality, label: "geen (regio)")] + Municipality.twente.map { ChoiceOption(id: $0.name, label: $0.name) }
        let fields = [
            FieldDefinition(id: "naam", label: "Naam", type: .text, maxLength: 100),
            FieldDefinition(id: "rol", label: "Rol", type: .choice, options: roles),
            FieldDefinition(id: "gemeente", label: "Gemeente (alleen af)", type: .choice, options: places),
        ]
        guard login == nil else { return EventDefinition(id: "gebruiker", label: "\(login!) wijzigen", fields: fields) }
        return EventDefinition(id: "gebruiker", label: "Nieuwe gebruiker",
                               fields: [FieldDefinition(id: "login", label: "Login (SSH)", type: .text, maxLength: 32)] + fields)
    }

    init(_ user: User?, today: CivilDate) {
        var form = EventForm(Self.definition(changing: user?.login), now: LocalDateTime(date: today, hour: 0, minute: 0))
        let values: [String: [String]] = [
            "naam": [user?.displayName ?? ""], "rol": [(user?.role ?? .designatedOfficer).rawValue],
            "gemeente": [user?.municipality?.name ?? Self.noMunicipality],
        ]
        for (index, field) in form.event.fields.enumerated() { form.inputs[index].restore(values[field.id] ?? []) }
        form.resetChanges()
        self.form = form
        login = user?.login
    }

    /// What the form holds, or what is wrong with it, in Dutch.
    func change() -> Result<UserChange, InputProblem> {
        let values: FieldValues
        switch form.values() {
        case .success(let found): values = found
        case .failure(let problem): return .failure(problem)
        }
        func choice(_ id: String) -> String? {
            if case .choice(let chosen)? = values[id] { return chosen }
            return nil
        }
        let role = choice("rol").flatMap(Role.init(rawValue:)) ?? .designatedOfficer
        let municipality = Municipality.twente.first { $0.name == choice("gemeente") }
        let login = self.login ?? values.text("login").trimmingCharacters(in: .whitespaces)
        let change = UserChange(login: login, displayName: values.text("naam"), role: role, municipality: municipality, isNew: self.login == nil)
        if let problem = UserRules.problem(login: login, displayName: change.displayName, role: role, municipality: municipality) {
            return .failure(InputProblem(problem))
        }
        return .success(change)
    }
}

/// A user to add or change, as the store takes it.
public struct UserChange: Hashable, Sendable {
    public let login: String
    public let displayName: String
    public let role: Role
    public let municipality: Municipality?
    public let isNew: Bool
}
