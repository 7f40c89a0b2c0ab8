import Testing
import Meldroute
@testable import SchakelCore

/// Whom to call first: the rules in file order, each organisation once, none that does not work
/// in the municipality.
@Suite struct CallAdviceTests {
    let rules = [
        CallRule(name: "Acuut", acute: true, calls: [.init(organisation: "politie", reason: "112")]),
        CallRule(name: "Minderjarig", minor: true, calls: [.init(organisation: "vtt", reason: "meldcode"),
                                                           .init(organisation: "politie", reason: "nog eens")]),
        CallRule(name: "Seksueel", forms: ["seksueel"], calls: [.init(organisation: "loes", reason: "voorlichting")]),
        CallRule(name: "Volwassen", minor: false, calls: [.init(organisation: "comensha", reason: "opvang")]),
        CallRule(name: "Altijd", calls: [.init(organisation: "kmt", reason: "advies"), .init(organisation: "weg", reason: "?")]),
    ]
    let partners: [String: Partner] = [
        "politie": Partner(id: 1, name: "Politie / AVIM"), "vtt": Partner(id: 2, name: "Veilig Thuis Twente (VTT)"),
        "loes": Partner(id: 3, name: "Loes", area: .municipalities(["Hengelo"])), "comensha": Partner(id: 4, name: "CoMensha", area: .national),
        "kmt": Partner(id: 5, name: "KMT"),
    ]

    func keys(_ situation: CallSituation) -> [String] {
        CallAdvice.advise(rules, for: situation, partners: partners).map(\.key)
    }

    @Test func rulesAddUpInOrderAndEachOrganisationComesOnce() {
        let advice = CallAdvice.advise(rules, for: CallSituation(minor: true, forms: [.sexual], acute: true), partners: partners)
        #expect(advice.map(\.key) == ["politie", "vtt", "loes", "kmt", "weg"])
        // The first rule that names an organisation gives its reason.
        #expect(advice.first?.reason == "112" && advice.first?.rule == "Acuut")
        // One the sociale kaart here does not have is still named, without an organisation.
        #expect(advice.last?.partner == nil)
        #expect(keys(CallSituation(minor: false)) == ["comensha", "kmt", "weg"])
    }

    @Test func whoDoesNotWorkInTheMunicipalityIsLeftOut() {
        #expect(keys(CallSituation(minor: true, forms: [.sexual, .labour], municipality: "Enschede")) == ["vtt", "politie", "kmt", "weg"])
        #expect(keys(CallSituation(minor: true, forms: [.sexual], municipality: "Hengelo")).contains("loes"))
    }
}
