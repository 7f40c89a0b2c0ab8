import Testing
import Meldroute
@testable import SchakelCore

@Suite struct SignalIntakeTests {
    let now = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 10, minute: 0)

    func parse(_ json: String) -> Result<NewSignal, SignalIntake.Problems> {
        SignalIntake.parse(Array(json.utf8), now: now)
    }

    @Test func aCompleteFormIsRead() throws {
        let signal = try parse("""
            {"ontvangen_op": "2026-11-24T09:15", "bron": "telefoon",
             "melder": {"type": "professional", "naam": "R. Kamphuis", "organisatie": "Huisartsenpraktijk", "contact": "053-0000000"},
             "gemeente": "hof van twente", "vormen": ["seksueel", "orgaan"], "beschrijving": "  Zorgen over een jonge vrouw.  ",
             "locatie": "Goor", "acuut": true, "minderjarige": false,
             "betrokkenen": [{"initialen": "Z.Ç.", "geboortejaar": 2004, "rol": "vermoedelijk-slachtoffer", "voornaam": "Zoë"}]}
            """).get()
        #expect(signal == NewSignal(
            receivedAt: LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 9, minute: 15), source: .phone,
            reporterType: .professional, reporterName: "R. Kamphuis", reporterOrganisation: "Huisartsenpraktijk",
            reporterContact: "053-0000000", municipality: Municipality.twente[7], forms: [.sexual, .organRemoval],
            description: "Zorgen over een jonge vrouw.", location: "Goor", acute: true, minorInvolved: false,
            persons: [NewPerson(initials: "Z.Ç.", birthYear: 2004, role: .presumedVictim, givenName: "Zoë")]))
    }

    /// Found by fuzzing (Fuzz/regressions/intake/): a CR in a description was stored as it came.
    @Test func aDescriptionsLineEndsAreKeptAsLineFeeds() throws {
        let signal = try parse("""
            {"bron": "intranet", "melder": {"type": "anoniem"}, "gemeente": "Borne", "vormen": ["arbeid"],
             "beschrijving": "Windows\\r\\nregel\\roud\\nnieuw"}
            """).get()
        #expect(signal.description == "Windows\nregel\noud\nnieuw")
    }

    @Test func theMinimumIsSourceReporterTypeMunicipalityFormsAndDescription() throws {
        let signal = try parse("""
            {"bron": "intranet", "melder": {"type": "anoniem"}, "gemeente": "Borne", "vormen": ["arbeid"], "beschrijving": "x"}
            """).get()
        #expect(signal.receivedAt == nil)
        #expect(signal.persons.isEmpty && !signal.acute && !signal.minorInvolved)
    }

    @Test func everyProblemIsListed() {
        let result = parse("""
            {"ontvangen_op": "2026-11-25T08:00", "bron": "fax", "melder": {"type": "inwoner", "email": "a@b"},
             "gemeente": "Utrecht", "vormen": [], "beschrijving": "", "acuut": 1, "kleur": "rood",
             "betrokkenen": [{"initialen": "A.B.", "rol": "dader", "geboortejaar": 1850}, "C.D."]}
            """)
        #expect(result.failure?.messages == [
            "kleur: onbekend veld",
            "ontvangen_op: ligt in de toekomst",
            "bron: 'fax' is geen geldige waarde (kies uit: intranet, telefoon, e-mail, persoonlijk)",
            "gemeente: 'Utrecht' is geen Twentse gemeente",
            "vormen: verwacht een lijst met een of meer van: seksueel, arbeid, crimineel, orgaan",
            "beschrijving: is leeg",
            "acuut: verwacht true of false",
            "melder.email: onbekend veld",
            "betrokkenen[1].geboortejaar: verwacht een jaar tussen 1900 en 2026",
            "betrokkenen[2]: verwacht een object met initialen, geboortejaar en rol",
        ])
    }

    @Test func malformedJSONAndOtherShapesAreRefused() {
        #expect(parse(#"{"bron": "#).failure?.messages.first?.hasPrefix("geen geldige JSON") == true)
        #expect(parse("[1, 2]").failure?.messages == ["verwacht één JSON-object met de velden van het meldingsformulier"])
        #expect(parse(#"{"bron": "intranet"}"#).failure?.messages == [
            "gemeente: ontbreekt", "vormen: ontbreekt (een of meer van: seksueel, arbeid, crimineel, orgaan)",
            "beschrijving: ontbreekt", "melder: ontbreekt",
        ])
    }

    @Test func tooLongTextIsRefusedWithItsLength() {
        let long = String(repeating: "a", count: NewSignal.Limit.short + 1)
        let result = parse("""
            {"bron": "intranet", "melder": {"type": "inwoner", "naam": "\(long)"}, "gemeente": "Borne", "vormen": ["arbeid"],
             "beschrijving": "x"}
            """)
        #expect(result.failure?.messages == ["melder.naam: te lang (201 tekens, hooguit 200)"])
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { return error } else { return nil } }
}
