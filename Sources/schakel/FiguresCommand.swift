import ArgumentParser
import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// `schakel cijfers`: the annual "aard en omvang" report, as Markdown, CSV or HTML.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cijfers",
        abstract: "Het rapport aard en omvang over een periode: Markdown, CSV (Excel) of HTML (afdrukbaar op A4).",
        discussion: """
            Alleen aantallen, nooit een casus. Aantallen onder de drempel (standaard 5; 'schakel cijfers drempel') staan er als \\
            <5, en een aantal dat zo'n klein aantal zou verraden — ook samen met andere perioden en gemeenten van hetzelfde \\
            jaar — als x. Elke export staat in het auditlog. Een AF maakt het \\
            rapport van de eigen gemeente of van de regio (zonder uitsplitsing per gemeente).
            """,
        subcommands: [Report.self, Threshold.self],
        defaultSubcommand: Report.self
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, csv, html
    }

    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case standaard, jaarverslag
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rapport", abstract: "Maak het rapport (standaard).")

        @Option(name: .customLong("periode"), help: "Een jaar, kwartaal of maand: 2026, 2026-K3 of 2026-11.")
        var period: String

        @Option(name: .customLong("gemeente"), help: "Eén gemeente in plaats van de regio.")
        var municipality: String?

        @Option(name: .customLong("formaat"), help: "markdown, csv of html.")
        var format: Format = .markdown

        @Option(name: .customLong("indeling"),
                help: "standaard (elke lijst zoals tabblad 5) of jaarverslag (een jaar, geordend naar de vier pijlers).")
        var layout: Layout = .standaard

        @OptionGroup var options: MeetingCommand.ExportOptions

        func validate() throws {
            guard let parsed = FiguresPeriod.parse(period) else {
                throw ValidationError("--periode verwacht een jaar, kwartaal of maand (2026, 2026-K3 of 2026-11); niet '\(period)'. "
                                      + "Een vrije reeks dagen kan niet: twee reeksen die een dag verschillen zouden een klein aantal verraden.")
            }
            if layout == .jaarverslag, parsed != .year(parsed.year) {
                throw ValidationError("Een jaarverslag gaat over een heel jaar: --periode \(parsed.year).")
            }
        }

        func run() throws {
            let period = FiguresPeriod.parse(period)!
            let area = try Startup.exitOnFailure { () throws -> FiguresArea in
                guard let name = municipality else { return .region }
                guard let found = Municipality.twente.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                    throw StartupFailure(description: "Onbekende gemeente '\(name)'; bekend: \(Municipality.twente.map(\.name).joined(separator: ", ")).")
                }
                return .municipality(found)
            }
            let reportFormat = FiguresReport.Format(rawValue: format.rawValue)!
            try options.export { store, user, resources in
                guard AccessPolicy.figureAreas(for: user).contains(area) else {
                    _ = try? store.signalFigures(period, in: area, for: user)  // the refusal is audited
                    let allowed = AccessPolicy.figureAreas(for: user).map(\.label).joined(separator: ", ")
                    let reason = allowed.isEmpty ? "uw rol (\(user.role.label)) geeft geen toegang tot cijfers." : "u ziet: \(allowed)."
                    throw StartupFailure(description: "U mag de cijfers van \(area.label) niet zien; \(reason)")
                }
                let figures = try store.signalFigures(period, in: area, outcomes: RouteOutcomes(resources.workflow),
                                                      timing: RouteTiming(resources.workflow, calendar: resources.calendar), for: user)
                    .namingRouteStates(resources.workflow).namingActivities(resources.activities)
                let today = SystemClock().now().date
                var reportLayout = FiguresReportLayout.standard
                if layout == .jaarverslag {
                    let campaigns = try store.activities(today: today, for: user, .asked)
                        .campaigns(in: period.year, area: area, vocabulary: resources.activities)
                    reportLayout = .annualReport(AnnualReportFacts(vocabulary: resources.activities, campaigns: campaigns))
                }
                let report = FiguresReport(figures: figures, estimate: resources.estimate, madeOn: today, layout: reportLayout)
                try store.recordFiguresExport(period, in: area, format: reportFormat.rawValue, for: user)
                return report.text(reportFormat)
            }
        }
    }

    /// `schakel cijfers drempel`: below which counts are never published.
    struct Threshold: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drempel",
            abstract: "Toon of zet de drempel: aantallen eronder worden nooit getoond (standaard 5).",
            discussion: "Zetten doet alleen de eigenaar van de database of een beheerder."
        )

        @Argument(help: "De drempel (2 tot 20); zonder: de huidige tonen.")
        var threshold: Int?

        @OptionGroup var options: UserCommand.Options

        func run() throws {
            try options.showOrSet(threshold, set: { try $0.setFiguresThreshold($1, by: $2) },
                                  show: { "Aantallen onder \(try $0.figuresThreshold()) worden niet getoond." })
        }
    }
}
