import Yams

/// An organisation as the shipped sociale kaart (`Resources/socialekaart/organisaties.yaml`)
/// describes it: words of the file, checked against the vocabularies given to the parser.
public struct ShippedOrganisation: Hashable, Sendable {
    /// Stable across versions of the file: how an update finds the organisation again.
    public let key: String
    public let name: String
    public let shortName: String
    public let kind: String
    public let domains: [String]
    public let targetGroups: [String]
    public let forms: [String]
    /// `twente`, `landelijk`, or municipality names.
    public let area: [String]
    public let offer: String
    public let phone: String
    public let email: String
    public let website: String
    public let openingHours: String
    public let crisisLine: String
    public let crisisAlwaysReachable: Bool
    public let line: Int?

    public init(key: String, name: String, shortName: String = "", kind: String = "", domains: [String] = [],
                targetGroups: [String] = [], forms: [String] = [], area: [String] = ["twente"], offer: String = "",
                phone: String = "", email: String = "", website: String = "", openingHours: String = "",
                crisisLine: String = "", crisisAlwaysReachable: Bool = false, line: Int? = nil) {
        self.key = key
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.domains = domains
        self.targetGroups = targetGroups
        self.forms = forms
        self.area = area
        self.offer = offer
        self.phone = phone
        self.email = email
        self.website = website
        self.openingHours = openingHours
        self.crisisLine = crisisLine
        self.crisisAlwaysReachable = crisisAlwaysReachable
        self.line = line
    }
}

/// The words the directory file may use, from the domain.
public struct DirectoryVocabulary: Sendable {
    public let domains: Set<String>
    public let targetGroups: Set<String>
    public let forms: Set<String>
    public let municipalities: Set<String>

    public init(domains: Set<String>, targetGroups: Set<String>, forms: Set<String>, municipalities: Set<String>) {
        self.domains = domains
        self.targetGroups = targetGroups
        self.forms = forms
        self.municipalities = municipalities
    }
}

/// The shipped directory: its version (an update is offered when it is newer than a database's)
/// and its organisations.
public struct ShippedDirectory: Hashable, Sendable {
    public let version: Int
    public let organisations: [ShippedOrganisation]

    public init(version: Int, organisations: [ShippedOrganisation]) {
        self.version = version
        self.organisations = organisations
    }
}

/// Reads the shipped directory file, reporting every problem with its file and line.
public enum DirectoryFile {
    public static func parse(yaml text: String, file: String, vocabulary: DirectoryVocabulary) throws(WorkflowFileProblems) -> ShippedDirectory {
        var problems: [WorkflowFileError] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(WorkflowFileError(file: file, line: node?.line, message: message))
        }
        let root = try DataFileYAML.root(of: text, file: file)
        guard let version = root?.mapping?["versie"]?.int, version > 0 else {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: root?.line, message: "verwacht 'versie': een getal vanaf 1")])
        }
        guard let items = root?.mapping?["organisaties"]?.sequence else {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: root?.line, message: "verwacht een lijst 'organisaties'")])
        }
        var organisations: [ShippedOrganisation] = []
        var keys: Set<String> = [], names: Set<String> = []
        for item in items {
            guard let fields = item.mapping else {
                problem(item, "een organisatie is een lijst van sleutels en waarden")
                continue
            }
            let known: Set<String> = ["sleutel", "naam", "kort", "soort", "domeinen", "doelgroepen", "vormen", "gebied", "aanbod",
                                      "telefoon", "email", "website", "openingstijden", "crisislijn", "crisis_24_7"]
            for (key, _) in fields {
                if let word = key.string, !known.contains(word) {
                    problem(key, "onbekende sleutel '\(word)'; bekend: \(known.sorted().joined(separator: ", "))")
                }
            }
            func text(_ key: String, required: Bool = false) -> String {
                guard let value = fields[key]?.string, !value.isEmpty else {
                    if required { problem(item, "'\(key)' ontbreekt") }
                    return ""
                }
                return value
            }
            func words(_ key: String, from allowed: Set<String>, required: Bool = true) -> [String] {
                guard let node = fields[key] else {
                    if required { problem(item, "'\(key)' ontbreekt") }
                    return []
                }
                let values = node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } ?? []
                for value in values where !allowed.contains(value) {
                    problem(node, "onbekend in '\(key)': '\(value)'; bekend: \(allowed.sorted().joined(separator: ", "))")
                }
                if values.isEmpty && required { problem(node, "'\(key)' is leeg") }
                return values
            }
            let key = text("sleutel", required: true), name = text("naam", required: true)
            if !key.isEmpty, !keys.insert(key).inserted { problem(fields["sleutel"], "sleutel '\(key)' staat er twee keer in") }
            if !name.isEmpty, !names.insert(name.lowercased()).inserted { problem(fields["naam"], "'\(name)' staat er twee keer in") }
            let area = words("gebied", from: vocabulary.municipalities.union(["twente", "landelijk"]))
            if area.count > 1 && (area.contains("twente") || area.contains("landelijk")) {
                problem(fields["gebied"], "'gebied' is twente, landelijk, of een lijst van gemeenten")
            }
            let phone = text("telefoon"), crisis = text("crisislijn"), email = text("email"), website = text("website")
            for (field, value) in [("telefoon", phone), ("crisislijn", crisis)] {
                if let wrong = ContactFormat.phoneProblem(value) { problem(fields[field], wrong) }
            }
            if let wrong = ContactFormat.emailProblem(email) { problem(fields["email"], wrong) }
            if let wrong = ContactFormat.websiteProblem(website) { problem(fields["website"], wrong) }
            let alwaysReachable = fields["crisis_24_7"]?.bool ?? false
            if fields["crisis_24_7"] != nil && fields["crisis_24_7"]?.bool == nil { problem(fields["crisis_24_7"], "'crisis_24_7' is true of false") }
            if alwaysReachable && crisis.isEmpty { problem(fields["crisis_24_7"], "dag en nacht bereikbaar, maar er is geen 'crisislijn'") }
            organisations.append(ShippedOrganisation(
                key: key, name: name, shortName: text("kort"), kind: text("soort"),
                domains: words("domeinen", from: vocabulary.domains), targetGroups: words("doelgroepen", from: vocabulary.targetGroups),
                forms: words("vormen", from: vocabulary.forms, required: false), area: area, offer: text("aanbod", required: true),
                phone: phone, email: email, website: website, openingHours: text("openingstijden"), crisisLine: crisis,
                crisisAlwaysReachable: alwaysReachable, line: item.line))
        }
        guard problems.isEmpty else { throw WorkflowFileProblems(problems) }
        return ShippedDirectory(version: version, organisations: organisations)
    }
}
