import Meldroute
import SchakelCore
import TextSafety

/// The files under `Resources/` (workflows, meeting series, the shipped directory, the call rules,
/// the closing days, the estimate, the retention periods, the kinds of activity): whatever the text, a definition or a
/// problem naming the file, and no crash; a text holding a control, C1 or bidi character is never
/// accepted.
enum LoaderProperties {
    static let file = "fuzz.yaml"

    static func check(_ target: FuzzTarget, _ text: String) -> String? {
        let refusal: String?
        do {
            try load(target, text)
            refusal = nil
        } catch {
            refusal = "\(error)"
        }
        guard let refusal else {
            if let (position, scalar) = FieldCharacters.forbidden(in: text, multiline: true) {
                return "aangenomen met \(RawScalars.describe(scalar)) op positie \(position)"
            }
            return nil
        }
        return refusal.contains(file) ? nil : "een weigering die het bestand niet noemt: \(refusal)"
    }

    private static func load(_ target: FuzzTarget, _ text: String) throws {
        switch target {
        case .workflow:
            _ = try WorkflowLoader.load(yaml: text, file: file)
        case .series:
            _ = try MeetingSeriesFile.parse(yaml: text, file: file, kinds: Set(MeetingKind.allCases.map(\.rawValue)))
        case .directory:
            _ = try DirectoryFile.parse(yaml: text, file: file, vocabulary: .schakel)
        case .callRules:
            _ = try CallAdviceFile.parse(yaml: text, file: file, forms: Set(ExploitationForm.allCases.map(\.code)),
                                         organisations: ["comensha", "fairwork", "humod", "jbov", "kmt", "nla", "politie-avim", "vtt"])
        case .holidays:
            _ = try CalendarDataFile.parse(yaml: text, file: file)
        case .estimate:
            _ = try EstimateFile.parse(yaml: text, file: file)
        case .retention:
            _ = try RetentionFile.parse(yaml: text, file: file, workflows: ["gemeentelijke-meldroute": ["afgesloten", "doorgezet"],
                                                                           "kmt-werkproces": ["afgesloten"]])
        case .activities:
            _ = try ActivityVocabularyFile.parse(yaml: text, file: file)
        default:
            preconditionFailure("\(target) is not a file loader")
        }
    }
}
