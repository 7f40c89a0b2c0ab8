import Testing
@testable import TerminalKit

func type(_ text: String, into field: inout TextField) {
    for character in text { field.handle(.character(character)) }
}

@Suite struct TextFieldTests {
    @Test func typingInsertsAtTheCursorAndArrowsMoveIt() {
        var field = TextField()
        type("Zoë Çelik", into: &field)
        #expect(field.text == "Zoë Çelik" && field.cursor == 9)
        field.handle(.home)
        type("Mw. ", into: &field)
        #expect(field.text == "Mw. Zoë Çelik" && field.cursor == 4)
        field.handle(.right)
        field.handle(.right)
        field.handle(.delete)
        #expect(field.text == "Mw. Zo Çelik")
        field.handle(.backspace)
        #expect(field.text == "Mw. Z Çelik" && field.cursor == 5)
        field.handle(.end)
        field.handle(.left)
        field.handle(.backspace)
        #expect(field.text == "Mw. Z Çelk")
    }

    @Test func wordJumpsAndControlKeys() {
        var field = TextField("melding over de werkgever")
        field.handle(.wordLeft)
        #expect(field.cursor == 16)
        field.handle(.wordLeft)
        field.handle(.wordLeft)
        #expect(field.cursor == 8)
        field.handle(.wordRight)
        #expect(field.cursor == 12)
        field.handle(.control("w"))
        #expect(field.text == "melding  de werkgever" && field.cursor == 8)
        field.handle(.control("k"))
        #expect(field.text == "melding ")
        field.handle(.control("u"))
        #expect(field.text.isEmpty)
    }

    @Test func whatCtrlKUOrWCutCtrlYPutsBack() {
        var field = TextField("Ziet haar dagelijks vertrekken")
        field.handle(.control("u"))
        #expect(field.text.isEmpty && field.cursor == 0)
        field.handle(.control("y"))
        #expect(field.text == "Ziet haar dagelijks vertrekken" && field.cursor == 30)
        field.handle(.control("w"))
        #expect(field.text == "Ziet haar dagelijks ")
        field.handle(.home)
        field.handle(.control("y"))
        #expect(field.text == "vertrekkenZiet haar dagelijks " && field.cursor == 10)
        field.handle(.control("k"))
        field.handle(.control("y"))
        field.handle(.control("y"))
        #expect(field.text == "vertrekkenZiet haar dagelijks Ziet haar dagelijks ")
        // Never past the limit.
        var short = TextField("abc", maxLength: 4)
        short.handle(.control("u"))
        short.handle(.control("y"))
        short.handle(.control("y"))
        #expect(short.text == "abca")
    }

    @Test func theLimitControlsAndUnusedKeys() {
        var field = TextField(maxLength: 3)
        type("abcd", into: &field)
        #expect(field.text == "abc")
        field.handle(.character("\u{1B}"))
        field.handle(.character("\n"))
        #expect(field.text == "abc")
        let used = [field.handle(.tab), field.handle(.enter), field.handle(.escape)]
        #expect(used == [false, false, false])
    }

    @Test func aLongTextScrollsToKeepTheCursorVisibleCountingWideCharacters() {
        var field = TextField("李伟李伟李伟")  // six wide characters: 12 columns
        let end = field.visible(width: 6)
        #expect(end.text == "李伟" && end.cursorColumn == 4)
        field.handle(.home)
        let start = field.visible(width: 6)
        #expect(start.text == "李伟李" && start.cursorColumn == 0)
    }
}

    /// Found by fuzzing (Fuzz/regressions/keys/): a mark that arrives as a key of its own, as
    /// pasted decomposed text does, left the cursor past the end of the text as it reads.
    @Test func aCombiningMarkTypedOnItsOwnJoinsTheCharacterBeforeIt() {
        var field = TextField()
        type("Zoe", into: &field)
        field.handle(.character("\u{308}"))
        #expect(field.text == "Zoe\u{308}" && field.text.count == 3 && field.cursor == 3)
        field.handle(.backspace)
        #expect(field.text == "Zo")
        // A letter typed before a mark that starts the text takes the mark; the cursor stays after the letter.
        field.set("\u{301}y")
        field.handle(.home)
        field.handle(.character("e"))
        #expect(field.text == "e\u{301}y" && field.text.count == 2 && field.cursor == 1)
    }

@Suite struct TextAreaTests {
    @Test func enterSplitsLinesAndBackspaceJoinsThem() {
        var area = TextArea()
        for character in "eerste" { area.handle(.character(character), width: 20, height: 5) }
        area.handle(.enter, width: 20, height: 5)
        for character in "tweede" { area.handle(.character(character), width: 20, height: 5) }
        #expect(area.text == "eerste\ntweede")
        area.handle(.home, width: 20, height: 5)
        area.handle(.backspace, width: 20, height: 5)
        #expect(area.text == "eerstetweede" && area.line == 0 && area.column == 6)
        area.handle(.enter, width: 20, height: 5)
        area.handle(.up, width: 20, height: 5)
        area.handle(.delete, width: 20, height: 5)
        #expect(area.text == "erste\ntweede")
    }

    @Test func longLinesWrapAtSpacesAndUpDownMoveByScreenRow() {
        var area = TextArea("Een inwoner meldt dat een kennis werkt voor kost en inwoning")
        let shown = area.visible(width: 20, height: 10)
        #expect(shown.lines == ["Een inwoner meldt ", "dat een kennis ", "werkt voor kost en ", "inwoning"])
        #expect(shown.cursor?.row == 3 && shown.cursor?.column == 8)
        area.handle(.up, width: 20, height: 10)
        #expect(area.visible(width: 20, height: 10).cursor?.row == 2)
        #expect(area.column == 41)
        area.handle(.home, width: 20, height: 10)
        #expect(area.column == 33)
    }

    @Test func theViewScrollsWithTheCursor() {
        var area = TextArea((1...10).map { "regel \($0)" }.joined(separator: "\n"))
        area.handle(.end, width: 20, height: 3)
        #expect(area.visible(width: 20, height: 3).lines == ["regel 8", "regel 9", "regel 10"])
        for _ in 0..<9 { area.handle(.up, width: 20, height: 3) }
        #expect(area.visible(width: 20, height: 3).lines == ["regel 1", "regel 2", "regel 3"])
        area.handle(.pageDown, width: 20, height: 3)
        #expect(area.line == 2)
    }
}

@Suite struct ChoiceWidgetTests {
    let options = [Option(id: "intranet", label: "intranet"), Option(id: "telefoon", label: "telefoon"),
                   Option(id: "e-mail", label: "e-mail"), Option(id: "persoonlijk", label: "persoonlijk")]

    @Test func aSelectListMovesAndJumpsByLetter() {
        var list = SelectList(options, selected: "e-mail")
        #expect(list.selected?.id == "e-mail")
        list.handle(.down)
        list.handle(.down)
        #expect(list.selected?.id == "persoonlijk")
        list.handle(.character("t"))
        #expect(list.selected?.id == "telefoon")
        list.handle(.home)
        #expect(list.selected?.id == "intranet")
        let usedTab = list.handle(.tab)
        #expect(!usedTab)
    }

    @Test func aMultiSelectTicksWithSpace() {
        var list = MultiSelectList(options)
        list.handle(.character(" "))
        list.handle(.end)
        list.handle(.character(" "))
        list.handle(.home)
        list.handle(.character(" "))
        list.handle(.character(" "))
        #expect(list.chosenOptions.map(\.id) == ["intranet", "persoonlijk"])
    }

    @Test func aToggleAndTheFocusRing() {
        var toggle = Toggle()
        toggle.handle(.character(" "))
        #expect(toggle.isOn)
        toggle.handle(.character("n"))
        #expect(!toggle.isOn)
        var ring = FocusRing(count: 3)
        ring.handle(.backTab)
        #expect(ring.index == 2)
        ring.handle(.tab)
        #expect(ring.index == 0)
    }
}

@Suite struct DateAndTimeInputTests {
    func date(_ text: String) -> Result<(year: Int, month: Int, day: Int), InputProblem> {
        var input = DateInput()
        for character in text { input.handle(.character(character)) }
        return input.parts
    }

    @Test func datesAreDayMonthYearAndMustExist() throws {
        let parsed = try date("24-11-2026").get()
        #expect(parsed.year == 2026 && parsed.month == 11 && parsed.day == 24)
        #expect(try date("29022028").get().day == 29)
        #expect(try date("1-2-2027").get().month == 2)
        if case .failure(let problem) = date("29-02-2027") { #expect(problem.message == "29-02-2027 bestaat niet") } else { Issue.record() }
        if case .failure(let problem) = date("2026-11-24") { #expect(problem.message == "geen datum; gebruik dd-mm-jjjj") } else { Issue.record() }
        // Letters are never typed into a date.
        var input = DateInput()
        for character in "2a4-1x1-2026" { input.handle(.character(character)) }
        #expect(input.text == "24-11-2026")
    }

    @Test func timesAreHoursAndMinutes() throws {
        var input = TimeInput("09:05")
        #expect(try input.parts.get().hour == 9)
        input.handle(.backspace)
        input.handle(.character("9"))
        #expect(try input.parts.get().minute == 9)
        #expect((try? TimeInput("24:00").parts.get()) == nil)
        #expect((try? TimeInput("9:5").parts.get()) == nil)
    }
}
