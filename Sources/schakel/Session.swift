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
    /// Now: the system clock, or a demo's fixed day.
    let clock: any Clock
    let isDemo: Bool
    let idleLockMinutes: Int
    let previousLogin: PreviousLogin?

    /// The session, once the coming year's meetings are planned from the series (a write only
    /// when one is missing, and never on a read-only copy).
    static func prepared(store: Store, user: User, resources: Resources, clock: any Clock, isDemo: Bool) throws -> Session {
        try store.planMeetings(resources.upcomingMeetings(from: clock.now().date))
        return Session(store: store, user: user, resources: resources, clock: clock, isDemo: isDemo,
                       idleLockMinutes: try store.idleLockMinutes(), previousLogin: try store.previousLogin(of: user.login))
    }

    func run(interface: Bool) throws {
        if interface { try runInterface() }
    }

    /// Takes over the terminal, runs the loop, and always gives the terminal back.
    func runInterface() throws {
        let asciiCharts = !CursesTerminal.loginLocaleIsUTF8()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start()
        } catch {
            Console.complain("schakel: \(error)\n")
            throw ExitCode(1)
        }
        defer { terminal.stop() }
        let context = AppContext(user: user, today: clock.now().date, calendar: resources.calendar, workflow: resources.workflow,
                                 caseWorkflow: resources.caseWorkflow,
                                 meetingWorkflow: resources.meetingWorkflow,
                                 meetingSeries: resources.meetingSeries, callRules: resources.callRules,
                                 shippedDirectory: resources.directory, helpLines: resources.helpLines, isDemo: isDemo,
                                 isReadOnly: store.isReadOnly, idleLockMinutes: idleLockMinutes, previousLogin: previousLogin,
                                 victimEstimate: resources.estimate, asciiCharts: asciiCharts,
                                 retention: resources.retention, activityVocabulary: resources.activities,
                                 consultWorkflow: resources.consultWorkflow)
        let program = Program(state: AppState(context: context, size: terminal.size), terminal: terminal, store: store,
                              clock: clock, changes: DatabaseFolderWatch(databasePath: store.path))
        program.run()
        if let signal = program.terminationSignal {
            throw ExitCode(128 + signal)  // the deferred stop() restores the terminal first
        }
    }
}
