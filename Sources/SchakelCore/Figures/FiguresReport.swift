import Meldroute

/// The annual "aard en omvang" report of one period and area: Markdown for the council letter, CSV
/// as Dutch Excel opens it, and one self-contained HTML page with SVG charts that prints on A4.
/// Only counts, each through the suppression rule; never a case.
public struct FiguresReport: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, csv, html

        public var fileExtension: String { self == .markdown ? "md" : rawValue }
    }

    public let figures: SignalFigures
    public let estimate: VictimEstimate?
    public let madeOn: CivilDate

    public init(figures: SignalFigures, estimate: VictimEstimate?, madeOn: CivilDate) {
        self.figures = figures
        self.estimate = estimate
        self.madeOn = madeOn
    }

    var threshold: Int { figures.threshold }

    public func text(_ format: Format) -> String {
        switch format {
        case .markdown: return markdown()
        case .csv: return csv()
        case .html: return FiguresReportPage(report: self).html()
        }
    }

    /// `cijfers-regio-twente-2026-k4.md`
    public func fileName(_ format: Format) -> String {
        "cijfers-\(MeetingDocumentKind.slug(figures.area.label))-\(MeetingDocumentKind.slug(figures.period.label)).\(format.fileExtension)"
    }

    var title: String { "Aard en omvang mensenhandel — \(figures.area.label), \(figures.period.label)" }
    var published: [PublishedBreakdown] { figures.published }

    /// "In beeld: …" as the tab says it, with the signals' count as published.
    var inView: String {
        let count = figures.publishedSignals.text(threshold: threshold)
        guard figures.area == .region, let estimate else { return "In beeld: \(count) signalen." }
        return "In beeld: \(count) signalen tegen een geschatte \(estimate.victimsPerYear) slachtoffers per jaar in Twente."
    }

    var suppressionNote: String {
        "Aantallen van 1 tot \(threshold - 1) staan er als <\(threshold) (soms ook een 0). Een aantal dat samen met andere "
            + "cijfers van dit jaar (een totaal, andere perioden, andere gemeenten) zo'n klein aantal zou verraden, staat er als x."
    }

    /// A share of a published total, rounded to a tenth, with a decimal comma; empty when kept back.
    func share(_ count: PublishedCount, of total: PublishedCount) -> String {
        guard let value = count.value, let total = total.value, total > 0 else { return "" }
        let tenths = (value * 2000 + total) / (2 * total)
        return "\(tenths / 10),\(tenths % 10)"
    }

    public func markdown() -> String {
        var lines = ["# \(ExportText.markdown(title))", "", inView, ""]
        if let estimate, figures.area == .region { lines += ["Bron van de schatting: \(ExportText.markdown(estimate.source))", ""] }
        lines += [suppressionNote + " Gemaakt op \(madeOn.dutch) met Schakel.", ""]
        for breakdown in published {
            lines += ["## \(ExportText.markdown(breakdown.title))", "", "| | aantal | aandeel (%) |", "|---|---:|---:|"]
            for row in breakdown.rows {
                lines.append("| \(ExportText.markdown(row.label)) | \(ExportText.markdown(row.count.text(threshold: threshold))) | "
                             + "\(share(row.count, of: breakdown.total)) |")
            }
            lines += ["| **totaal** | \(ExportText.markdown(breakdown.total.text(threshold: threshold))) | |", ""]
            if breakdown.id == RouteTiming.breakdownID {
                lines += figures.durations.map { "- " + ExportText.markdown($0.text(threshold: threshold)) } + [""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Semicolons, decimal commas, UTF-8 with a BOM and CRLF: how Dutch Excel opens a file. Every
    /// cell is one line: a category is a name, and one name is one row.
    public func csv() -> String {
        var lines = [["uitsplitsing", "categorie", "aantal", "aandeel (%)", "periode", "gebied", "werkdagen"].joined(separator: ";")]
        for breakdown in published {
            let rows = breakdown.rows.map { ($0.label, $0.count, share($0.count, of: breakdown.total)) }
                + [("totaal", breakdown.total, "")]
            for (label, count, share) in rows {
                lines.append([breakdown.title, label, count.text(threshold: threshold), share, figures.period.label, figures.area.label, ""]
                    .map { ExportText.csv(ExportText.line($0)) }.joined(separator: ";"))
            }
        }
        // The pace in working days, in its own column, only where enough signals stand behind it;
        // how many is not said (it would be a count beside the protected ones).
        for duration in figures.durations {
            let shown = duration.count >= threshold
            for (label, value) in [("mediaan", duration.median), ("90e percentiel", duration.percentile90)] {
                lines.append([duration.label, label, "", "", figures.period.label, figures.area.label,
                              shown ? value.map(String.init) ?? "" : ""].map { ExportText.csv(ExportText.line($0)) }.joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
