import Foundation
import Testing
import TestSupport
import Meldroute
import SchakelCore
import SchakelDemo
@testable import SchakelStore

/// Every figure a process manager can obtain for a year — the year, each quarter and month, the
/// region and each municipality, every breakdown — asked of the real store and handed to the
/// auditor (`Scripts/figures_auditor.py`), which reads them as a reader who combines them would,
/// with its own reading of which lists add up, and finds no count from 1 to 4 that can be worked out.
@Suite struct FiguresAuditTests {
    static let today = LocalDateTime(date: CivilDate(iso: "2026-11-24")!, hour: 12, minute: 0)

    /// What the store publishes for every period of 2026 and every area, as the auditor reads it.
    static func everything(_ store: Store, workflow: WorkflowDefinition) throws -> [String: Any] {
        let pm = try store.user(login: "pm.kmt")
        let periods: [(String, FiguresPeriod)] = [("Y", .year(2026))] + (1...4).map { ("Q\($0)", .quarter(2026, $0)) }
            + (1...12).map { ("M\($0)", .month(2026, $0)) }
        let areas: [(String, FiguresArea)] = [("R", .region)] + Municipality.twente.enumerated().map { (String($0), .municipality($1)) }
        var figures: [[String: Any]] = []
        for (periodKey, period) in periods {
            for (areaKey, area) in areas {
                let published = try store.signalFigures(period, in: area, outcomes: RouteOutcomes(workflow),
                                                        timing: RouteTiming(workflow, calendar: WorkingDayCalendar()), for: pm)
                figures.append(["period": periodKey, "area": areaKey, "signals": published.publishedSignals.text(threshold: published.threshold),
                                "breakdowns": published.published.map { breakdown in
                                    ["id": breakdown.id, "total": breakdown.total.text(threshold: breakdown.threshold),
                                     "rows": breakdown.rows.map { [$0.label, $0.count.text(threshold: breakdown.threshold)] }] as [String: Any]
                                }])
            }
        }
        return ["mode": "figures", "threshold": try store.figuresThreshold(), "municipalities": Municipality.twente.map(\.name),
                "figures": figures]
    }

    static func expectNothingPinned(_ finding: FiguresAuditor.Finding, _ what: String) {
        #expect(!finding.infeasible, "\(what): the auditor finds no year that fits what was published")
        #expect(finding.pinned.isEmpty, "\(what): \(finding.pinned)")
    }

    @Test func theDemoYearGivesNoSmallCountAway() throws {
        let directory = try TemporaryDirectory()
        let workflows = try Shipped.workflows()
        let store = try DemoDatabase.open(path: directory.path("demo.sqlite"), today: Self.today, calendar: WorkingDayCalendar(),
                                          workflows: workflows).store
        let finding = try FiguresAuditor.audit(try Self.everything(store, workflow: workflows.signalRoute.workflow))
        Self.expectNothingPinned(finding, "demo")
        // The demo publishes small counts: the auditor had work.
        #expect(finding.checked > 100)
    }

    /// Small random years, registered as intake would: a few signals in a few municipalities, where
    /// almost every count is small.
    @Test(arguments: [20261205, 7, 1234] as [UInt64])
    func aSmallRandomYearGivesNoSmallCountAway(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let store = try Store.initialise(path: directory.path("schakel.sqlite"), administrator: "beheer", displayName: "Beheer",
                                         directory: ShippedDirectory(version: 1, organisations: []))
        try store.createUser(login: "pm.kmt", displayName: "PM", role: .processManager, municipality: nil, by: try store.user(login: "beheer"))
        var random = SplitMix(seed: seed)
        let municipalities = (0..<3).map { _ in Municipality.twente[random.next(in: 0...13)] }
        for _ in 0..<random.next(in: 5...29) {
            let day = CivilDate(year: 2026, month: random.next(in: 1...11), day: random.next(in: 1...28))!
            let forms = ["seksueel", "arbeid", "crimineel"].filter { _ in random.next(in: 0...1) == 0 }.ifEmpty(["arbeid"])
            let json = """
                {"ontvangen_op": "\(day.iso)T10:00", "bron": "\(["intranet", "telefoon", "e-mail"][random.next(in: 0...2)])",
                 "melder": {"type": "\(["professional", "inwoner", "anoniem"][random.next(in: 0...2)])"},
                 "gemeente": "\(municipalities[random.next(in: 0...2)].name)", "vormen": [\(forms.map { "\"\($0)\"" }.joined(separator: ", "))],
                 "beschrijving": "Proef.", "acuut": \(random.next(in: 0...3) == 0), "minderjarige": \(random.next(in: 0...2) == 0)}
                """
            _ = try store.registerSignalFromIntake(try SignalIntake.parse(Array(json.utf8), now: Self.today).get(), service: "intake")
        }
        // And a few activities held, in those municipalities or for the region.
        let pm = try store.user(login: "pm.kmt")
        for _ in 0..<random.next(in: 2...12) {
            let municipality = random.next(in: 0...3) == 0 ? nil : municipalities[random.next(in: 0...2)]
            let entry = ActivityEntry(kind: ["training", "les", "voorlichting"][random.next(in: 0...2)], theme: .general,
                                      audience: ["scholen", "gemeente"][random.next(in: 0...1)], municipality: municipality,
                                      date: CivilDate(year: 2026, month: random.next(in: 1...11), day: random.next(in: 1...28))!,
                                      givenBy: random.next(in: 0...1) == 0 ? .kmt : .designatedOfficer, status: .held,
                                      participants: random.next(in: 3...40), note: "")
            try store.saveActivity(entry, id: nil, version: nil, by: pm)
        }
        // And a few consults, some closed or turned into a signal.
        let engine = try #require(try Shipped.workflows().consult)
        for _ in 0..<random.next(in: 2...12) {
            let asked = LocalDateTime(date: CivilDate(year: 2026, month: random.next(in: 1...11), day: random.next(in: 1...28))!, hour: 11, minute: 0)
            let saved = try store.registerConsult(
                NewConsult(askedAt: asked, askerKind: AskerKind.allCases[random.next(in: 0...3)], askerOrganisation: "Proef",
                           municipality: municipalities[random.next(in: 0...2)], forms: random.next(in: 0...2) == 0 ? [] : [.labour],
                           question: "Proef.", advice: "Advies."), engine: engine, by: pm)
            if random.next(in: 0...1) == 0 {
                try store.recordConsultEvent(ConsultStates.close, fields: ["uitkomst": .choice(["geen_vervolg", "doorverwezen"][random.next(in: 0...1)])],
                                             onConsult: saved.id, expectedVersion: 2, engine: engine, by: pm)
            }
        }
        let finding = try FiguresAuditor.audit(try Self.everything(store, workflow: try Shipped.workflows().signalRoute.workflow))
        Self.expectNothingPinned(finding, "seed \(seed)")
        #expect(finding.checked > 20)
    }
}

extension Array {
    func ifEmpty(_ instead: Self) -> Self { isEmpty ? instead : self }
}
