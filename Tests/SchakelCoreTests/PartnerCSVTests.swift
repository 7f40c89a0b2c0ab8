import Foundation
import Testing
import Meldroute
@testable import SchakelCore

/// The sociale kaart's CSV: what Dutch Excel writes is read back, and a malformed file is refused
/// whole with every problem at its line and column.
@Suite struct PartnerCSVTests {
    func problems(_ text: String) -> [String] {
        switch PartnerCSV.read(Data(text.utf8)) {
        case .success: return []
        case .failure(let problems): return problems.problems.map(\.description)
        }
    }

    @Test func anExportIsReadBackAsItWas() throws {
        let partners = [
            Partner(name: "Veilig Thuis Twente (VTT)", shortName: "VTT", kind: "advies- en meldpunt", domains: PartnerDomains([.care, .safety]),
                    targetGroups: TargetGroups([.minors, .adults]), forms: [.sexual, .labour], offer: "Meldpunt; \"meldcode\"\nook acuut.",
                    phone: "0800-2000", crisisLine: "0800-2000", crisisAlwaysReachable: true,
                    verified: Verification(on: CivilDate(iso: "2026-11-24")!, by: "Zorgcoördinator KMT")),
            Partner(name: "Loes", area: .municipalities(["Hengelo", "Borne"]), website: "https://www.loes.nl"),
        ]
        let data = PartnerCSV.export(partners)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix(PartnerCSV.columns.joined(separator: ";") + "\r\n"))
        #expect(text.contains("\"Meldpunt; \"\"meldcode\"\"\nook acuut.\""))
        let read = try PartnerCSV.read(data).get()
        #expect(read == partners)
    }

    @Test func aWrongHeaderIsNamed() {
        #expect(problems("naam;kleur\nA;rood\n") == ["regel 1, kolom kleur: onbekende kolom; bekend: \(PartnerCSV.columns.joined(separator: ", "))"])
        #expect(problems("soort\nopvang\n") == ["regel 1: de kolom ‘naam’ ontbreekt"])
        #expect(problems("") == ["regel 1: het bestand is leeg"])
    }

    @Test func wrongEncodingIsNamedWithItsLine() {
        var data = Data("naam;soort\nA;opvang\n".utf8)
        data.append(contentsOf: [0x42, 0x3B, 0x63, 0x61, 0x66, 0xE9, 0x0A])  // "B;café" in Latin-1
        guard case .failure(let problems) = PartnerCSV.read(data) else {
            Issue.record("a Latin-1 file was read")
            return
        }
        #expect(problems.problems.map(\.line) == [3] && problems.description.contains("geen UTF-8"))
    }

    @Test func everyProblemOfEveryRowAtItsLineAndColumn() {
        #expect(problems("""
            naam;telefoon;doelgroepen;crisis_24_7;email
            A"b;053-4800000;;nee;
            B;12;;;
            C;;kinderen;misschien;info@c
            B;;;;
            ;;;;
            "Open;053;;;
            D;;;;
            """) == [
                "regel 2, kolom naam: de aanhalingstekens kloppen niet (een veld met ; of \" staat tussen \"…\", een \" erin als \"\")",
                "regel 3, kolom telefoon: '12' is geen Nederlands telefoonnummer (begin met 0 of +31)",
                "regel 4, kolom crisis_24_7: ‘misschien’; verwacht ja of nee",
                "regel 4, kolom doelgroepen: onbekend: ‘kinderen’; bekend: arbeidsmigranten, jongeren, mannen, minderjarigen, sekswerkers, volwassenen, vrouwen",
                "regel 4, kolom email: 'info@c' is geen e-mailadres: na de @ hoort een domein als organisatie.nl",
                "regel 5, kolom naam: ‘B’ staat ook op regel 3",
                "regel 6, kolom naam: leeg; elke organisatie heeft een naam",
                "regel 7, kolom naam: een \" wordt niet afgesloten; alles vanaf hier leest als één veld, er is niets verder gelezen",
            ])
    }

    /// Found by fuzzing (Fuzz/regressions/csv-import/): the import took fields longer than the
    /// form and the store allow.
    @Test func anOffersLineEndsAreKeptAsLineFeeds() throws {
        let read = try PartnerCSV.read(Data("naam;aanbod\r\nA;\"opvang\r\nadvies\roud\"\r\n".utf8)).get()
        #expect(read.map(\.offer) == ["opvang\nadvies\noud"])
    }

    @Test func aFieldLongerThanItMayBeIsNamedWithItsLineAndColumn() {
        #expect(problems("naam;korte_naam\n\(String(repeating: "4", count: 244));KMT\nFairWork;\(String(repeating: "x", count: 41))\n") == [
            "regel 2, kolom naam: is te lang (244 tekens, hooguit 200)",
            "regel 3, kolom korte_naam: is te lang (41 tekens, hooguit 40)",
        ])
    }

    @Test func contactCardsAreVCardFourWithTelephoneURIs() {
        let contact = PartnerContact(partnerID: 1, name: "M. Jansen (fictief)", function: "teamleider, jeugd", phone: "053-4800000",
                                     email: "mjansen@example.org", isFictional: true)
        let text = ContactCards.vcards([(contact, "Veilig Thuis Twente (VTT)")])
        #expect(text.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:M. Jansen (fictief)\r\n"))
        #expect(text.contains("TITLE:teamleider\\, jeugd\r\n") && text.contains("TEL;VALUE=uri;TYPE=work,voice:tel:+31-534800000\r\n"))
        #expect(text.contains("NOTE:Fictief: demogegevens.\r\n") && text.hasSuffix("END:VCARD\r\n"))
        #expect(ContactCards.telephoneURI("+31 6 12345678") == "tel:+31-612345678")
        #expect(ContactCards.telephoneURI("112") == "tel:112" && ContactCards.telephoneURI("bel ons") == nil)
    }
}
