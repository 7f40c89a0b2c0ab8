import TestSupport
import Testing
@testable import TerminalKit

@Suite struct GridDiffTests {
    let size = Size(width: 8, height: 2)

    @Test func withoutAnEarlierFrameEveryCellIsSent() {
        var grid = Grid(size: size)
        grid.write("abc", x: 0, y: 0, style: .bold)
        let runs = GridDiff.runs(from: nil, to: grid)
        #expect(runs.map(\.width).reduce(0, +) == 16)
        #expect(runs.first == Run(x: 0, y: 0, text: "abc", width: 3, style: .bold))
    }

    @Test func anUnchangedFrameSendsNothing() {
        var grid = Grid(size: size)
        grid.write("abc", x: 0, y: 0)
        #expect(GridDiff.runs(from: grid, to: grid).isEmpty)
    }

    @Test func onlyTheChangedCellsAreSent() {
        var old = Grid(size: size)
        old.write("abcdef", x: 0, y: 1)
        var new = old
        new.write("XY", x: 2, y: 1)
        #expect(GridDiff.runs(from: old, to: new) == [Run(x: 2, y: 1, text: "XY", width: 2, style: .plain)])
    }

    @Test func aStyleChangeStartsANewRun() {
        let old = Grid(size: size)
        var new = old
        new.write("ab", x: 0, y: 0, style: .bold)
        new.write("cd", x: 2, y: 0, style: .reverse)
        #expect(GridDiff.runs(from: old, to: new) == [
            Run(x: 0, y: 0, text: "ab", width: 2, style: .bold),
            Run(x: 2, y: 0, text: "cd", width: 2, style: .reverse),
        ])
    }

    @Test func aChangedWideCharacterIsSentWhole() {
        var old = Grid(size: size)
        old.write("李", x: 2, y: 0)
        var new = old
        new.write("伟", x: 2, y: 0)
        #expect(GridDiff.runs(from: old, to: new) == [Run(x: 2, y: 0, text: "伟", width: 2, style: .plain)])
    }

    @Test func overwritingTheRightHalfOfAWideCharacterRedrawsFromItsStart() {
        var old = Grid(size: size)
        old.write("ab", x: 2, y: 0)
        var new = old
        new.write("李", x: 1, y: 0)
        let runs = GridDiff.runs(from: old, to: new)
        #expect(runs == [Run(x: 1, y: 0, text: "李", width: 2, style: .plain)])
    }

    @Test func applyingTheRunsToTheOldFrameGivesTheNewOne() {
        // Property over random small edits: old + runs == new.
        var generator = SplitMix(seed: 20261206)
        let alphabet: [String] = ["a", "b", "李", "é", " "]
        for _ in 0..<200 {
            var old = Grid(size: size)
            var new = Grid(size: size)
            for _ in 0..<4 {
                old.write(alphabet.randomElement(using: &generator)!, x: Int.random(in: 0..<8, using: &generator), y: Int.random(in: 0..<2, using: &generator))
                new.write(alphabet.randomElement(using: &generator)!, x: Int.random(in: 0..<8, using: &generator), y: Int.random(in: 0..<2, using: &generator),
                          style: Bool.random(using: &generator) ? .bold : .plain)
            }
            var replayed = old
            for run in GridDiff.runs(from: old, to: new) {
                var x = run.x
                for character in run.text {
                    let width = DisplayWidth.of(character)
                    replayed[x, run.y] = Cell(String(character), style: run.style)
                    if width == 2 { replayed[x + 1, run.y] = .continuation(run.style) }
                    x += width
                }
            }
            #expect(replayed == new)
            for line in new.textLines() { #expect(DisplayWidth.of(line) == size.width) }
        }
    }

    @Test func theScreenSendsOnlyChangesAndRepaintsAfterInvalidation() {
        let backend = RecordingBackend(size: size)
        var screen = Screen()
        var grid = Grid(size: size)
        grid.write("abc", x: 0, y: 0)
        screen.present(grid, on: backend)
        grid.write("X", x: 1, y: 0)
        screen.present(grid, on: backend)
        screen.present(grid, on: backend)
        screen.invalidate()
        screen.present(grid, on: backend)
        #expect(backend.frames.map(\.repaint) == [true, false, true])
        #expect(backend.frames[1].runs == [Run(x: 1, y: 0, text: "X", width: 1, style: .plain)])
    }
}

final class RecordingBackend: TerminalBackend {
    let size: Size
    var frames: [(runs: [Run], repaint: Bool)] = []

    init(size: Size) { self.size = size }

    func nextEvent(timeoutMilliseconds: Int, alsoWaitingOn descriptor: Int32?) -> TerminalEvent? { nil }
    func present(_ runs: [Run], repaint: Bool) { frames.append((runs, repaint)) }
}
