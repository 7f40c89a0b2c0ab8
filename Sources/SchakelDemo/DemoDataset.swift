import SchakelCore
import Meldroute

/// Fictional, deterministic demo content: the same `today` always gives the same data.
/// Every name is made up; reporters and contacts are marked "(fictief)".
struct DemoDataset {
    /// A signal as it was registered, and the step of the route it has reached.
    struct Signal {
        let signal: NewSignal
        let state: String
        var receivedAt: LocalDateTime { signal.receivedAt! }
    }

    let users: [User]
    /// In order of receipt, so that their codes run in that order too.
    let signals: [Signal]

    /// Login of the AF the demo opens as.
    static let demoLogin = "af.enschede"

    static func make(today: LocalDateTime, calendar: WorkingDayCalendar) -> DemoDataset {
        var random = SplitMix64(seed: 0x5C4A_4B31)
        var signals: [Signal] = []
        for municipality in Municipality.twente {
            // Every municipality has a signal in every state, two of them overdue; larger
            // municipalities get more.
            let guaranteed: [(workingDaysAgo: Int, state: String)] = [
                (1, "gemeld"), (6, "gemeld"), (9, "gemeld"), (4, "contact"), (18, "onderzoek"),
                (34, "beslismoment"), (80, "doorgezet"), (130, "afgesloten"),
            ]
            let extra = extraSignalCount[municipality.name, default: 4]
            var plan = guaranteed
            for _ in 0..<extra {
                // Half of them recent, so the inbox has work in every step of the route.
                let age = random.next(in: 1...2) == 1 ? random.next(in: 1...30) : random.next(in: 1...400)
                plan.append((age, state(forAge: age, random: &random)))
            }
            for (age, state) in plan {
                let day = calendar.addWorkingDays(-age, to: today.date)
                let received = LocalDateTime(date: day, hour: random.next(in: 8...16), minute: random.next(in: 0...59))
                signals.append(makeSignal(in: municipality, received: received, state: state, random: &random))
            }
        }
        signals.sort { $0.receivedAt < $1.receivedAt }
        return DemoDataset(users: makeUsers(), signals: signals)
    }

    private static let extraSignalCount = ["Enschede": 60, "Hengelo": 24, "Almelo": 20, "Oldenzaal": 8, "Hof van Twente": 6]

    static func state(forAge age: Int, random: inout SplitMix64) -> String {
        switch age {
        case ...3: return random.pick(["gemeld", "gemeld", "contact"])
        case 4...12: return random.pick(["gemeld", "contact", "contact", "onderzoek"])
        case 13...45: return random.pick(["onderzoek", "onderzoek", "beslismoment"])
        default: return random.pick(["doorgezet", "doorgezet", "afgesloten", "beslismoment"])
        }
    }

    static func makeSignal(in municipality: Municipality, received: LocalDateTime, state: String,
                                   random: inout SplitMix64) -> Signal {
        var forms = ExploitationForms([random.pick([.sexual, .labour, .labour, .criminal, .criminal, .sexual, .organRemoval])])
        if random.next(in: 1...5) == 1 { forms.formUnion(ExploitationForms([random.pick(ExploitationForm.allCases)])) }
        let minor = forms.contains(.criminal) ? random.next(in: 1...2) == 1 : random.next(in: 1...8) == 1
        let acute = random.next(in: 1...7) == 1
        let source = random.pick(SignalSource.allCases)
        let reporterType = random.pick([ReporterType.municipalEmployee, .municipalEmployee, .professional, .resident, .anonymous])
        let reporter = reporterType == .anonymous ? "" : random.pick(reporterNames) + " (fictief)"
        let organisation: String
        switch reporterType {
        case .municipalEmployee: organisation = random.pick(municipalTeams) + " gemeente \(municipality.name)"
        case .professional: organisation = random.pick(partnerOrganisations)
        case .resident, .anonymous: organisation = ""
        }
        var description = random.pick(descriptions[forms.members.first!]!)
        if source == .email && random.next(in: 1...3) == 1 {
            // Text pasted from an e-mail, with its line breaks and tabs, as it really arrives.
            description += "\r\n\r\n-----Oorspronkelijk bericht-----\r\nVan:\tmelder (fictief)\r\nOnderwerp:\tzorgen"
        }
        let personCount = random.next(in: 1...3)
        let persons = (0..<personCount).map { index -> NewPerson in
            let name = random.pick(personNames)
            let role: PersonRole = index == 0
                ? random.pick([.potentialVictim, .presumedVictim, .presumedVictim, .victim])
                : random.pick([.suspect, .environment, .presumedVictim, .perpetrator])
            let birthYear = minor && index == 0 ? received.date.year - random.next(in: 13...17) : random.next(in: 1960...2004)
            let initials = name.given.prefix(1) + "." + name.family.split(separator: " ").last!.prefix(1) + "."
            return NewPerson(initials: String(initials), birthYear: birthYear, role: role, givenName: name.given, familyName: name.family)
        }
        return Signal(signal: NewSignal(
            receivedAt: received, source: source, reporterType: reporterType, reporterName: reporter,
            reporterOrganisation: organisation, reporterContact: reporter.isEmpty ? "" : "06-0000\(random.next(in: 1000...9999)) (fictief)",
            municipality: municipality, forms: forms, description: description, location: random.pick(locations) + ", \(municipality.name)",
            acute: acute, minorInvolved: minor, persons: persons), state: state)
    }

    private static func makeUsers() -> [User] {
        var users: [User] = []
        for municipality in Municipality.twente {
            let slug = municipality.name.lowercased().replacingOccurrences(of: " ", with: "-")
            let name = municipality.name == "Enschede" ? "Anouk Veldkamp (demo)" : "AF \(municipality.name) (demo)"
            users.append(User(id: 0, login: "af.\(slug)", displayName: name, role: .designatedOfficer, municipality: municipality))
        }
        users.append(User(id: 0, login: "pm.kmt", displayName: "Procesmanager KMT (demo)", role: .processManager, municipality: nil))
        users.append(User(id: 0, login: "zc.kmt", displayName: "Zorgcoördinator KMT (demo)", role: .careCoordinator, municipality: nil))
        users.append(User(id: 0, login: "po.kmt", displayName: "Procesondersteuner KMT (demo)", role: .processSupporter, municipality: nil))
        users.append(User(id: 0, login: "beheer", displayName: "Beheerder (demo)", role: .administrator, municipality: nil))
        return users
    }

    private static let reporterNames = [
        "J. de Boer", "M. Nijhuis", "S. Oude Luttikhuis", "R. Kamphuis", "L. ter Horst", "F. Wolters",
        "E. Brinkhuis", "A. Lammerink", "D. Smit", "K. Hendriks",
    ]
    private static let municipalTeams = [
        "Team Werk en Inkomen", "Wijkteam", "Leerplicht", "Klantcontactcentrum", "Team Handhaving", "Burgerzaken",
    ]
    private static let partnerOrganisations = [
        "Wijkverpleging Twente (fictief)", "Huisartsenpraktijk (fictief)", "Jongerenwerk (fictief)",
        "Woningcorporatie (fictief)", "School voor voortgezet onderwijs (fictief)",
    ]
    private static let locations = [
        "Bedrijventerrein Noord", "woning in de binnenstad", "vakantiepark", "shoarmazaak", "nagelstudio",
        "tuinbouwbedrijf", "flat aan de rand van het centrum", "station",
    ]
    private static let personNames: [(given: String, family: String)] = [
        ("Zoë", "Çelik"), ("Łucja", "Wiśniewska"), ("Nguyễn", "Văn An"), ("José", "Muñoz García"),
        ("Ana-María", "Popescu"), ("Mehmet", "Öztürk"), ("伟", "李"), ("Daan", "Jansen"), ("Sanne", "de Vries"),
        ("Ionuț", "Dumitrescu"), ("Olena", "Kovalenko"), ("Bram", "Schuurman"), ("Fatima", "El Amrani"),
        ("Kees", "van der Veen"), ("Noor", "Bakker"), ("Grzegorz", "Kowalczyk"), ("Aylin", "Yıldız"),
    ]
    private static let descriptions: [ExploitationForm: [String]] = [
        .sexual: [
            "Buren zien bij een woning wisselende jonge vrouwen die 's avonds worden opgehaald. Vermoeden van prostitutie onder dwang; de vrouwen spreken geen Nederlands en lijken geen eigen telefoon te hebben.",
            "Een jonge vrouw vertelt aan het loket dat haar 'vriend' haar geld beheert en haar naar klanten brengt. Zij durft geen aangifte te doen.",
            "Advertenties op een escortsite verwijzen naar een adres waar volgens de wijkagent vaker minderjarigen worden gezien.",
        ],
        .labour: [
            "Tijdens een huisbezoek bleek dat acht arbeidsmigranten in één woning verblijven; paspoorten zouden door de werkgever zijn ingenomen en huur wordt van het loon ingehouden.",
            "Medewerkers van een tuinbouwbedrijf werken zeven dagen per week zonder loonstrook en slapen in een schuur op het terrein.",
            "Een inwoner meldt dat een kennis in een nagelstudio werkt voor kost en inwoning en een schuld aan de eigenaar afbetaalt.",
        ],
        .criminal: [
            "School meldt dat een leerling wordt ingezet als drugskoerier; hij heeft schulden bij 'vrienden' en draagt opeens dure kleding.",
            "Jongeren worden bij het station aangesproken om hun bankrekening 'uit te lenen' tegen betaling; een van hen wordt nu bedreigd.",
            "Een kwetsbare volwassene wordt gedwongen winkeldiefstallen te plegen om een schuld af te lossen.",
        ],
        .organRemoval: [
            "Een inwoner vertelt dat een familielid naar het buitenland is gebracht voor een 'medische ingreep' om een schuld af te lossen.",
            "Signaal van een verloskundige: een vrouw zou onder druk draagmoeder zijn geworden voor een betalende familie.",
        ],
    ]
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(in: 0...(items.count - 1))] }
}
