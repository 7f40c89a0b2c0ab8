import Foundation
import TextSafety

/// What a login, a name, a role and a municipality must be.
public enum UserRules {
    public static func problem(login: String, displayName: String, role: Role? = nil, municipality: Municipality? = nil) -> String? {
        let validLogin = login.count >= 2 && login.count <= 32
            && login.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
        guard validLogin else { return "Een login is 2 tot 32 tekens: kleine letters, cijfers, punt, streepje of liggend streepje." }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else { return "Een naam is 1 tot 100 tekens." }
        if let wrong = FieldCharacters.firstProblem([("Naam", displayName, false)]) { return wrong }
        if let role, (role == .designatedOfficer) != (municipality != nil) {
            return role == .designatedOfficer ? "Een aandachtsfunctionaris hoort bij een gemeente."
                : "Een \(role.label) werkt voor de regio, zonder gemeente."
        }
        return nil
    }
}
