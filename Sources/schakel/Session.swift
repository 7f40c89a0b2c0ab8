import ArgumentParser
import CursesTerminal
import Foundation
import SchakelApp
import SchakelCore
import SchakelStore
import Meldroute

/// Everything prepared for one user's session: opened, checked, ready for the terminal.
struct Session {
    let store: Store
    let user: User
    let resources: Resources
    let today: CivilDate
    let isDemo: Bool

    func run(interface: Bool) throws {
        if interface { try runInterface() }
    }

    /// Takes over the terminal, runs the loop, and always gives the terminal back.
    func runInterface() throws {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            FileHandle.standardError.write(Data("schakel: \(error)\n".utf8))
            throw ExitCode(1)
        }
        defer { terminal.stop() }
        let context = AppContext(user: user, today: today, calendar: resources.calendar, workflow: resources.workflow,
                                 helpLines: resources.helpLines, isDemo: isDemo,
                                 isReadOnly: store.isReadOnly,
                                 caseWorkflow: try? Resources.workflow(named: "kmt-werkproces", in: Resources.locate()))
        let program = Program(state: AppState(context: context, size: terminal.size), terminal: terminal, signals: store,
                              clock: today == SystemClock().now().date ? SystemClock() : ShiftedDayClock(day: today))
        program.run()
        if let signal = program.terminationSignal {
            throw ExitCode(128 + signal)  // the deferred stop() restores the terminal first
        }
    }
}

/// The wall-clock time of day on a fixed day: "now" in a demo started with --vandaag.
struct ShiftedDayClock: Clock {
    let day: CivilDate

    func now() -> LocalDateTime {
        let real = SystemClock().now()
        return LocalDateTime(date: day, hour: real.hour, minute: real.minute)
    }
}
