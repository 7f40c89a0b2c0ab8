import Yams

/// One rule of "wie bel ik voor…": when it holds, and whom it says to call, in order, and why.
public struct CallRule: Hashable, Sendable {
    public struct Call: Hashable, Sendable {
        /// The organisation's key in the shipped directory.
        public let organisation: String
        public let reason: String

        public init(organisation: String, reason: String) {
            self.organisation = organisation
            self.reason = reason
        }
    }

    public let name: String
    /// Nil: any age; true: for a minor; false: for an adult.
    public let minor: Bool?
    /// Words of the forms, one of which must be involved; empty: any.
    public let forms: [String]
    /// Nil: acute or not.
    public let acute: Bool?
    public let calls: [Call]
    public let line: Int?

    public init(name: String, minor: Bool? = nil, forms: [String] = [], acute: Bool? = nil, calls: [Call], line: Int? = nil) {
        self.name = name
        self.minor = minor
        self.forms = forms
        self.acute = acute
        self.calls = calls
        self.line = line
    }
}

/// Reads `Resources/socialekaart/wie-bel-ik.yaml`, reporting every problem with its file and line.
public enum CallAdviceFile {
    /// - Parameters:
    ///   - forms: the words for the forms of exploitation.
    ///   - organisations: the keys of the shipped directory's organisations.
    public static func parse(yaml text: String, file: String, forms: Set<String>,
                             organisations: Set<String>) throws(WorkflowFileProblems) -> [CallRule] {
        var problems: [WorkflowFileError] = []
        func problem(_ node: Node?, _ message: String) {
            problems.append(WorkflowFileError(file: file, line: node?.line, message: message))
        }
        let root = try DataFileYAML.root(of: text, file: file)
        guard let items = root?.mapping?["regels"]?.sequence else {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: root?.line, message: "verwacht een lijst 'regels'")])
        }
        var rules: [CallRule] = []
        for item in items {
            guard let fields = item.mapping, let name = fields["naam"]?.string, !name.isEmpty else {
                problem(item, "een regel heeft een 'naam'")
                continue
            }
            let condition = fields["als"]?.mapping
            if fields["als"] != nil && condition == nil { problem(fields["als"], "'als' is een lijst van voorwaarden") }
            for (key, _) in condition ?? [:] where !["leeftijd", "vormen", "acuut"].contains(key.string ?? "") {
                problem(key, "onbekende voorwaarde '\(key.string ?? "")'; bekend: acuut, leeftijd, vormen")
            }
            var minor: Bool?
            switch condition?["leeftijd"]?.string {
            case nil: break
            case "minderjarig": minor = true
            case "volwassen": minor = false
            case let other?: problem(condition?["leeftijd"], "onbekende leeftijd '\(other)'; bekend: minderjarig, volwassen")
            }
            let formNode = condition?["vormen"]
            let formWords = formNode?.sequence?.compactMap(\.string) ?? formNode?.string.map { [$0] } ?? []
            for word in formWords where !forms.contains(word) {
                problem(formNode, "onbekende vorm '\(word)'; bekend: \(forms.sorted().joined(separator: ", "))")
            }
            let acute = condition?["acuut"]?.bool
            if condition?["acuut"] != nil && acute == nil { problem(condition?["acuut"], "'acuut' is true of false") }
            var calls: [CallRule.Call] = []
            for call in fields["bel"]?.sequence ?? [] {
                let key = call.mapping?["organisatie"]?.string ?? ""
                let reason = call.mapping?["waarom"]?.string ?? ""
                if !organisations.contains(key) {
                    problem(call, "'\(key)' staat niet in de meegeleverde sociale kaart (organisaties.yaml)")
                } else if reason.isEmpty {
                    problem(call, "bij '\(key)' ontbreekt 'waarom'")
                } else {
                    calls.append(CallRule.Call(organisation: key, reason: reason))
                }
            }
            if fields["bel"]?.sequence?.isEmpty ?? true { problem(item, "regel '\(name)' noemt niemand om te bellen ('bel')") }
            rules.append(CallRule(name: name, minor: minor, forms: formWords, acute: acute, calls: calls, line: item.line))
        }
        guard problems.isEmpty else { throw WorkflowFileProblems(problems) }
        return rules
    }
}
