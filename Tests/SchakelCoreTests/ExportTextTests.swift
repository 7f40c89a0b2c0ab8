import Foundation
import Testing
import TestSupport
import TextSafety
@testable import SchakelCore

/// The one neutraliser per format: hostile text — terminal escapes, C1 and bidi controls, NUL,
/// formula cells, what starts Markdown structure, a combining sequence of 600 octets — reaches no
/// file as it is.
@Suite struct ExportTextTests {
    /// What an attacker would type into a name, a title or a note.
    static let hostile = [
        "\u{1B}c reset", "\u{1B}(0 lijnen", "\u{1B}P DCS \u{1B}\\", "\u{1B}[31m rood \u{1B}[0m", "\u{1B}]0;titel\u{07}",
        "C1 CSI \u{9B}31m", "omgekeerd \u{202E}txt.exe", "isolaat \u{2066}x\u{2069}", "nul \u{0}einde", "terug\u{8}\u{8}stap",
        "wis \u{7F}", "regel\randers", "twee\nregels", "tab\there", "nul-breedte \u{200B}\u{200D}", "=HYPERLINK(\"http://x.example\",\"klik\")",
        "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "- lijst", "1. lijst", "7) lijst", "~~~", "```", "# kop", "> citaat", "| a | b |",
        "***", "=== ", "    code", "e" + String(repeating: "\u{301}", count: 300), "Politie / AVIM|CoMensha", "a;b,c\\d\"e",
        // A separator or a quote with a combining mark on it is one character, and still a separator.
        "<\u{301}script>", "\"\u{301} onload=x", "a;\u{301}b", "a|\u{301}b", "a\\\u{301}b", "a,\u{301}b", "&\u{301}amp;",
        // Found by fuzzing: a text that starts with a mark puts it on the writer's `;`, `:` or `>`;
        // a text that starts as an escaped formula does would lose its own `'` on reading.
        String(repeating: "\u{301}", count: 20) + "=1+1", "' lijst", "'=1+1",
    ]

    /// Whether any scalar of the text is one the screen would not show as it is.
    static func isRaw(_ text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Bool {
        text.unicodeScalars.contains { UnsafeScalars.marker(for: $0) != nil && !allowed.contains($0) }
    }

    @Test func oneLineCarriesNothingRaw() {
        for text in Self.hostile {
            let line = ExportText.line(text)
            #expect(!Self.isRaw(line), "\(line.debugDescription)")
            #expect(line.count >= 1)
        }
        // Seen, not dropped: ESC becomes its picture, an override U+FFFD.
        #expect(ExportText.line("\u{1B}c") == "\u{241B}c" && ExportText.line("a\u{202E}b") == "a\u{FFFD}b")
        #expect(ExportText.line("a\r\nb\tc") == "a b c")
    }

    @Test func markdownStartsNoStructure() {
        for text in Self.hostile {
            let markdown = ExportText.markdown(text)
            #expect(!Self.isRaw(markdown) && !markdown.contains("\n"), "\(markdown.debugDescription)")
            // At the start of a line it is a paragraph: no list, heading, quote, fence, rule or code block.
            let starts = ["- ", "+ ", "* ", "# ", "> ", "~~~", "```", "***", "===", "    ", "|"]
            #expect(!starts.contains { markdown.hasPrefix($0) }, "\(markdown.debugDescription)")
            #expect(markdown.range(of: #"^\d+[.)]"#, options: .regularExpression) == nil, "\(markdown.debugDescription)")
        }
    }

    @Test func csvCellsAreNoFormulasAndReadBackAsWritten() {
        for text in Self.hostile {
            let cell = ExportText.csv(text)
            #expect(!Self.isRaw(cell, allowing: ["\n"]), "\(cell.debugDescription)")
            let value = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : cell
            #expect(!"=+-@\t\r".contains(value.first ?? " "), "\(cell.debugDescription)")
            #expect(ExportText.csvValue(value) == ExportText.neutralised(text, lineBreak: "\n"), "\(cell.debugDescription)")
        }
        #expect(ExportText.csv("=1+1") == "'=1+1" && ExportText.csv("+31 53 123") == "'+31 53 123" && ExportText.csv("gewoon") == "gewoon")
        // A `'` of the text's own before a formula gets one more, and only then.
        #expect(ExportText.csv("'=1+1") == "''=1+1" && ExportText.csv("' lijst") == "' lijst" && ExportText.csv("'t Hof") == "'t Hof")
        let quotes = String(repeating: "'", count: 100_000) + "=1"
        #expect(ExportText.csvValue(ExportText.csv(quotes)) == quotes)
    }

    @Test func htmlHasNoTagsOrControls() {
        for text in Self.hostile {
            let html = ExportText.html(text)
            #expect(!Self.isRaw(html) && !html.contains("<") && !html.contains(">") && !html.contains("\""), "\(html.debugDescription)")
        }
    }

    @Test func calendarTextAndFoldingKeepEveryLineShortAndEveryCharacterWhole() {
        for text in Self.hostile {
            let value = ExportText.calendarText(text)
            #expect(!Self.isRaw(value), "\(value.debugDescription)")
            let folded = ExportText.folded("DESCRIPTION:" + value)
            let lines = folded.components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.map(\.utf8.count))")
            // Unfolded, it is the line again, scalar for scalar.
            let unfolded = lines.enumerated().map { $0 == 0 ? $1 : String(String.UnicodeScalarView($1.unicodeScalars.dropFirst())) }.joined()
            #expect(Array(unfolded.unicodeScalars) == Array(("DESCRIPTION:" + value).unicodeScalars))
        }
        // One grapheme of 601 octets is folded between its characters.
        let long = ExportText.folded("SUMMARY:e" + String(repeating: "\u{301}", count: 300))
        #expect(long.components(separatedBy: "\r\n").count >= 9)
    }
}
