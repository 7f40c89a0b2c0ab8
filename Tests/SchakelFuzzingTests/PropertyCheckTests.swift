import Testing
@testable import SchakelFuzzing

/// The fuzz targets' checks can fail: each, given a file broken the way the issue found them, says so.
@Suite struct PropertyCheckTests {
    @Test func aCalendarLineTooLongARawEscapeOrABareCommaIsSeen() {
        let long = "DESCRIPTION:" + String(repeating: "e\u{301}", count: 40) + "\r\n"
        #expect(Self.reason(ContentLines.read(long))?.contains("octetten") == true)
        #expect(Self.reason(ContentLines.read("SUMMARY:a\u{1B}c\r\n"))?.contains("U+1B") == true)
        #expect(Self.reason(ContentLines.read("SUMMARY:a\r\n")) == nil)
        #expect(ContentLines.text("a,b") == nil && ContentLines.text("a\\,b") == "a,b" && ContentLines.text("a\\x") == nil)
        // A continuation line that starts with a space carrying a combining mark is still one.
        guard case .success(let lines) = ContentLines.read("SUMMARY:e\r\n \u{301}\u{301}\r\n") else { Issue.record("not read"); return }
        #expect(lines.map(\.value) == ["e\u{301}\u{301}"])
    }

    @Test func aFormulaARowSplitOrARawControlInACSVIsSeen() {
        #expect(CSVReading.cellProblem(["naam"], [["=1+1"]], lineBreaks: { _ in false })?.contains("formule") == true)
        #expect(CSVReading.cellProblem(["naam"], [["a", "b"]], lineBreaks: { _ in false })?.contains("2 velden") == true)
        #expect(CSVReading.cellProblem(["naam"], [["a\nb"]], lineBreaks: { _ in false })?.contains("U+A") == true)
        #expect(CSVReading.cellProblem(["naam"], [["a\nb"]], lineBreaks: { _ in true }) == nil)
        #expect(CSVReading.cellProblem(["naam"], [["'=1+1"]], lineBreaks: { _ in false }) == nil)
    }

    @Test func aMarkdownListOrFenceThatHarmlessTextLacksIsSeen() {
        #expect(MarkdownStructure.difference("# T\n- a\n", harmless: "# T\n\\- a\n") != nil)
        #expect(MarkdownStructure.difference("# T\n~~~\n", harmless: "# T\nTekst\n") != nil)
        #expect(MarkdownStructure.difference("# T\na\u{202E}b\n", harmless: "# T\nab\n")?.contains("U+202E") == true)
        #expect(MarkdownStructure.difference("# T\n\\- a\n", harmless: "# T\nTekst\n") == nil)
    }

    @Test func anHTMLTagThatTextOpenedIsSeen() {
        let page = HTMLReading.read("<p>a &lt;b&gt; &amp; c</p><td class=\"x\">d</td>")
        #expect(page.tags == ["<p>", "</p>", "<td class=\"\">", "</td>"])
        #expect(page.text.contains("a <b> & c"))
        #expect(HTMLReading.read("<p>a <script>b</p>").tags.count == 3)
    }

    static func reason(_ result: Result<[ContentLines.Line], Unreadable>) -> String? {
        guard case .failure(let unreadable) = result else { return nil }
        return unreadable.reason
    }
}
