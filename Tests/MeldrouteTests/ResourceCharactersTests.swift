import Testing
@testable import Meldroute

/// A resource file (a workflow, the meeting series, the directory, the call advice, the closing
/// days, the estimate) with a control, bidi or invisible character or a stray mark is refused with
/// its file and line, before it is read as YAML; CRLF line ends and tabs are fine.
@Suite struct ResourceCharactersTests {
    @Test func aWorkflowWithAnEscapeIsRefusedAtItsLine() {
        let text = "naam: proef\r\nbeschrijving: a\u{1B}]0;x\u{07}b\r\nstaten: []\r\n"
        do {
            _ = try WorkflowLoader.load(yaml: text, file: "proef.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "proef.yaml:2: een stuurteken (U+001B) op positie 16; typ of plak de tekst zonder", "\(error)")
        }
    }

    @Test func aSeriesFileWithAReversalIsRefusedAtItsLine() {
        let text = "reeksen:\n\t- naam: Casustafel\u{202E}\n"
        do {
            _ = try MeetingSeriesFile.parse(yaml: text, file: "reeksen.yaml", kinds: ["casustafel"])
            Issue.record("accepted")
        } catch {
            #expect(error.problems.map(\.line) == [2] && error.messages.first?.hasPrefix("een teken dat de leesrichting omdraait (U+202E)") == true,
                    "\(error)")
        }
    }

    /// Found by fuzzing (Fuzz/regressions/holidays/): the closing days and the estimate were read
    /// without the check, and a holiday's name or the estimate's source reach the screen and a report.
    @Test func theClosingDaysAndTheEstimateAreRefusedAtTheLineToo() {
        do {
            _ = try CalendarDataFile.parse(yaml: "dagen:\n  - datum: 2026-12-24\n    naam: Kerst\u{1B}[2J\n", file: "dagen.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "dagen.yaml:3: een stuurteken (U+001B) op positie 16; typ of plak de tekst zonder", "\(error)")
        }
        do {
            _ = try EstimateFile.parse(yaml: "slachtoffers_per_jaar: 300\nbron: \u{301}Schatting\n", file: "schatting.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "schatting.yaml:2: een los accentteken (U+0301) op positie 6; typ of plak de tekst zonder", "\(error)")
        }
    }

    @Test func cleanLinesWithCRLFAndTabsPassTheCheck() throws {
        try DataFileYAML.refuseForbiddenCharacters(in: "a: b\r\n\tc: d\r\n", file: "x.yaml")
    }
}
