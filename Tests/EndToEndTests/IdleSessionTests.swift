import Foundation
import Testing

/// Officers' sessions left open with nobody at the keyboard: a colleague's commit still shows on
/// every screen, but showing it again is no new access — the idle sessions write nothing to the
/// audit log, so they never commit, and never wake one another.
@Suite struct IdleSessionTests {
    static let municipalities = ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
                                 "Hof van Twente", "Losser", "Oldenzaal"]

    @Test(arguments: [2, 10])
    func idleSessionsWriteNothingWhileAColleaguesSignalsShowOnTheirScreens(sessions count: Int) throws {
        let directory = try Binary.temporaryDirectory()
        let database = directory.appendingPathComponent("demo.sqlite").path
        #expect(try Spawn.run([Binary.path, "demo", "--db", database, "--alleen-aanmaken"]).status == 0)
        let trail = AuditTrail(path: database)
        let places = Array(Self.municipalities.prefix(count))
        let sessions = try places.map { place in
            let login = "af." + place.lowercased().replacingOccurrences(of: " ", with: "-")
            return try Tmux("\(Binary.path) demo --db \(database) --als \(login)", width: 100, height: 30)
        }
        for session in sessions { try session.waitFor("Termijn") }
        // Each opened its inbox (logged); from here on nobody presses a key.
        let settled = try trail.last()

        // A colleague registers one signal for each of their municipalities: N commits by another process.
        var codes: [String] = []
        for place in places {
            let form = directory.appendingPathComponent("melding.json").path
            try """
                {"bron": "telefoon", "melder": {"type": "anoniem"}, "gemeente": "\(place)", "vormen": ["arbeid"],
                 "beschrijving": "Signaal van een collega."}
                """.write(toFile: form, atomically: true, encoding: .utf8)
            let intake = try Spawn.run([Binary.path, "intake", "--db", database, form])
            #expect(intake.status == 0, "\(intake.errors)")
            codes.append(intake.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Every screen shows its own new signal without a key: the refresh happened...
        for (session, code) in zip(sessions, codes) { try session.waitFor(code) }
        // ...and wrote nothing: the only new entries are the colleague's registrations.
        var written = try trail.entries(after: settled)
        #expect(written.count == count && written.allSatisfy { $0.actor.hasPrefix("intake:") }, "\(written)")
        // Nor does anything follow on its own (a refresh that wrote would wake the others, and so on).
        Thread.sleep(forTimeInterval: 2)
        written = try trail.entries(after: settled)
        #expect(written.count == count, "\(written)")
    }

    /// A smoke test of the benchmark's harness, which runs the same sessions in pseudo-terminals.
    @Test func theBenchmarksHarnessCountsNoLinesFromIdleSessions() throws {
        let script = URL(fileURLWithPath: Binary.resourcePath("")).deletingLastPathComponent()
            .appendingPathComponent("Scripts/idle_sessions.py").path
        let result = try Spawn.run(["python3", script, "--schakel", Binary.path, "--sessions", "2", "--seconds", "3", "--interval", "1",
                                    "--json"])
        #expect(result.status == 0, "\(result.errors)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Double])
        #expect(figures["sessions"] == 2 && (figures["colleague_commits"] ?? 0) >= 2, "\(figures)")
        #expect(figures["idle_audit_rows"] == 0 && figures["rows_per_session_hour"] == 0, "\(figures)")
    }
}
