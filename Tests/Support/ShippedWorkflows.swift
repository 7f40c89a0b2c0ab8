import Foundation
import Meldroute
import SchakelCore

/// For the store's and the demo's tests: the workflows shipped in `Resources/workflows/`, and
/// the day their demos are made on.
public enum Shipped {
    public static func workflows() throws -> Workflows {
        func load(_ name: String) throws -> WorkflowEngine {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Resources/workflows/\(name).yaml")
            return WorkflowEngine(try WorkflowLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: name))
        }
        return Workflows(signalRoute: try load("gemeentelijke-meldroute"), caseProcess: try load("kmt-werkproces"),
                         consult: try load("advies-en-consult"))
    }

    /// The `overleg` workflow meetings follow.
    public static func meetingWorkflow() throws -> WorkflowDefinition {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/workflows/overleg.yaml")
        return try WorkflowLoader.load(yaml: String(contentsOf: url, encoding: .utf8), file: "overleg.yaml")
    }

    /// The meeting series of `Resources/meetings/reeksen.yaml`.
    public static func meetingSeries() throws -> [MeetingSeriesDefinition] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/meetings/reeksen.yaml")
        return try MeetingSeriesFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "reeksen.yaml",
                                           kinds: Set(MeetingKind.allCases.map(\.rawValue)))
    }

    /// The sociale kaart of `Resources/socialekaart/organisaties.yaml`.
    public static func directory() throws -> ShippedDirectory {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/socialekaart/organisaties.yaml")
        return try DirectoryFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "organisaties.yaml", vocabulary: .schakel)
    }

    /// The kinds of activity and their audiences of `Resources/activiteiten/soorten.yaml`.
    public static func activities() throws -> ActivityVocabulary {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/activiteiten/soorten.yaml")
        return try ActivityVocabularyFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "soorten.yaml")
    }

    public static let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
}
