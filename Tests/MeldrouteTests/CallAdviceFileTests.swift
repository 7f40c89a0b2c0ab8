import Foundation
import Testing
@testable import Meldroute

/// The rules of "wie bel ik voor…" as data: the shipped file reads, and every mistake is named
/// with its line.
@Suite struct CallAdviceFileTests {
    let forms: Set<String> = ["seksueel", "arbeid", "crimineel", "orgaan"]

    func resource(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/socialekaart/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func theShippedRulesNameOnlyShippedOrganisations() throws {
        let vocabulary = DirectoryVocabulary(domains: ["zorg", "veiligheid", "straf", "bestuur"],
                                             targetGroups: ["minderjarigen", "jongeren", "volwassenen", "arbeidsmigranten", "sekswerkers",
                                                            "mannen", "vrouwen"],
                                             forms: forms, municipalities: ["Enschede", "Hengelo", "Almelo"])
        let directory = try DirectoryFile.parse(yaml: try resource("organisaties.yaml"), file: "organisaties.yaml", vocabulary: vocabulary)
        let rules = try CallAdviceFile.parse(yaml: try resource("wie-bel-ik.yaml"), file: "wie-bel-ik.yaml", forms: forms,
                                             organisations: Set(directory.organisations.map(\.key)))
        #expect(rules.count >= 5)
        #expect(rules.first { $0.name == "Minderjarige" }?.calls.first?.organisation == "vtt")
    }

    @Test func everyMistakeIsNamedWithItsLine() {
        do {
            _ = try CallAdviceFile.parse(yaml: """
                versie: 1
                regels:
                  - naam: Minderjarige
                    als:
                      leeftijd: kind
                      vormen: [seksueel, mensensmokkel]
                      weer: regen
                    bel:
                      - organisatie: vtt
                      - organisatie: bakker
                        waarom: brood
                  - naam: Leeg
                """, file: "wie-bel-ik.yaml", forms: forms, organisations: ["vtt"])
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.description) == [
                "wie-bel-ik.yaml:5: onbekende leeftijd 'kind'; bekend: minderjarig, volwassen",
                "wie-bel-ik.yaml:6: onbekende vorm 'mensensmokkel'; bekend: arbeid, crimineel, orgaan, seksueel",
                "wie-bel-ik.yaml:7: onbekende voorwaarde 'weer'; bekend: acuut, leeftijd, vormen",
                "wie-bel-ik.yaml:9: bij 'vtt' ontbreekt 'waarom'",
                "wie-bel-ik.yaml:10: 'bakker' staat niet in de meegeleverde sociale kaart (organisaties.yaml)",
                "wie-bel-ik.yaml:12: regel 'Leeg' noemt niemand om te bellen ('bel')",
            ])
        }
    }
}
