import Foundation
import SchakelCore

/// Markdown read as its structure: at each line's start, what opens a heading, a list item, a
/// quote, a table row, a code fence, a rule or a setext underline.
public enum MarkdownStructure {
    public static func blocks(_ markdown: String) -> [String] {
        markdown.components(separatedBy: "\n").compactMap { line in
            line.range(of: #"^ {0,3}(#{1,6} |[-+*] |\d+[.)] |>|\||~~~|```|(\*\*\*|---|___|===)\s*$)"#, options: .regularExpression)
                .map { String(line[$0]).trimmingCharacters(in: .whitespaces) }
        }
    }

    /// What differs between a document and the same document with harmless text: the block
    /// structure, the number of lines, or a raw control, C1 or bidi character.
    static func difference(_ markdown: String, harmless: String) -> String? {
        if let scalar = RawScalars.first(in: markdown, allowing: ["\n"]) { return "\(RawScalars.describe(scalar)) in het bestand" }
        let lines = markdown.components(separatedBy: "\n").count, plainLines = harmless.components(separatedBy: "\n").count
        if lines != plainLines { return "\(lines) regels, met onschuldige tekst \(plainLines)" }
        let found = blocks(markdown), plain = blocks(harmless)
        if found != plain { return "andere opbouw: \(found.difference(from: plain))" }
        return nil
    }
}

/// The agenda (for all and for one partner), the minutes and the cijfers report in Markdown.
enum MarkdownProperties {
    static func agenda(_ fields: FuzzInput.Fields) -> String? {
        MarkdownStructure.difference(MeetingFixture.agenda(fields).markdown, harmless: MeetingFixture.agenda(fields.harmless).markdown)
            ?? MarkdownStructure.difference(MeetingFixture.agenda(fields, partner: fields[3]).markdown,
                                            harmless: MeetingFixture.agenda(fields.harmless, partner: fields.harmless[3]).markdown)
    }

    static func minutes(_ fields: FuzzInput.Fields) -> String? {
        MarkdownStructure.difference(MeetingFixture.minutes(fields).markdown, harmless: MeetingFixture.minutes(fields.harmless).markdown)
    }

    static func figures(_ fields: FuzzInput.Fields) -> String? {
        MarkdownStructure.difference(FiguresFixture.report(fields).markdown(), harmless: FiguresFixture.report(fields.harmless).markdown())
            ?? MarkdownStructure.difference(FiguresFixture.report(fields, annual: true).markdown(),
                                            harmless: FiguresFixture.report(fields.harmless, annual: true).markdown()).map { "jaarverslag: \($0)" }
    }
}
