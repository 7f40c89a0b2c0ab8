import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// Gives every demo signal the route history that leads to its state (fired through the engine,
/// so it obeys every rule, the VTT obligation included), opens KMT cases for some signals passed on
/// to the KMT, and adds partners, meetings and agreements. Deterministic for a given day.
struct DemoHistory {
    /// The workflows the demo walks, so that its signals and cases got where they are by real steps.
    let workflows: Workflows
    let today: LocalDateTime
    let calendar: WorkingDayCalendar
    /// The series the demo's meetings come from (none: no meetings).
    var meetingSeries: [MeetingSeriesDefinition] = []
    var random = SplitMix64(seed: 0xD3_4D_0C)
    /// Cases that went up to a regional table, and when: their meetings are added with the others.
    var escalations: [(id: Int64, code: String, table: MeetingKind, at: LocalDateTime)] = []
    /// The organisations of the sociale kaart, by name.
    var partnerIDs: [String: Int64] = [:]

    /// The events that lead from the start to each state, after the VTT report where it is owed.
    static let signalPaths: [String: [String]] = [
        "gemeld": [], "contact": ["contact_opgenomen"], "onderzoek": ["contact_opgenomen", "onderzoek_gestart"],
        "beslismoment": ["contact_opgenomen", "onderzoek_gestart", "voorgelegd_werkoverleg"],
        "doorgezet": ["contact_opgenomen", "onderzoek_gestart", "voorgelegd_werkoverleg", "besluit"],
        "afgesloten": ["contact_opgenomen", "onderzoek_gestart", "voorgelegd_werkoverleg", "besluit"],
    ]
    static let casePaths: [String: [String]] = [
        "aangemeld": [], "triage": ["triage_gestart"], "advies_consult": ["triage_gestart", "advies_gevraagd"],
        "casusregie": ["triage_gestart", "casusregie_gestart"],
        "opgeschaald": ["triage_gestart", "casusregie_gestart", "opgeschaald"],
        "afgeschaald": ["triage_gestart", "casusregie_gestart", "afgeschaald"],
        "doorverwezen": ["triage_gestart", "casusregie_gestart", "doorverwezen"],
        "afgesloten": ["triage_gestart", "advies_gevraagd", "advies_gegeven"],
    ]

    mutating func add(into importer: BulkImport) throws {
        try addPartners(importer)
        partnerIDs = Dictionary(try importer.partnerIDs().map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        let processManager = try importer.userID(login: "pm.kmt")
        for signal in try importer.signals() {
            var instance = WorkflowInstance(state: "gemeld", facts: CaseFacts(acute: signal.acute, minorInvolved: signal.minorInvolved),
                                            receivedAt: signal.receivedAt)
            var events = Self.signalPaths[signal.state] ?? []
            if random.next(in: 1...5) > 1 || signal.state != "gemeld" { events.insert("ontvangst_bevestigd", at: 0) }
            if instance.facts.acute || instance.facts.minorInvolved { events.insert("vtt_gemeld", at: 0) }
            let fired = try walk(workflows.signalRoute, &instance, events: events, from: signal.receivedAt, toward: signal.state)
            try importer.record(fired, on: .signal(signal.id), authorID: signal.officerID)
            try importer.setRoute(of: .signal(signal.id), to: instance, version: 1 + fired.count)
            // Those passed on to care direction (WMO) are referred to a care organisation.
            let decision = instance.recorded["besluit"]?["vervolgstappen"]
            if case .choices(let steps)? = decision, steps.contains("regie_wmo"), let decided = fired.last?.moment {
                try refer(.signal(signal.id), to: Self.careOrganisations, at: decided, reason: "Hulp en begeleiding na het besluit.",
                          authorID: signal.officerID, importer)
            }
            // Signals passed on to the KMT get a case, about one in two.
            if signal.state == "doorgezet", case .choices(let steps)? = decision, steps.contains("kmt_vtt"), random.next(in: 1...2) == 1,
               let lastMoment = fired.last?.moment {
                try openCase(for: signal, at: lastMoment, processManager: processManager, importer)
            }
        }
        try addMeetingsAndAgreements(importer)
    }

    /// Fires `events` in order, spread over the time from `start` until today.
    private mutating func walk(_ engine: WorkflowEngine, _ instance: inout WorkflowInstance, events: [String],
                               from start: LocalDateTime, toward target: String) throws -> [(FiredTransition, moment: LocalDateTime)] {
        var fired: [(FiredTransition, moment: LocalDateTime)] = []
        let available = max(1, calendar.workingDays(from: start.date, to: today.date))
        var day = start.date
        for (index, event) in events.enumerated() {
            // The VTT report, the acknowledgement and the contact come within days; later steps spread
            // over the time there is.
            let early = ["vtt_gemeld", "ontvangst_bevestigd", "contact_opgenomen", "triage_gestart", "crisis_opgepakt"].contains(event)
            // One contact in six comes after the three working days the route allows.
            let late = event == "contact_opgenomen" && random.next(in: 1...6) == 1
            let step = index == 0 ? 0 : late ? random.next(in: 3...6) : early ? random.next(in: 0...1)
                : max(1, min(available / (events.count + 1), random.next(in: 1...8)))
            day = calendar.addWorkingDays(step, to: day)
            if day > today.date { day = today.date }
            let moment = LocalDateTime(date: day, hour: random.next(in: 9...16), minute: random.next(in: 0...59))
            // Never before the start, never after "now".
            let at = min(max(moment, start), today)
            guard let definition = engine.workflow.event(event) else { throw StoreFailure.other("demo: stap \(event) ontbreekt") }
            let fields = values(for: definition, at: at, target: target)
            switch engine.fire(event, fields: fields, on: instance, now: at) {
            case .success(let transition):
                instance = transition.instance
                fired.append((transition, at))
            case .failure(let rejection):
                throw StoreFailure.other("demo: \(event) geweigerd: \(rejection.message)")
            }
        }
        return fired
    }

    /// Plausible values for an event's fields: texts by field, dates on the day, choices at random.
    private mutating func values(for event: EventDefinition, at moment: LocalDateTime, target: String) -> FieldValues {
        var values: FieldValues = [:]
        for field in event.fields {
            if !field.isRequired && random.next(in: 1...3) == 1 { continue }
            switch field.type {
            case .text:
                values[field.id] = .text(Self.texts[field.id].map { random.pick($0) } ?? "Zie gespreksverslag (fictief).")
            case .date:
                if field.id == "evaluatiedatum" {
                    // Review dates around today, some already past.
                    let wanted = calendar.addWorkingDays(random.next(in: -3...15), to: today.date)
                    values[field.id] = .date(max(wanted, moment.date))
                } else {
                    values[field.id] = .date(moment.date)
                }
            case .dateTime:
                values[field.id] = .dateTime(moment)
            case .choice:
                values[field.id] = .choice(random.pick(field.options).id)
            case .multipleChoice:
                let count = random.next(in: 1...min(2, field.options.count))
                var chosen: [String] = []
                while chosen.count < count {
                    let option = random.pick(field.options).id
                    if !chosen.contains(option) { chosen.append(option) }
                }
                values[field.id] = .choices(chosen)
            case .boolean:
                values[field.id] = .boolean(random.next(in: 1...4) > 1)
            }
        }
        if event.id == "besluit" {
            if target == "afgesloten" {
                values["vervolgstappen"] = nil
                values["reden_geen_vervolg"] = .choice(random.pick(Self.reasonsWithoutFollowUp))
                values["toelichting"] = .text(random.pick(Self.texts["toelichting_geen_vervolg"]!))
            } else {
                values["reden_geen_vervolg"] = nil
                var steps = ["kmt_vtt"]
                if random.next(in: 1...3) == 1 { steps.append(random.pick(["regie_wmo", "ondermijningsoverleg", "riec"])) }
                if random.next(in: 1...4) == 1 { steps = [random.pick(["regie_wmo", "ondermijningsoverleg", "riec"])] }
                values["vervolgstappen"] = .choices(steps)
            }
        }
        return values
    }

    private mutating func openCase(for signal: BulkImport.SignalFacts, at moment: LocalDateTime, processManager: Int64?,
                                   _ importer: BulkImport) throws {
        let perpetrator = signal.forms.contains(.criminal) && random.next(in: 1...3) == 1
        let state = random.pick(["aangemeld", "triage", "advies_consult", "casusregie", "casusregie", "opgeschaald", "opgeschaald",
                                 "afgeschaald", "doorverwezen", "afgesloten"])
        let created = try importer.openCase(
            fromSignal: signal.id, at: moment, caseProcess: workflows.caseProcess,
            receivedLine: "Casus aangemaakt uit signaal \(signal.code).", authorID: processManager,
            summary: perpetrator ? "Daderaanpak: netwerk rond ronselaar (fictief)." : "Slachtofferzorg en veiligheid (fictief).",
            perpetratorTrack: perpetrator, processManagerID: processManager)
        var instance = created.instance
        // A case from an acute signal starts in crisis; in the demo that crisis was picked up.
        let events = (instance.facts.crisis ? ["crisis_opgepakt"] : []) + (Self.casePaths[state] ?? [])
        var fired = try walk(workflows.caseProcess, &instance, events: events, from: moment, toward: state)
        if state != "afgesloten" && random.next(in: 1...8) == 1 {
            // A crisis declared today, not yet picked up.
            fired += try walk(workflows.caseProcess, &instance, events: ["crisis_gemeld"], from: today, toward: state)
        }
        // Where its walk through the KMT process left it; referred or escalated where it went.
        try importer.setRoute(of: .kmtCase(created.id), to: instance, version: 1 + fired.count)
        for (transition, at) in fired {
            switch transition.event.id {
            case "opgeschaald":
                escalations.append((created.id, created.code, perpetrator ? .dadertafel : .casustafel, at))
            case "casusregie_gestart" where !perpetrator && random.next(in: 1...2) == 1:
                try refer(.kmtCase(created.id), to: Self.victimCare, at: at, reason: "Opvang en begeleiding binnen de casusregie.",
                          authorID: processManager, importer)
            case "doorverwezen":
                try refer(.kmtCase(created.id), to: perpetrator ? Self.enforcers : Self.victimCare, at: at, reason: "Doorverwezen door het KMT.",
                          authorID: processManager, importer)
            case "afgeschaald":
                try refer(.kmtCase(created.id), to: Self.careOrganisations, at: at, reason: "Afgeschaald naar de lokale zorg.",
                          authorID: processManager, importer)
            default:
                break
            }
        }
        try importer.addLine(on: .signal(signal.id), kind: .referral, perpetrator ? "KMT-casus aangemaakt." : "KMT-casus \(created.code) aangemaakt.",
                             authorID: processManager, at: moment)
        try importer.record(fired, on: .kmtCase(created.id), authorID: processManager)
    }

    /// A referral to one of `organisations` that the sociale kaart has.
    private mutating func refer(_ subject: TimelineSubject, to organisations: [String], at moment: LocalDateTime, reason: String,
                                authorID: Int64?, _ importer: BulkImport) throws {
        let name = random.pick(organisations)
        guard let id = partnerIDs[name] else { return }
        try importer.addReferral(about: subject, toPartner: id, named: name, on: moment, reason: reason, authorID: authorID)
    }

    static let careOrganisations = ["SMD Enschede", "GGD Twente", "Humanitas Onder Dak (Humod)", "Jarabee", "Skillz jongerenwerk"]
    static let victimCare = ["CoMensha", "Humanitas Onder Dak (Humod)", "FairWork", "Jarabee", "Transfore"]
    static let enforcers = ["Politie / AVIM", "Openbaar Ministerie", "Nederlandse Arbeidsinspectie (NLA)"]

    /// Fictional contact persons at some of the organisations the shipped directory brought in,
    /// marked as fictional. The draws are made for every name of the list, whether the
    /// organisation is there or not, so that the rest of the demo stays the same.
    private mutating func addPartners(_ importer: BulkImport) throws {
        let ids = Dictionary(try importer.partnerIDs().map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        for name in Self.partners {
            guard random.next(in: 1...2) == 1 else { continue }
            let person = random.pick(Self.contactNames)
            let function = random.pick(["contactpersoon", "teamleider", "aandachtsfunctionaris"])
            let number = random.next(in: 1000...9999)
            guard let id = ids[name] else { continue }
            let mailbox = person.lowercased().filter(\.isLetter)
            try importer.addFictionalContact(toPartner: id, name: person + " (fictief)", function: function,
                                             phone: "06-0000\(number)", email: "\(mailbox)@example.org")
        }
    }

    private mutating func addMeetingsAndAgreements(_ importer: BulkImport) throws {
        try addMeetings(importer)
        // Agreements on signals under investigation: some due this week, a few overdue.
        for id in try importer.signalIDs(in: "onderzoek", limit: 12) {
            let due = calendar.addWorkingDays(random.next(in: -2...7), to: today.date)
            try importer.addActionItem(about: .signal(id), description: random.pick(Self.agreements),
                                       owner: random.pick(["AF", "KMT", "wijkteam", "melder"]), due: due, createdAt: today)
        }
    }

    /// Why a signal went no further, about as often as each happens: mostly no signs of
    /// exploitation, or help already under way.
    static let reasonsWithoutFollowUp = ["geen_aanwijzingen", "geen_aanwijzingen", "geen_aanwijzingen", "reguliere_hulp", "reguliere_hulp",
                                         "elders_belegd", "niet_bereikbaar", "te_weinig_informatie", "anders"]

    static let texts: [String: [String]] = [
        "waarnemingen": [
            "Melder zag meerdere keren dat een busje vroeg in de ochtend mensen ophaalt.",
            "Cliënt vertelde over een schuld aan een 'werkgever' die steeds hoger wordt.",
            "Leerling heeft opeens dure spullen en wordt opgehaald door oudere jongens.",
        ],
        "betrokkenen": ["A.B. (mogelijk slachtoffer), C.D. (werkgever)", "E.F. (minderjarig), onbekende oudere man", "G.H. en twee huisgenoten"],
        "duiding": ["Sterke aanwijzingen voor arbeidsuitbuiting.", "Signalen passen bij criminele uitbuiting; KMT adviseert melden.",
                    "Onvoldoende aanwijzingen; wel zorgen over huisvesting."],
        "toelichting_geen_vervolg": ["Na onderzoek geen aanwijzingen voor uitbuiting.", "Betrokkene vertrokken naar het buitenland.",
                                     "Overgedragen aan het wijkteam voor schuldhulp."],
        "gemeld_door": ["de melder", "de AF", "het wijkteam"],
        "plan": ["AF vraagt gegevens op bij Burgerzaken en Handhaving.", "Check bij het KMT en de wijkagent."],
        "procesmanager": ["Procesmanager KMT (demo)"],
        "casusregisseur": ["Procesmanager KMT (demo)"],
        "eerste_inschatting": ["Complexe casus; regie door het KMT nodig.", "Advies aan de professional volstaat waarschijnlijk."],
        "vraagsteller": ["Wijkteam (fictief)", "Huisarts (fictief)", "Jongerenwerker (fictief)"],
        "vraag": ["Hoe ga ik het gesprek aan met een mogelijk slachtoffer?", "Moet ik dit melden bij Veilig Thuis?"],
        "doel": ["Veiligheid en opvang regelen, aangifte bespreken.", "Zicht krijgen op het netwerk rond de werkgever."],
        "reden": ["Meerdere partijen betrokken; afstemming aan tafel nodig.", "Gespecialiseerde opvang nodig."],
        "lokale_zorgstructuur": ["Wijkteam gemeente (fictief)", "Sociaal team (fictief)"],
        "organisatie": ["CoMensha", "Humanitas Onder Dak (Humod)", "Veilig Thuis Twente"],
        "advies": ["Gesprek voeren met de cliënt, signalen vastleggen, zo nodig melden bij VTT."],
        "situatie": ["Betrokkene is bedreigd en durft niet naar huis."],
        "maatregelen": ["Crisisopvang geregeld via Humod; politie geïnformeerd."],
        "uitkomst": ["Politie start onderzoek; KMT houdt regie op zorg."],
    ]
    static let agreements = [
        "Melder terugbellen over nieuwe informatie", "Gegevens opvragen bij Burgerzaken", "Check bij de wijkagent",
        "Gesprek plannen met betrokkene en tolk", "Terugkoppeling vragen aan het wijkteam",
    ]
    static let contactNames = ["M. Jansen", "P. de Vries", "S. Bakker", "L. Visser", "T. Smit"]
    /// The organisations the demo gives contact persons, in the order its draws were always made.
    static let partners = [
        "Kenniscentrum Mensenhandel Twente (KMT)",
        "Zorg- en Veiligheidshuis Twente (ZVHT)",
        "Veiligheidsregio Twente (VRT)",
        "Veilig Thuis Twente (VTT)",
        "RIEC Oost-Nederland",
        "Politie / AVIM",
        "Openbaar Ministerie",
        "Nederlandse Arbeidsinspectie (NLA)",
        "CoMensha",
        "Jeugdbescherming Overijssel (JBOV)",
        "Raad voor de Kinderbescherming",
        "Transfore",
        "Jarabee",
        "Humanitas Onder Dak (Humod)",
        "Halt",
        "Loes",
        "Skillz jongerenwerk",
        "SMD Enschede",
        "GGD Twente",
        "Risk Factory",
        "Expertisecentrum Mensenhandel en Mensensmokkel (EMM)",
        "FairWork",
        "Wegwijzer Mensenhandel",
    ]
}
