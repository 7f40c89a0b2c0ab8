import Foundation
import Testing
@testable import Meldroute

private let kinds: Set<String> = ["casustafel", "dadertafel", "lokaal_ondermijningsoverleg", "integraal_casusoverleg"]

private func shippedSeriesText() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/meetings/reeksen.yaml")
    return try String(contentsOf: url, encoding: .utf8)
}

private func seriesProblems(_ yaml: String) -> [WorkflowFileError] {
    do {
        _ = try MeetingSeriesFile.parse(yaml: yaml, file: "reeksen.yaml", kinds: kinds)
        return []
    } catch {
        return error.problems
    }
}

@Suite struct MeetingSeriesFileTests {
    @Test func theShippedSeriesLoad() throws {
        let series = try MeetingSeriesFile.parse(yaml: try shippedSeriesText(), file: "reeksen.yaml", kinds: kinds)
        #expect(series.map(\.id) == ["casustafel", "dadertafel", "lokaal_ondermijningsoverleg", "integraal_casusoverleg"])
        let casustafel = try #require(series.first)
        #expect(casustafel.rhythm == .quarterly(months: [3, 6, 9, 12], week: 2))
        #expect(casustafel.weekday == 2)
        #expect((casustafel.startHour, casustafel.startMinute) == (13, 30))
        #expect(casustafel.lengthMinutes == 150)
        #expect(casustafel.invited.contains("Veilig Thuis Twente (VTT)"))
        #expect(casustafel.standingItems.first == "Opening en vaststellen agenda")
        #expect(series[1].rhythm == .everyWeeks(6, from: CivilDate(iso: "2026-01-15")!))
        #expect(series[2].perMunicipality)
        #expect(series[3].rhythm == .onDemand)
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let found = seriesProblems("""
        reeksen:
          - id: a
            soort: koffie
            titel: A
            ritme: kwartaal
            maanden: [3, 13]
            week: 2
            weekdag: dinsdag
            begin: "25:00"
            duur_minuten: 60
            plaats: Hengelo
          - id: a
            soort: casustafel
            titel: B
            ritme: soms
            weekdag: zondagmiddag
            begin: "10:00"
            duur_minuten: 5
        """)
        let messages = found.map { "\($0.line.map(String.init) ?? "-"): \($0.message)" }
        #expect(messages.contains { $0.hasPrefix("3: onbekende soort 'koffie'") })
        #expect(messages.contains("6: 'maanden' is een lijst van maanden 1 tot 12"))
        #expect(messages.contains("9: 'begin' is geen tijd uu:mm"))
        #expect(messages.contains("12: reeks 'a' staat er twee keer in"))
        #expect(messages.contains { $0.hasPrefix("15: onbekend ritme 'soms'") })
        #expect(messages.contains("16: onbekende weekdag 'zondagmiddag'"))
        #expect(messages.contains("18: 'duur_minuten' is geen getal van 15 tot 600"))
        #expect(messages.contains("12: 'plaats' ontbreekt"))
        #expect(found.allSatisfy { $0.file == "reeksen.yaml" })
    }

    @Test func aFileWithoutSeriesOrNotYAMLIsRefused() {
        #expect(seriesProblems("overleggen: []").map(\.message) == ["verwacht een lijst 'reeksen'"])
        #expect(seriesProblems("reeksen: [\n").first?.message.hasPrefix("geen geldige YAML") == true)
    }

    @Test func aSeriesEveryFewWeeksNeedsAValidStartDate() {
        let found = seriesProblems("""
        reeksen:
          - id: d
            soort: dadertafel
            titel: D
            ritme: elke_n_weken
            weken: 6
            vanaf: 2026-02-30
            weekdag: donderdag
            begin: "10:00"
            duur_minuten: 90
            plaats: Hengelo
        """)
        #expect(found.map(\.message) == ["'vanaf' is geen datum JJJJ-MM-DD"])
        #expect(found.first?.line == 7)
    }
}
