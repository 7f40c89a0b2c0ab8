import Meldroute
import SchakelCore

/// The demo's register of activities: three years and this one of two campaigns a year (spring and
/// autumn, the months before the signals rise), trainings for partners, voorlichting by the AFs in
/// their municipalities, lessons at schools, an evening for parents and a train-de-trainer; one
/// called off now and then; the coming weeks planned, and one past its date still to be finished.
/// Ids of `Resources/activiteiten/soorten.yaml`.
struct DemoActivity {
    let entry: ActivityEntry
    let registeredBy: String

    static func make(today: CivilDate, calendar: WorkingDayCalendar) -> [DemoActivity] {
        var random = SplitMix64(seed: 0xAC71_7175)
        var made: [DemoActivity] = []
        let larger = Municipality.twente.filter { ["Enschede", "Hengelo", "Almelo", "Oldenzaal", "Rijssen-Holten"].contains($0.name) }
        func day(_ year: Int, _ month: Int) -> CivilDate {
            calendar.workingDay(onOrAfter: CivilDate(year: year, month: month, day: random.next(in: 1...26))!)
        }
        func slug(_ municipality: Municipality) -> String { "af." + municipality.name.lowercased().replacingOccurrences(of: " ", with: "-") }
        func add(_ kind: String, _ theme: ActivityTheme, _ audience: String, _ municipality: Municipality?, _ date: CivilDate,
                 _ giver: ActivityGiver, reach: ClosedRange<Int>, note: String = "") {
            guard date <= today.adding(days: 56) else { return }
            let registeredBy = giver == .designatedOfficer ? municipality.map(slug) ?? "pm.kmt" : "pm.kmt"
            let status: ActivityStatus = date >= today ? .planned : random.next(in: 1...30) == 1 ? .cancelled : .held
            made.append(DemoActivity(entry: ActivityEntry(kind: kind, theme: theme, audience: audience, municipality: municipality, date: date,
                                                          givenBy: giver, status: status,
                                                          participants: status == .held ? random.next(in: reach) : nil, note: note),
                                     registeredBy: registeredBy))
        }
        for year in (today.year - 3)...today.year {
            add("campagne", .form(.sexual), "publiek", nil, day(year, 3), .kmt, reach: 2000...6000,
                note: "Regionale voorjaarscampagne: posters, online en lokale media.")
            add("campagne", .form(.labour), "publiek", nil, day(year, 10), .kmt, reach: 2000...6000,
                note: "Regionale najaarscampagne: arbeidsuitbuiting herkennen.")
            for month in [2, 4, 6, 9, 11] {
                add("training", random.pick([.general, .form(.labour), .form(.criminal)]), random.pick(["ketenpartners", "zorgstructuur"]),
                    random.pick([nil] + larger.map(Optional.some)), day(year, month), .kmt, reach: 12...30)
            }
            for month in [1, 3, 5, 6, 9, 10, 11, 12] {
                let municipality = random.pick(Municipality.twente)
                add("voorlichting", .general, random.pick(["gemeente", "gemeente", "zorgstructuur"]), municipality, day(year, month),
                    .designatedOfficer, reach: 8...30, note: "In het teamoverleg, samen met het KMT.")
            }
            for month in [2, 3, 5, 10, 11, 11] {
                add("les", random.pick([.form(.sexual), .form(.criminal)]), "scholen", random.pick(larger), day(year, month),
                    random.pick([.kmt, .partner]), reach: 20...60)
            }
            add("bijeenkomst", .form(.sexual), "ouders", random.pick(larger), day(year, 4), .partner, reach: 15...40)
            add("train-de-trainer", .general, "ketenpartners", nil, day(year, 9), .kmt, reach: 8...12)
        }
        // The coming weeks, as planned now (the Hengelo plan names voorlichting in the team meetings).
        let hengelo = Municipality.twente.first { $0.name == "Hengelo" }
        for (days, kind, theme, audience, municipality, giver) in [
            (9, "training", ActivityTheme.form(.labour), "ketenpartners", nil, ActivityGiver.kmt),
            (16, "les", .form(.criminal), "scholen", larger.first, .partner),
            (23, "voorlichting", .general, "gemeente", hengelo, .designatedOfficer),
        ] as [(Int, String, ActivityTheme, String, Municipality?, ActivityGiver)] {
            add(kind, theme, audience, municipality, calendar.workingDay(onOrAfter: today.adding(days: days)), giver, reach: 0...0)
        }
        // One planned that passed without being finished: it waits in the list.
        made.append(DemoActivity(entry: ActivityEntry(kind: "voorlichting", theme: .general, audience: "gemeente",
                                                      municipality: Municipality.twente.first { $0.name == "Enschede" },
                                                      date: calendar.workingDay(onOrAfter: today.adding(days: -9)), givenBy: .designatedOfficer,
                                                      status: .planned, participants: nil, note: "Team Werk en Inkomen."),
                                 registeredBy: "af.enschede"))
        return made.sorted { $0.entry.date < $1.entry.date }
    }
}
