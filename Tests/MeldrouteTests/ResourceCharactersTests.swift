import Testing
@testable import Meldroute

/// A resource file (a workflow, the meeting series, the directory, the call advice) with a control
/// or bidi character is refused with its file and line, before it is read as YAML; CRLF line ends and
/// tabs are fine.
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

    @Test func cleanLinesWithCRLFAndTabsPassTheCheck() throws {
        try DataFileYAML.refuseForbiddenCharacters(in: "a: b\r\n\tc: d\r\n", file: "x.yaml")
    }
}
