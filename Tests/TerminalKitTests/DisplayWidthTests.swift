import Testing
@testable import TerminalKit

@Suite struct DisplayWidthTests {
    @Test func asciiTakesOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Enschede") == 8)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func accentedLettersTakeOneColumnComposedOrDecomposed() {
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3)
        #expect(DisplayWidth.of(Character("e\u{0301}")) == 1)
    }

    @Test func eastAsianWideAndFullwidthCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("李伟") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // halfwidth katakana stays narrow
        #expect(DisplayWidth.of("Ａ") == 2)  // fullwidth Latin
        #expect(DisplayWidth.of("한") == 2)
    }

    @Test func emojiWithPresentationTakeTwoColumns() {
        #expect(DisplayWidth.of("🚨") == 2)
        #expect(DisplayWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
        #expect(DisplayWidth.of(Character("\u{2764}")) == 1)
    }

    @Test func combiningMarksAndFormatCharactersTakeNoColumnOnTheirOwn() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
    }

    @Test func controlCharactersTakeNoColumn() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
    }

    @Test func wideRangeTableIsSortedAndDisjoint() {
        for (previous, next) in zip(wideRanges, wideRanges.dropFirst()) {
            #expect(previous.upperBound < next.lowerBound)
        }
    }
}
