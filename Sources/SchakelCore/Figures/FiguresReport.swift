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
    public let layout: FiguresReportLayout

    public init(figures: SignalFigures, estimate: VictimEstimate?, madeOn: CivilDate, layout: FiguresReportLayout = .standard) {
        self.figures = figures
        self.estimate = estimate
        self.madeOn = madeOn
        self.layout = layout
    }

    var isAnnualReport: Bool { if case .annualReport = layout { true } else { false } }

    var threshold: Int { figures.threshold }

    public func text(_ format: Format) -> String {
        switch format {
        case .markdown: return markdown()
        case .csv: return csv()
        case .html: return FiguresReportPage(report: self).html()
        }
    }

    /// `cijfers-regio-twente-2026-k4.md`, `jaarverslag-regio-twente-2026.html`
    public func fileName(_ format: Format) -> String {
        "\(isAnnualReport ? "jaarverslag" : "cijfers")-\(MeetingDocumentKind.slug(figures.area.label))-"
            + "\(MeetingDocumentKind.slug(figures.period.label)).\(format.fileExtension)"
    }

    var title: String {
        "\(isAnnualReport ? "Jaarverslag aanpak mensenhandel" : "Aard en omvang mensenhandel") — \(figures.area.label), \(figures.period.label)"
    }
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

    /// A share of the list's total; none for a part of a list (it has no total).
    func share(_ count: PublishedCount, in list: ReportList) -> String { list.total.map { share(count, of: $0) } ?? "" }

    public func markdown() -> String {
        var lines = ["# \(ExportText.markdown(title))", "", inView, ""]
        if let estimate, figures.area == .region { lines += ["Bron van de schatting: \(ExportText.markdown(estimate.source))", ""] }
        lines += [suppressionNote + " Gemaakt op \(madeOn.dutch) met Schakel.", ""]
        for (number, section) in sections.enumerated() {
            if let pillar = section.pillar { lines += ["## \(number + 1). \(pillar.label.prefix(1).uppercased() + pillar.label.dropFirst())", ""] }
            lines += section.notes.flatMap { [ExportText.markdown($0), ""] }
            let heading = section.pillar == nil ? "##" : "###"
            for list in section.lists {
                lines += ["\(heading) \(ExportText.markdown(list.title))", "", "| | aantal | aandeel (%) |", "|---|---:|---:|"]
                for row in list.rows {
                    lines.append("| \(ExportText.markdown(row.label)) | \(ExportText.markdown(row.count.text(threshold: threshold))) | "
                                 + "\(share(row.count, in: list)) |")
                }
                if let total = list.total { lines.append("| **totaal** | \(ExportText.markdown(total.text(threshold: threshold))) | |") }
                lines.append("")
                if list.id == RouteTiming.breakdownID {
                    lines += figures.durations.map { "- " + ExportText.markdown($0.text(threshold: threshold)) } + [""]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Semicolons, decimal commas, UTF-8 with a BOM and CRLF: how Dutch Excel opens a file. Every
    /// cell is one line: a category is a name, and one name is one row.
    /// In the jaarverslag, each line starts with its pillar.
    public func csv() -> String {
        let pillarColumn = isAnnualReport ? ["pijler"] : []
        var lines = [(pillarColumn + ["uitsplitsing", "categorie", "aantal", "aandeel (%)", "periode", "gebied", "werkdagen"]).joined(separator: ";")]
        func line(_ pillar: Pillar?, _ cells: [String]) -> String {
            ((isAnnualReport ? [pillar?.label ?? ""] : []) + cells).map { ExportText.csv(ExportText.line($0)) }.joined(separator: ";")
        }
        // The pace in working days, in its own column, only where enough signals stand behind it;
        // how many is not said (it would be a count beside the protected ones). After its list.
        func pace(_ pillar: Pillar?) -> [String] {
            figures.durations.flatMap { duration in
                [("mediaan", duration.median), ("90e percentiel", duration.percentile90)].map { label, value in
                    line(pillar, [duration.label, label, "", "", figures.period.label, figures.area.label,
                                  duration.count >= threshold ? value.map(String.init) ?? "" : ""])
                }
            }
        }
        var paceWritten = false
        for section in sections {
            for note in section.notes {
                lines.append(line(section.pillar, ["toelichting", note, "", "", figures.period.label, figures.area.label, ""]))
            }
            for list in section.lists {
                let rows = list.rows.map { ($0.label, $0.count, share($0.count, in: list)) } + (list.total.map { [("totaal", $0, "")] } ?? [])
                for (label, count, share) in rows {
                    lines.append(line(section.pillar, [list.title, label, count.text(threshold: threshold), share, figures.period.label,
                                                       figures.area.label, ""]))
                }
                if list.id == RouteTiming.breakdownID {
                    lines += pace(section.pillar)
                    paceWritten = true
                }
            }
        }
        if !paceWritten { lines += pace(isAnnualReport ? .workProcess : nil) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
