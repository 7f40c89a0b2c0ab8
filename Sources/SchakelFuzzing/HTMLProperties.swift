import Foundation
import SchakelCore

/// HTML read as a browser's tokenizer would at its simplest: every `<` opens a tag up to the next
/// `>`; between tags, text whose entities are decoded.
enum HTMLReading {
    struct Page {
        var tags: [String] = []
        var text: [String] = []
    }

    static func read(_ html: String) -> Page {
        var page = Page()
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            page.text.append(decoded(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else {
                page.tags.append(String(rest[open...]))
                return page
            }
            // The tag and its attributes' names: a quoted value is text, and text may differ.
            page.tags.append(String(rest[open...close]).replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression))
            rest = rest[rest.index(after: close)...]
        }
        page.text.append(decoded(rest))
        return page
    }

    static func decoded(_ text: Substring) -> String {
        var result = String(text)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}

/// The cijfers report as HTML: the same tags as with harmless text, each category found back as
/// the text of its cell, nothing raw.
enum HTMLProperties {
    static func figures(_ fields: FuzzInput.Fields) -> String? {
        figures(fields, annual: false) ?? figures(fields, annual: true).map { "jaarverslag: \($0)" }
    }

    static func figures(_ fields: FuzzInput.Fields, annual: Bool) -> String? {
        let html = FiguresFixture.report(fields, annual: annual).text(.html)
        if let scalar = RawScalars.first(in: html, allowing: ["\n"]) { return "\(RawScalars.describe(scalar)) in het bestand" }
        let page = HTMLReading.read(html), plain = HTMLReading.read(FiguresFixture.report(fields.harmless, annual: annual).text(.html))
        guard page.tags == plain.tags else { return "andere tags: \(page.tags.difference(from: plain.tags))" }
        let texts = Set(page.text)
        for label in FiguresFixture.labels(fields) where !texts.contains(ExportText.line(label)) {
            return "categorie \(label.debugDescription) niet teruggevonden als tekst"
        }
        return nil
    }
}
