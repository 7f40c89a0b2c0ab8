import Foundation
import Testing
@testable import Meldroute

/// `Resources/activiteiten/soorten.yaml`: the shipped file reads, each kind under a pillar, and
/// every problem is named with the file and its line.
@Suite struct ActivityVocabularyFileTests {
    func problem(_ yaml: String) -> String? {
        do {
            _ = try ActivityVocabularyFile.parse(yaml: yaml, file: "soorten.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theShippedFileHasTheKindsOfTheIssueEachUnderAPillar() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/activiteiten/soorten.yaml")
        let vocabulary = try ActivityVocabularyFile.parse(yaml: String(contentsOf: url, encoding: .utf8), file: "soorten.yaml")
        #expect(vocabulary.kinds.map(\.id) == ["training", "voorlichting", "train-de-trainer", "les", "campagne", "bijeenkomst"])
        #expect(vocabulary.pillar(ofKind: "campagne") == .prevention && vocabulary.pillar(ofKind: "les") == .prevention)
        #expect(vocabulary.pillar(ofKind: "training") == .expertise && vocabulary.pillar(ofKind: "voorlichting") == .expertise)
        #expect(vocabulary.audiences.map(\.label) == ["ketenpartners", "gemeentemedewerkers", "lokale zorgstructuur", "scholen en jongeren",
                                                      "ouders", "publiek"])
        #expect(vocabulary.kindLabel("les") == "les op school" && vocabulary.kindLabel("verdwenen") == "verdwenen")
    }

    @Test func everyProblemIsNamedWithItsLine() {
        let audiences = "doelgroepen:\n  - id: publiek\n    naam: publiek\n"
        #expect(problem("soorten:\n  - id: training\n    naam: training\n" + audiences)
                == "soorten.yaml:2: 'pijler' ontbreekt of is geen van: preventie, werkproces, deskundigheidsbevordering, daderaanpak")
        #expect(problem("soorten:\n  - id: Training!\n    naam: training\n    pijler: preventie\n" + audiences)
                == "soorten.yaml:2: 'id' ontbreekt of is geen woord van kleine letters, cijfers en '-' (hooguit 32)")
        #expect(problem("soorten:\n  - id: les\n    naam: les\n    pijler: preventie\n  - id: les\n    naam: les 2\n    pijler: preventie\n"
                        + audiences) == "soorten.yaml:5: id 'les' staat er twee keer in")
        #expect(problem("soorten:\n  - id: les\n    naam: les\n    pijler: preventie\n") == "soorten.yaml:1: verwacht een lijst 'doelgroepen' met ten minste één woord")
        #expect(problem("soorten:\n  - id: les\n    naam: \"\"\n    pijler: preventie\n" + audiences)
                == "soorten.yaml:2: 'naam' ontbreekt of is langer dan 40 tekens")
        #expect(problem("soorten: [\n") != nil)
    }
}
