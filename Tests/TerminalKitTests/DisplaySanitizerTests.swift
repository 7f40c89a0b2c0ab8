import Testing
@testable import TerminalKit

@Suite struct DisplaySanitizerTests {
    @Test func plainTextIsReturnedUnchanged() {
        #expect(DisplaySanitizer.sanitize("S2026-0001 Enschede") == "S2026-0001 Enschede")
        #expect(DisplaySanitizer.sanitize("Zoë Çelik 李伟") == "Zoë Çelik 李伟")
    }

    @Test func escapeSequencesCannotReachTheTerminal() {
        #expect(DisplaySanitizer.sanitize("\u{1B}[2J\u{1B}]0;titel\u{07}") == "␛[2J␛]0;titel␇")
    }

    @Test func eightBitCSIBecomesAPlaceholder() {
        #expect(DisplaySanitizer.sanitize("a\u{9B}31mb") == "a\u{FFFD}31mb")
    }

    @Test func bidiOverridesAndIsolatesBecomePlaceholders() {
        #expect(DisplaySanitizer.sanitize("naam\u{202E}gpj.exe") == "naam\u{FFFD}gpj.exe")
        #expect(DisplaySanitizer.sanitize("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
    }

    @Test func carriageReturnBackspaceAndTabBecomeControlPictures() {
        #expect(DisplaySanitizer.sanitize("regel\r\nnieuw") == "regel␍␊nieuw")
        #expect(DisplaySanitizer.sanitize("abc\u{08}\u{08}x") == "abc␈␈x")
        #expect(DisplaySanitizer.sanitize("Van:\tmelder") == "Van:␉melder")
    }

    @Test func deleteZeroWidthAndSeparatorsBecomeVisible() {
        #expect(DisplaySanitizer.sanitize("a\u{7F}b") == "a␡b")
        #expect(DisplaySanitizer.sanitize("a\u{200B}b\u{FEFF}") == "a\u{FFFD}b\u{FFFD}")
        #expect(DisplaySanitizer.sanitize("a\u{2028}b") == "a␤b")
    }

    @Test func everySanitisedScalarIsDrawable() {
        // Property: for every scalar in the first planes, the output holds no C0, C1, DEL or format character.
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let output = DisplaySanitizer.sanitize(String(scalar))
            for out in output.unicodeScalars {
                #expect(!(out.value < 0x20 || (0x7F...0x9F).contains(out.value) || out.properties.generalCategory == .format),
                        "U+\(String(value, radix: 16)) left U+\(String(out.value, radix: 16))")
            }
        }
    }

    @Test func gridWritesGoThroughTheSanitiser() {
        var grid = Grid(size: Size(width: 10, height: 1))
        grid.write("a\u{1B}[1m", x: 0, y: 0)
        #expect(grid.textLines() == ["a␛[1m     "])
    }
}
