import Foundation
import Testing
import TextSafety
import Meldroute
@testable import SchakelCore

/// Refused at the door: no field takes a control or bidi character, a one-line field no line break
/// or tab; the message names the field and the place.
@Suite struct FieldCharactersTests {
    @Test func oneLineAndLongTextDiffer() {
        #expect(FieldCharacters.problem(in: "Politie / AVIM") == nil)
        #expect(FieldCharacters.problem(in: "a\u{1B}[31m") == "een stuurteken (U+001B) op positie 2; typ of plak de tekst zonder")
        #expect(FieldCharacters.problem(in: "abc\u{202E}d")
            == "een teken dat de leesrichting omdraait (U+202E) op positie 4; typ of plak de tekst zonder")
        #expect(FieldCharacters.problem(in: "twee\nregels") == "een regeleinde (U+000A) op positie 5; typ of plak de tekst zonder")
        #expect(FieldCharacters.problem(in: "twee\nregels\tmet tab", multiline: true) == nil)
        #expect(FieldCharacters.problem(in: "nul\u{0}", multiline: true)?.hasPrefix("een stuurteken (U+0000) op positie 4") == true)
        #expect(FieldCharacters.problem(in: "C1 \u{9B}", multiline: true)?.hasPrefix("een stuurteken (U+009B)") == true)
        #expect(FieldCharacters.problem(in: "wis\u{7F}")?.hasPrefix("een stuurteken (U+007F)") == true)
        // Counted in characters as a reader sees them: é and the emoji with its skin tone are one each.
        #expect(FieldCharacters.problem(in: "é👍🏽\u{1B}")?.contains("op positie 3") == true)
        // What the screen and the exports would show as � is refused too: a byte order mark glued into
        // a name (two CSV files pasted together), a zero-width space, a soft hyphen, a joiner.
        #expect(FieldCharacters.problem(in: "Co\u{FEFF}Mensha") == "een onzichtbaar teken (U+FEFF) op positie 3; typ of plak de tekst zonder")
        // A mark with no letter under it, which a reader going by characters fuses with the separator before it.
        #expect(FieldCharacters.problem(in: "\u{301}Zoë") == "een los accentteken (U+0301) op positie 1; typ of plak de tekst zonder")
        #expect(FieldCharacters.problem(in: "a;\u{301}b")?.hasPrefix("een los accentteken (U+0301) op positie 2") == true)
        #expect(FieldCharacters.problem(in: "Zoe\u{308} 2\u{20E3} ก\u{E31}") == nil)
        for invisible in ["\u{200B}", "\u{00AD}", "\u{200D}", "\u{2060}"] {
            #expect(FieldCharacters.problem(in: "a\(invisible)b", multiline: true)?.hasPrefix("een onzichtbaar teken") == true, "\(invisible.unicodeScalars.first!)")
        }
    }

    @Test func theIntakeNamesTheFieldAndThePlace() {
        let json = """
            {"ontvangen_op": "2026-11-20T10:00", "bron": "telefoon", "melder": {"type": "professional", "naam": "Jan\\u001b]0;x\\u0007"},
             "gemeente": "Enschede", "vormen": ["arbeid"], "beschrijving": "Regel een\\nregel twee\\u202e", "acuut": false, "minderjarige": false}
            """
        let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)
        guard case .failure(let problems) = SignalIntake.parse(Array(json.utf8), now: now) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.messages.contains("melder.naam: een stuurteken (U+001B) op positie 4; typ of plak de tekst zonder"), "\(problems)")
        #expect(problems.messages.contains(
            "beschrijving: een teken dat de leesrichting omdraait (U+202E) op positie 21; typ of plak de tekst zonder"), "\(problems)")
        // A line break in the description alone is fine.
        let fine = json.replacingOccurrences(of: "\\u001b]0;x\\u0007", with: "").replacingOccurrences(of: "\\u202e", with: "")
        #expect((try? SignalIntake.parse(Array(fine.utf8), now: now).get())?.description == "Regel een\nregel twee")
    }

    @Test func theSocialMapRefusesThemInTheFileAndOnTheForm() {
        let file = "naam;aanbod\n\"Hulp\u{2066}\";\"Opvang\nen zorg\"\n"
        guard case .failure(let problems) = PartnerCSV.read(Data(file.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.problems.map(\.description)
            == ["regel 2, kolom naam: een teken dat de leesrichting omdraait (U+2066) op positie 5; typ of plak de tekst zonder"])
        #expect(Partner(name: "Hulp\u{1B}c").problems == ["naam: een stuurteken (U+001B) op positie 5; typ of plak de tekst zonder"])
        #expect(PartnerContact(partnerID: 1, name: "Jan", function: "regie\ncoördinator").problems
            == ["functie: een regeleinde (U+000A) op positie 6; typ of plak de tekst zonder"])
    }
}
