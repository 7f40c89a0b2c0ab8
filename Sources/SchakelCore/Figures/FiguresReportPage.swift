/// The report as one HTML page: no file or font from elsewhere, tables beside SVG bar charts, laid
/// out for A4 in print.
struct FiguresReportPage {
    let report: FiguresReport

    func html() -> String {
        var body = ["<h1>\(ExportText.html(report.title))</h1>", "<p class=\"lead\">\(ExportText.html(report.inView))</p>"]
        if let estimate = report.estimate, report.figures.area == .region {
            body.append("<p class=\"small\">Bron van de schatting: \(ExportText.html(estimate.source))</p>")
        }
        body.append("<p class=\"small\">\(ExportText.html(report.suppressionNote)) Gemaakt op \(report.madeOn.dutch) met Schakel.</p>")
        for (number, section) in report.sections.enumerated() {
            let heading = section.pillar == nil ? "h2" : "h3"
            if let pillar = section.pillar {
                body.append("<h2 class=\"pillar\">\(number + 1). \(ExportText.html(pillar.label.prefix(1).uppercased() + pillar.label.dropFirst()))</h2>")
            }
            body += section.notes.map { "<p>\(ExportText.html($0))</p>" }
            for list in section.lists {
                body.append("<section><\(heading)>\(ExportText.html(list.title))</\(heading)>")
                body.append(list.id == "maand" ? columns(list) : bars(list))
                body.append(table(list))
                if list.id == RouteTiming.breakdownID {
                    body += report.figures.durations.map { "<p>\(ExportText.html($0.text(threshold: report.threshold)))</p>" }
                }
                body.append("</section>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>\(ExportText.html(report.title))</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 178mm; margin: 0 auto; }
            h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.2em; } h3 { font-size: 11pt; }
            h2.pillar { font-size: 14pt; border-bottom: 2px solid #2b5d8a; break-after: avoid; }
            .lead { font-size: 12pt; } .small { font-size: 9pt; color: #444; }
            table { border-collapse: collapse; margin: .4em 0 1em; } td, th { padding: 1px 8px; border-bottom: 1px solid #ccc; }
            td.n, th.n { text-align: right; } section { break-inside: avoid; }
            svg text { font-size: 9px; font-family: inherit; }
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    func table(_ breakdown: ReportList) -> String {
        var rows = ["<table><tr><th></th><th class=\"n\">aantal</th><th class=\"n\">aandeel (%)</th></tr>"]
        for row in breakdown.rows {
            rows.append("<tr><td>\(ExportText.html(row.label))</td><td class=\"n\">\(ExportText.html(row.count.text(threshold: report.threshold)))</td>"
                        + "<td class=\"n\">\(report.share(row.count, in: breakdown))</td></tr>")
        }
        if let total = breakdown.total {
            rows.append("<tr><th>totaal</th><th class=\"n\">\(ExportText.html(total.text(threshold: report.threshold)))</th><th></th></tr>")
        }
        return (rows + ["</table>"]).joined()
    }

    /// Horizontal bars; a kept-back count gets no bar, only its mark.
    func bars(_ breakdown: ReportList) -> String {
        let maximum = max(1, breakdown.rows.compactMap(\.count.value).max() ?? 1)
        let rowHeight = 14, labelWidth = 190, barWidth = 420
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 50)\" height=\"\(breakdown.rows.count * rowHeight + 4)\" "
                     + "role=\"img\" aria-label=\"\(ExportText.html(breakdown.title))\">"]
        for (index, row) in breakdown.rows.enumerated() {
            let y = index * rowHeight + 2
            parts.append("<text x=\"0\" y=\"\(y + 10)\">\(ExportText.html(row.label))</text>")
            let width = (row.count.value ?? 0) * barWidth / maximum
            if width > 0 { parts.append("<rect x=\"\(labelWidth)\" y=\"\(y + 1)\" width=\"\(width)\" height=\"\(rowHeight - 4)\" fill=\"#2b5d8a\"/>") }
            parts.append("<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 10)\">\(ExportText.html(row.count.text(threshold: report.threshold)))</text>")
        }
        return (parts + ["</svg>"]).joined()
    }

    /// The months as columns, the count above each.
    func columns(_ breakdown: ReportList) -> String {
        let maximum = max(1, breakdown.rows.compactMap(\.count.value).max() ?? 1)
        let columnWidth = 34, height = 120
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(breakdown.rows.count * columnWidth + 4)\" height=\"\(height + 30)\" "
                     + "role=\"img\" aria-label=\"\(ExportText.html(breakdown.title))\">"]
        for (index, row) in breakdown.rows.enumerated() {
            let x = index * columnWidth + 2
            let barHeight = (row.count.value ?? 0) * height / maximum
            if barHeight > 0 {
                parts.append("<rect x=\"\(x)\" y=\"\(height - barHeight + 12)\" width=\"\(columnWidth - 6)\" height=\"\(barHeight)\" fill=\"#2b5d8a\"/>")
            }
            parts.append("<text x=\"\(x)\" y=\"\(height - barHeight + 10)\">\(ExportText.html(row.count.text(threshold: report.threshold)))</text>")
            parts.append("<text x=\"\(x)\" y=\"\(height + 26)\">\(ExportText.html(row.label))</text>")
        }
        return (parts + ["</svg>"]).joined()
    }
}
