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
    /// The register of activities (`DemoActivity`), and the day they were made up to.
    let activities: [DemoActivity]
    let today: LocalDateTime

    /// Login of the AF the demo opens as.
    static let demoLogin = "af.enschede"

    static func make(today: LocalDateTime, calendar: WorkingDayCalendar) -> DemoDataset {
        var random = SplitMix64(seed: 0x5C4A_4B31)
        var plan: [(municipality: Municipality, day: CivilDate, state: String)] = []
        // The work in the route now, for the AFs the demo is shown with: in Enschede a signal in
        // every state, two of them overdue and two at their decision; some in Hengelo and Almelo; one in every other
        // municipality of the rest. About twice the usual number for these weeks.
        for (index, municipality) in Municipality.twente.enumerated() {
            let usual = index % 2 == 0 ? [(random.next(in: 1...12), "")] : []
            for (workingDaysAgo, state) in openWork[municipality.name] ?? usual {
                let age = workingDaysAgo
                plan.append((municipality, calendar.addWorkingDays(-age, to: today.date),
                             state.isEmpty ? Self.state(forAge: age, random: &random) : state))
            }
        }
        // Three years before that: about 80 signals a year, a little fewer the further back (the
        // KMT grew into it), more in the months after the two public campaigns and in the growing
        // season, by municipality in proportion to its population.
        let recent = calendar.addWorkingDays(-recentWorkingDays, to: today.date)
        var allocation = PopulationShare()
        var month = CivilDate(year: today.date.year - 3, month: today.date.month, day: 1)!
        while month < today.date {
            let yearsBack = (today.date.daysSinceEpoch - month.daysSinceEpoch) / 365
            let expected = Double(signalsPerYear) / 12 * seasonal[month.month - 1] * [1.05, 1.0, 0.9, 0.9][min(yearsBack, 3)]
            let count = max(0, Int(expected.rounded()) + random.next(in: -2...2))
            let days = month.adding(months: 1).daysSinceEpoch - month.daysSinceEpoch
            for _ in 0..<count {
                let day = calendar.workingDay(onOrAfter: month.adding(days: random.next(in: 0...(days - 1))))
                // The last weeks are the open work's; nothing from the future.
                guard day < recent else { continue }
                let age = calendar.workingDays(from: day, to: today.date)
                plan.append((allocation.next(), day, Self.state(forAge: age, random: &random)))
            }
            month = month.adding(months: 1)
        }
        var signals = plan.map { planned in
            let received = LocalDateTime(date: planned.day, hour: random.next(in: 8...16), minute: random.next(in: 0...59))
            return makeSignal(in: planned.municipality, received: received, state: planned.state, random: &random)
        }
        signals.sort { $0.receivedAt < $1.receivedAt }
        return DemoDataset(users: makeUsers(), signals: signals, activities: DemoActivity.make(today: today.date, calendar: calendar),
                           today: today)
    }

    /// Signals a year in the region (seed 003: "gemiddeld jaarlijks 80 signalen in Twente").
    static let signalsPerYear = 80
    /// How many working days back the open work reaches, and the history stops.
    static let recentWorkingDays = 20

    /// (working days ago, state; empty: by age) of the open work, per municipality.
    private static let openWork: [String: [(Int, String)]] = [
        "Enschede": [(1, "gemeld"), (6, "gemeld"), (9, "gemeld"), (4, "contact"), (18, "onderzoek"), (34, "beslismoment"), (26, "beslismoment"),
                     (80, "doorgezet"), (130, "afgesloten")],
        "Hengelo": [(7, "gemeld"), (5, "contact"), (30, "beslismoment")],
        "Almelo": [(1, "gemeld"), (15, "onderzoek")],
    ]

    /// Relative numbers of signals by month, January first: more after the campaigns of spring and
    /// autumn and in the growing season (labour exploitation), fewer in the holidays.
    private static let seasonal = [0.8, 0.9, 1.0, 1.3, 1.2, 1.1, 0.9, 0.7, 1.0, 1.1, 1.3, 0.7]

    /// Inhabitants in thousands (CBS, 1 January 2024, rounded), in the order of `Municipality.twente`.
    private static let population = [74, 24, 27, 161, 24, 36, 82, 35, 23, 32, 39, 22, 34, 25]

    /// Hands out signals to municipalities in proportion to their population, as evenly over time
    /// as whole signals allow: each goes to the one furthest behind its share so far. A random draw
    /// would leave Hengelo with three signals in a year as easily as Tubbergen with ten.
    struct PopulationShare {
        private var given = Array(repeating: 0, count: population.count)
        private var total = 0

        private static let people = Double(population.reduce(0, +))

        mutating func next() -> Municipality {
            total += 1
            let people = Self.people
            let behind = population.indices.max { a, b in
                Double(total * population[a]) / people - Double(given[a]) < Double(total * population[b]) / people - Double(given[b])
            }!
            given[behind] += 1
            return Municipality.twente[behind]
        }
    }

    /// Where a signal of `age` working days is now. After three months nearly all were decided:
    /// a little over half passed on, the rest closed without a next step.
    static func state(forAge age: Int, random: inout SplitMix64) -> String {
        switch age {
        case ...3: return random.pick(["gemeld", "gemeld", "contact"])
        case 4...12: return random.pick(["gemeld", "contact", "contact", "onderzoek"])
        case 13...45: return random.pick(["onderzoek", "onderzoek", "beslismoment"])
        case 46...65: return random.pick(["doorgezet", "doorgezet", "afgesloten", "beslismoment"])
        default: return random.pick(["doorgezet", "doorgezet", "doorgezet", "afgesloten", "afgesloten"])
        }
    }

    static func makeSignal(in municipality: Municipality, received: LocalDateTime, state: String,
                                   random: inout SplitMix64) -> Signal {
        // Labour exploitation comes to light more in the growing season, April to September.
        let growing = (4...9).contains(received.date.month)
        var forms = ExploitationForms([random.pick([.sexual, .labour, .labour, .criminal, .criminal, .sexual, .organRemoval]
                                                   + (growing ? [.labour, .labour] : []))])
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
