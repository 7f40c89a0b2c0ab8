import Foundation
import Meldroute
import SchakelCore
import SwiftCSV

/// A CSV file as Dutch Excel reads it, by SwiftCSV: `;`-separated, after the byte order mark.
enum CSVReading {
    /// The header and the rows, or why the file did not read.
    static func read(_ text: String) -> Result<(header: [String], rows: [[String]]), Unreadable> {
        guard text.hasPrefix("\u{FEFF}") else { return .failure(Unreadable(reason: "geen byte order mark")) }
        do {
            let csv = try EnumeratedCSV(string: String(text.dropFirst()), delimiter: .semicolon, loadColumns: false)
            return .success((csv.header, csv.rows))
        } catch {
            return .failure(Unreadable(reason: "leest niet als CSV: \(error)"))
        }
    }

    /// What is wrong with the cells: a formula a spreadsheet would run, a row of the wrong width, or
    /// a control, C1 or bidi character (a line break only where `lineBreaks` allows it, by column).
    static func cellProblem(_ header: [String], _ rows: [[String]], lineBreaks: (Int) -> Bool) -> String? {
        for (number, row) in rows.enumerated() {
            guard row.count == header.count else { return "rij \(number + 1) heeft \(row.count) velden, de kop \(header.count)" }
            for (column, cell) in row.enumerated() {
                if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
                    return "rij \(number + 1) kolom \(column + 1) begint als formule: \(cell.debugDescription)"
                }
                if let scalar = RawScalars.first(in: cell, allowing: lineBreaks(column) ? ["\n"] : []) {
                    return "rij \(number + 1) kolom \(column + 1) bevat \(RawScalars.describe(scalar))"
                }
            }
        }
        return nil
    }
}

/// The sociale kaart's CSV export and the cijfers CSV: one row per organisation or figure, each
/// cell the text neutralised, no formula, no raw control.
enum CSVExportProperties {
    static func socialMap(_ fields: FuzzInput.Fields) -> String? {
        let partners = (0..<max(1, fields.all.count)).map { index in
            Partner(name: fields[index * 7], shortName: fields[index * 7 + 1], kind: fields[index * 7 + 2], offer: fields[index * 7 + 3],
                    phone: fields[index * 7 + 4], email: fields[index * 7 + 5], address: fields[index * 7 + 6])
        }
        let text = String(decoding: PartnerCSV.export(partners), as: UTF8.self)
        let header: [String], rows: [[String]]
        switch CSVReading.read(text) {
        case .success(let read): (header, rows) = read
        case .failure(let problem): return problem.reason
        }
        guard rows.count == partners.count else { return "\(partners.count) organisaties, \(rows.count) rijen" }
        let offerColumn = header.firstIndex(of: "aanbod")
        if let problem = CSVReading.cellProblem(header, rows, lineBreaks: { $0 == offerColumn }) { return problem }
        for (partner, row) in zip(partners, rows) {
            guard let name = header.firstIndex(of: "naam"), let offer = offerColumn else { return "kolom naam of aanbod ontbreekt" }
            if ExportText.csvValue(row[name]) != ExportText.line(partner.name) {
                return "naam \(partner.name.debugDescription) teruggelezen als \(row[name].debugDescription)"
            }
            if ExportText.csvValue(row[offer]) != ExportText.neutralised(partner.offer, lineBreak: "\n") {
                return "aanbod \(partner.offer.debugDescription) teruggelezen als \(row[offer].debugDescription)"
            }
        }
        return nil
    }

    static func figures(_ fields: FuzzInput.Fields) -> String? {
        let report = FiguresFixture.report(fields)
        let header: [String], rows: [[String]]
        switch CSVReading.read(report.csv()) {
        case .success(let read): (header, rows) = read
        case .failure(let problem): return problem.reason
        }
        if let problem = CSVReading.cellProblem(header, rows, lineBreaks: { _ in false }) { return problem }
        // The jaarverslag of the same, with the fields as a campaign's kind and place too: no cell a formula or a control.
        switch CSVReading.read(FiguresFixture.report(fields, annual: true).csv()) {
        case .success(let annual):
            if let problem = CSVReading.cellProblem(annual.header, annual.rows, lineBreaks: { _ in false }) { return "jaarverslag: \(problem)" }
        case .failure(let problem): return "jaarverslag: \(problem.reason)"
        }
        let labels = FiguresFixture.labels(fields)
        guard rows.count == labels.count + 1 else { return "\(labels.count) categorieën en een totaal, \(rows.count) rijen" }
        for (label, row) in zip(labels, rows) where ExportText.csvValue(row[1]) != ExportText.line(label) {
            return "categorie \(label.debugDescription) teruggelezen als \(row[1].debugDescription)"
        }
        return nil
    }
}

/// A report of one breakdown whose title and categories are the input's fields, every count
/// above the threshold so that each is published; as a jaarverslag, with a campaign named by them too.
enum FiguresFixture {
    static func labels(_ fields: FuzzInput.Fields) -> [String] {
        (1..<max(2, fields.all.count)).map { fields[$0] }
    }

    static func report(_ fields: FuzzInput.Fields, annual: Bool = false) -> FiguresReport {
        let rows = labels(fields).enumerated().map { FigureRow($1, $0 + 5) }
        let total = rows.reduce(0) { $0 + $1.count }
        let figures = SignalFigures(period: .year(2026), area: .region, signals: total,
                                    breakdowns: [FigureBreakdown(id: "verwijzing", title: fields[0], rows: rows, total: total)])
        let facts = AnnualReportFacts(vocabulary: ActivityVocabulary(kinds: [], audiences: []),
                                      campaigns: [CampaignMark(date: CivilDate(iso: "2026-03-09")!, kind: fields[0], place: fields[1])])
        return FiguresReport(figures: figures, estimate: nil, madeOn: CivilDate(iso: "2026-12-05")!, layout: annual ? .annualReport(facts) : .standard)
    }
}

/// The sociale kaart's CSV import: whatever the bytes, organisations or problems, and no crash;
/// what it accepts passes the door, and what it accepts, written out and read again, is the same.
enum PartnerImportProperties {
    static func check(_ bytes: [UInt8]) -> String? {
        guard case .success(let partners) = PartnerCSV.read(Data(bytes)) else { return nil }
        for partner in partners {
            if let problem = partner.problems.first { return "aangenomen met een probleem: \(problem)" }
        }
        switch PartnerCSV.read(PartnerCSV.export(partners)) {
        case .failure(let problems): return "de eigen export leest niet terug: \(problems)"
        case .success(let again) where again != partners: return "de eigen export leest anders terug"
        case .success: return nil
        }
    }
}
