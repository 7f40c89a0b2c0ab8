import Meldroute
import SchakelCore
import SchakelStore

/// The demo's advies en consult: three years and this one of several questions a month from
/// schools, GPs, wijkteams, employers and colleagues, each answered (most the same day), most closed
/// without follow-up or referred to an organisation on the sociale kaart, and a share turned into
/// the signal that followed in the same municipality; the last two weeks still open. No names of
/// the people a question is about; the organisations are made up.
struct DemoConsults {
    let engine: WorkflowEngine
    let today: LocalDateTime
    let calendar: WorkingDayCalendar

    static let askers: [(AskerKind, [String])] = [
        (.school, ["OBS De Regenboog", "Twents Carmel College (locatie fictief)", "ROC van Twente, team Zorg", "Praktijkschool De Brug"]),
        (.generalPractitioner, ["Huisartsenpraktijk Centrum", "Huisartsen Het Erf", "Gezondheidscentrum De Marke"]),
        (.neighbourhoodTeam, ["Wijkteam Noord", "Wijkteam Centrum-Oost", "Sociaal team Dorp"]),
        (.youthCare, ["Jeugdteam Zuid", "Pleegzorg regio Twente (fictief)"]),
        (.care, ["Verslavingszorg polikliniek", "Daklozenopvang De Haven", "Vrouwenopvang (fictief)"]),
        (.police, ["Basisteam Twente-Noord", "Wijkagent Oost"]),
        (.municipality, ["Team Werk en Inkomen", "Leerplicht", "Team Handhaving"]),
        (.employer, ["Uitzendbureau Twentewerk (fictief)", "Agrarisch bedrijf (fictief)", "Schoonmaakbedrijf (fictief)"]),
        (.other, ["Vrijwilligersorganisatie", "Kerkelijke diaconie"]),
    ]

    /// A form, a question, the advice given, and who would ask it.
    static let questions: [(ExploitationForm, String, String, [AskerKind])] = [
        (.sexual, "Een leerling van 15 heeft opeens dure spullen en wordt na school opgehaald door een oudere 'vriend'. Is dit mensenhandel, wat doen wij?",
         "Signalen van loverboyproblematiek. Gesprek met de leerling via de vertrouwenspersoon, ouders betrekken, meldcode volgen; bij twijfel melden bij Veilig Thuis.",
         [.school, .youthCare]),
        (.sexual, "Een cliënte vertelt dat zij 'voor een vriend' met mannen moet afspreken om een schuld af te lossen.",
         "Mogelijk seksuele uitbuiting. Veiligheid eerst; aanbieden van een gesprek met de zorgcoördinator; CoMensha kan opvang regelen.",
         [.care, .generalPractitioner, .neighbourhoodTeam]),
        (.labour, "Arbeidsmigranten wonen met twaalf man in één huis; de werkgever houdt hun paspoorten in en hun loon op.",
         "Signalen van arbeidsuitbuiting. Vastleggen wat is gezien, bespreken met de AF; melding bij de Arbeidsinspectie is mogelijk.",
         [.employer, .municipality, .police, .other]),
        (.labour, "Een man werkt zeven dagen per week in een nagelsalon en slaapt in het magazijn. Is dit al uitbuiting?",
         "Kan uitbuiting zijn: hoge mate van afhankelijkheid. Gesprek aanbieden, informatie over rechten geven, AF inschakelen.",
         [.municipality, .neighbourhoodTeam, .other]),
        (.criminal, "Een jongen van 16 vervoert pakketjes voor anderen en is bang voor wat er gebeurt als hij stopt.",
         "Mogelijk criminele uitbuiting. Veilig Thuis raadplegen (minderjarige), Halt of jongerenwerk betrekken, politie bij acuut gevaar.",
         [.school, .youthCare, .police]),
        (.criminal, "Een cliënt wordt gedwongen bankrekeningen af te staan en pinpassen in te leveren.",
         "Signaal van criminele uitbuiting (geldezel). Vastleggen, schuldhulp inschakelen, bespreken in het casusoverleg.",
         [.care, .municipality, .neighbourhoodTeam]),
        (.organRemoval, "Een patiënt vertelt over een 'aanbod' om in het buitenland een nier af te staan om een schuld af te lossen.",
         "Zeldzaam maar ernstig. Direct overleggen met het KMT en de politie (AVIM).",
         [.generalPractitioner, .care]),
    ]

    static func organisations(of kind: AskerKind) -> [String] { askers.first { $0.0 == kind }?.1 ?? ["Onbekend"] }

    static let referrals = ["Veilig Thuis Twente (VTT)", "CoMensha", "Halt", "SMD Enschede", "GGD Twente", "Nederlandse Arbeidsinspectie (NLA)"]

    func add(into importer: BulkImport) throws {
        guard let processManager = try importer.userID(login: "pm.kmt") else { return }
        var random = SplitMix64(seed: 0xC0_5017)
        let signals = try importer.signals()
        var used: Set<Int64> = []
        // The consults that became signals: one asked some days before each of a share of the signals.
        var converted: [(consult: NewConsult, signal: BulkImport.SignalFacts, by: (Int64?, String))] = []
        for signal in signals where random.next(in: 1...9) == 1 && signal.receivedAt.date.year >= today.date.year - 3 {
            guard let municipality = Municipality.twente.first(where: { $0.id == signal.municipalityID }), !used.contains(signal.id) else { continue }
            used.insert(signal.id)
            let asked = signal.receivedAt.adding(minutes: -60 * 24 * random.next(in: 0...10) - random.next(in: 120...300))
            let form = signal.forms.members.first ?? .labour
            let fitting = Self.questions.filter { $0.0 == form }
            let question = random.pick(fitting.isEmpty ? Self.questions : fitting)
            let kind = random.pick(question.3)
            converted.append((NewConsult(askedAt: asked, askerKind: kind, askerOrganisation: random.pick(Self.organisations(of: kind)),
                                         municipality: municipality, forms: signal.forms, question: question.1),
                              signal, try author(municipality, importer: importer, processManager: processManager, &random)))
        }
        var made: [(consult: NewConsult, by: (Int64?, String))] = []
        let first = CivilDate(year: today.date.year - 3, month: 1, day: 1)!
        var month = first
        while month <= today.date {
            for _ in 0..<random.next(in: 3...6) {
                let day = calendar.workingDay(onOrAfter: CivilDate(year: month.year, month: month.month, day: random.next(in: 1...27))!)
                let asked = LocalDateTime(date: day, hour: random.next(in: 9...16), minute: random.pick([0, 10, 15, 30, 45]))
                guard asked < today else { continue }
                let municipality = random.next(in: 1...3) == 1 ? random.pick(Municipality.twente)
                    : random.pick(Municipality.twente.filter { ["Enschede", "Hengelo", "Almelo"].contains($0.name) })
                let (form, question, _, askers) = random.pick(Self.questions)
                let kind = random.pick(askers)
                made.append((NewConsult(askedAt: asked, askerKind: kind, askerOrganisation: random.pick(Self.organisations(of: kind)),
                                        municipality: municipality, forms: ExploitationForms([form]), question: question),
                             try author(municipality, importer: importer, processManager: processManager, &random)))
            }
            month = month.adding(months: 1)
        }
        // In the order they were asked, so their codes run with the dates.
        let all = (converted.map { ($0.consult, Optional($0.signal), $0.by) } + made.map { ($0.consult, nil, $0.by) })
            .sorted { $0.0.askedAt < $1.0.askedAt }
        for (consult, signal, by) in all {
            let advice = Self.questions.first { $0.1 == consult.question }?.2 ?? "Besproken wat de signalen zijn en wie te bellen."
            let answered = consult.askedAt.adding(minutes: random.next(in: 20...90))
            var steps: [(event: String, fields: FieldValues, at: LocalDateTime)] = []
            let recent = consult.askedAt.date >= today.date.adding(days: -14)
            if signal != nil || !recent || random.next(in: 1...3) > 1 {
                steps.append((ConsultStates.adviceGiven, ["advies": .text(advice)], min(answered, today)))
            }
            if let signal {
                let saved = try importer.addConsult(consult, engine: engine, authorID: by.0, who: by.1, steps: steps)
                try importer.convertConsult(saved.id, intoSignal: signal.id, code: signal.code, engine: engine, authorID: by.0, at: signal.receivedAt)
                try importer.addLine(on: .signal(signal.id), kind: .referral, "Signaal uit consult \(saved.code) (advies en consult).", authorID: by.0,
                                     at: signal.receivedAt)
                continue
            }
            if !recent && !steps.isEmpty {
                let referred = random.next(in: 1...3) == 1
                let closed = calendar.workingDay(onOrAfter: consult.askedAt.date.adding(days: random.next(in: 1...10)))
                steps.append((ConsultStates.close, referred ? ["uitkomst": .choice("doorverwezen"), "organisatie": .text(random.pick(Self.referrals))]
                                                            : ["uitkomst": .choice("geen_vervolg")],
                              min(LocalDateTime(date: closed, hour: 11, minute: 0), today)))
            }
            try importer.addConsult(consult, engine: engine, authorID: by.0, who: by.1, steps: steps)
        }
    }

    /// Who took the call: the municipality's AF half the time, else the procesmanager.
    private func author(_ municipality: Municipality, importer: BulkImport, processManager: Int64,
                        _ random: inout SplitMix64) throws -> (Int64?, String) {
        let slug = municipality.name.lowercased().replacingOccurrences(of: " ", with: "-")
        if random.next(in: 1...2) == 1, let officer = try importer.userID(login: "af.\(slug)") {
            return (officer, municipality.name == "Enschede" ? "Anouk Veldkamp (demo)" : "AF \(municipality.name) (demo)")
        }
        return (processManager, "Procesmanager KMT (demo)")
    }
}
