import Testing
@testable import Meldroute

/// The shipped directory file: every problem named with its line, and how organisations are
/// reached checked as officers would dial and type them.
@Suite struct DirectoryFileTests {
    let vocabulary = DirectoryVocabulary(domains: ["zorg", "veiligheid"], targetGroups: ["minderjarigen", "volwassenen"],
                                         forms: ["seksueel", "arbeid"], municipalities: ["Enschede", "Hengelo"])

    func problems(_ yaml: String) -> [String] {
        do {
            _ = try DirectoryFile.parse(yaml: yaml, file: "organisaties.yaml", vocabulary: vocabulary)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aWellFormedFileIsRead() throws {
        let directory = try DirectoryFile.parse(yaml: """
            versie: 3
            organisaties:
              - sleutel: vtt
                naam: Veilig Thuis Twente (VTT)
                kort: VTT
                domeinen: [zorg, veiligheid]
                doelgroepen: [minderjarigen]
                vormen: [seksueel]
                gebied: twente
                aanbod: Advies- en meldpunt.
                telefoon: 0800-2000
                crisislijn: 0800-2000
                crisis_24_7: true
              - sleutel: loes
                naam: Loes
                domeinen: zorg
                doelgroepen: [volwassenen]
                gebied: [Hengelo]
                aanbod: Voorlichting.
            """, file: "organisaties.yaml", vocabulary: vocabulary)
        #expect(directory.version == 3)
        #expect(directory.organisations.map(\.key) == ["vtt", "loes"])
        #expect(directory.organisations[0].crisisAlwaysReachable && directory.organisations[0].line == 3)
        #expect(directory.organisations[1].area == ["Hengelo"] && directory.organisations[1].domains == ["zorg"])
    }

    @Test func everyProblemIsNamedWithItsLine() {
        let found = problems("""
            versie: 1
            organisaties:
              - sleutel: vtt
                naam: VTT
                domeinen: [zorg]
                doelgroepen: [kinderen]
                gebied: twente
                aanbod: x
                telefoon: 053-12345
                crisis_24_7: true
              - sleutel: vtt
                naam: Tweede
                domeinen: [zorg]
                doelgroepen: [volwassenen]
                gebied: [twente, Enschede]
                website: www.voorbeeld.nl
                email: info@voorbeeld
                adres: Straat 1
            """)
        #expect(found == [
            "organisaties.yaml:6: onbekend in 'doelgroepen': 'kinderen'; bekend: minderjarigen, volwassenen",
            "organisaties.yaml:9: '053-12345' heeft 8 cijfers; een Nederlands nummer heeft er 10",
            "organisaties.yaml:10: dag en nacht bereikbaar, maar er is geen 'crisislijn'",
            "organisaties.yaml:11: 'aanbod' ontbreekt",
            "organisaties.yaml:11: sleutel 'vtt' staat er twee keer in",
            "organisaties.yaml:15: 'gebied' is twente, landelijk, of een lijst van gemeenten",
            "organisaties.yaml:16: 'www.voorbeeld.nl' is geen webadres: begin met https:// en geef een domein als organisatie.nl",
            "organisaties.yaml:17: 'info@voorbeeld' is geen e-mailadres: na de @ hoort een domein als organisatie.nl",
            "organisaties.yaml:18: onbekende sleutel 'adres'; bekend: aanbod, crisis_24_7, crisislijn, doelgroepen, domeinen, email, gebied, kort, naam, openingstijden, sleutel, soort, telefoon, vormen, website",
        ])
        #expect(problems("organisaties: []") == ["organisaties.yaml:1: verwacht 'versie': een getal vanaf 1"])
    }

    @Test(arguments: ["053-4800000", "06-12345678", "088 123 45 67", "0800-2000", "0900-8844", "+31 53 480 0000", "112",
                      "(053) 480 00 00", "14 053", "116 000", "0031 53 480 0000"])
    func dutchNumbersAreAccepted(_ number: String) {
        #expect(ContactFormat.phoneProblem(number) == nil)
    }

    @Test(arguments: ["053-48000", "+32 2 123 45 67", "0800-12", "bel ons", "053+4800000", "123"])
    func otherNumbersAreRefusedWithWhy(_ number: String) {
        #expect(ContactFormat.phoneProblem(number) != nil)
    }

    @Test func emailAndWebAddresses() {
        for right in ["info@veiligthuis.nl", "j.de-vries+kmt@gemeente.enschede.nl", "o'brien@politie.nl", "zorg@coördinatie.nl"] {
            #expect(ContactFormat.emailProblem(right) == nil, "\(right)")
        }
        // Addresses, not "anything without whitespace".
        for wrong in ["info", "@veiligthuis.nl", "info@veiligthuis", "in fo@veiligthuis.nl", "a@b@c.nl", "a<b>@c.nl", "a\"b@c.nl",
                      "a;b@c.nl", ".a@c.nl", "a.@c.nl", "a..b@c.nl", "a@-c.nl", "a@c-.nl", "a@c..nl", "a@c.n1", "a@c.n", "a@c_d.nl",
                      "a\u{1B}[2J@c.nl", "a@c.nl\u{202E}"] {
            #expect(ContactFormat.emailProblem(wrong) != nil, "\(wrong)")
        }
        #expect(ContactFormat.websiteProblem("https://www.politie.nl/aangifte") == nil)
        for wrong in ["www.politie.nl", "ftp://politie.nl", "https://politie", "https://poli tie.nl"] {
            #expect(ContactFormat.websiteProblem(wrong) != nil, "\(wrong)")
        }
    }
}
