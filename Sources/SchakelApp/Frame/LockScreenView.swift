import TerminalKit

/// The locked screen: nothing of the work, one line in the middle saying what to do.
enum LockScreenView {
    static func draw(_ lock: ScreenLock, size: Size, on grid: inout Grid) {
        var lines = ["Schakel is vergrendeld.", "Druk op een toets om verder te werken."]
        if lock.isAsking {
            lines = ["Schakel is vergrendeld.", "Bevestig met uw loginnaam en Enter: " + lock.typed + "_"]
            if lock.wasWrong { lines.append("Dat is niet de loginnaam van deze sessie. Probeer het opnieuw.") }
        }
        let top = max(0, size.height / 2 - 1)
        for (offset, line) in lines.enumerated() where top + offset < size.height {
            let text = TextFitting.fit(line, width: size.width)
            let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
            grid.write(text, x: x, y: top + offset, style: offset == 2 ? Style(.bold) : Style())
        }
    }
}
