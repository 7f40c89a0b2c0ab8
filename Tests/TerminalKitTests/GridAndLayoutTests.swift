import Testing
@testable import TerminalKit

@Suite struct GridAndLayoutTests {
    @Test func splittingARectangleKeepsEveryRow() {
        let rect = Rect(size: Size(width: 80, height: 24))
        let (top, rest) = rect.splitTop(1)
        let (middle, bottom) = rest.splitBottom(1)
        #expect(top == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(middle == Rect(x: 0, y: 1, width: 80, height: 22))
        #expect(bottom == Rect(x: 0, y: 23, width: 80, height: 1))
    }

    @Test func splittingMoreRowsThanThereAreTakesWhatIsThere() {
        let (top, rest) = Rect(x: 0, y: 0, width: 5, height: 2).splitTop(4)
        #expect(top.height == 2)
        #expect(rest.height == 0)
    }

    @Test func centeredRectanglesStayInside() {
        let box = Rect(x: 0, y: 2, width: 80, height: 20).centered(Size(width: 100, height: 4))
        #expect(box == Rect(x: 0, y: 10, width: 80, height: 4))
    }

    @Test func wideCharactersOccupyACellAndItsContinuation() {
        var grid = Grid(size: Size(width: 6, height: 1))
        let end = grid.write("李a", x: 1, y: 0)
        #expect(end == 4)
        #expect(grid[1, 0].text == "李")
        #expect(grid[2, 0].isContinuation)
        #expect(grid.textLines() == [" 李a  "])
    }

    @Test func aWideCharacterThatDoesNotFitIsReplacedByASpace() {
        var grid = Grid(size: Size(width: 3, height: 1), fill: Cell("x"))
        grid.write("ab李", x: 0, y: 0)
        #expect(grid.textLines() == ["ab "])
    }

    @Test func fittingCutsByDisplayWidthWithAnEllipsis() {
        #expect(TextFitting.fit("Hof van Twente", width: 8) == "Hof van…")
        #expect(TextFitting.fit("李伟李伟", width: 5) == "李伟…")
        #expect(TextFitting.fit("kort", width: 8) == "kort")
        #expect(TextFitting.fit("x", width: 0) == "")
    }

    @Test func wrappingBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextFitting.wrap("een twee drie", width: 8) == ["een twee", "drie"])
        #expect(TextFitting.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextFitting.wrap("a\nb", width: 4) == ["a", "b"])
    }

    @Test func tableColumnsShareTheSpareWidthAndDropTheLeastImportantFirst() {
        let columns = [
            TableColumn("A", width: .fixed(10), priority: 10),
            TableColumn("B", width: .flexible(minimum: 5), priority: 5),
            TableColumn("C", width: .flexible(minimum: 5), priority: 1),
        ]
        #expect(TableLayout.widths(of: columns, in: 30) == [10, 9, 9])
        #expect(TableLayout.widths(of: columns, in: 18) == [10, 7, nil])
        #expect(TableLayout.widths(of: columns, in: 5) == [10, nil, nil])
    }
}
