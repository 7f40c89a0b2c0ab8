import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// For load tests and benchmarks only. One writer of the load test: for `seconds`, alternately an intake (the database opened anew,
/// as `schakel intake` does, and one signal registered) and a route step by a logged-in officer
/// on a signal of the region. Prints one line per write: `open <ms>` and `commit <ms>`, or
/// `fout <message>` for a failure; a colleague's change first is `conflict` (expected, not a failure).
public struct LoadWorker {
    let path: String
    let workflows: Workflows
    let seconds: Double
    var random: UInt64

    /// - Parameter workflowDirectory: where `gemeentelijke-meldroute.yaml` and `kmt-werkproces.yaml` are.
    public init(path: String, workflowDirectory: String, seconds: Double, seed: UInt64) throws {
        func workflow(_ name: String) throws -> WorkflowEngine {
            let file = workflowDirectory + "/\(name).yaml"
            return WorkflowEngine(try WorkflowLoader.load(yaml: try String(contentsOfFile: file, encoding: .utf8), file: file))
        }
        self.path = path
        workflows = Workflows(signalRoute: try workflow("gemeentelijke-meldroute"), caseProcess: try workflow("kmt-werkproces"))
        self.seconds = seconds
        random = seed
    }

    /// Written straight to standard output, unbuffered, so that a killed worker loses no line.
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    mutating func next(_ bound: Int) -> Int {
        random = random &* 6364136223846793005 &+ 1442695040888963407
        return Int((random >> 33) % UInt64(max(1, bound)))
    }

    public mutating func run() throws {
        let officer = try Store.open(path: path)
        let user = try officer.logIn(login: "pm.kmt")
        var candidates: [Int64] = []
        let deadline = Date().addingTimeInterval(seconds)
        var index = 0
        while Date() < deadline {
            index += 1
            if index % 2 == 0 {
                intake(index)
            } else {
                if candidates.isEmpty { candidates = (try? openSignals(officer, for: user)) ?? [] }
                guard !candidates.isEmpty else { continue }
                let signal = candidates.remove(at: next(candidates.count))
                step(on: signal, officer, user)
            }
        }
    }

    /// As `schakel intake`: open, register one signal, close.
    mutating func intake(_ index: Int) {
        let municipality = Municipality.twente[next(Municipality.twente.count)]
        let signal = NewSignal(source: .intranet, reporterType: .municipalEmployee, reporterName: "Belastingtest (fictief)",
                               municipality: municipality, forms: [.labour],
                               description: "Belastingtest \(index): werknemers wonen op het bedrijfsterrein.")
        do {
            let opened = Date()
            let store = try Store.open(path: path)
            say("open \(Self.milliseconds(since: opened))")
            let started = Date()
            _ = try store.registerSignalFromIntake(signal, service: "belastingtest")
            say("commit \(Self.milliseconds(since: started))")
        } catch {
            say("fout \(error)")
        }
    }

    /// The first step the route offers on `signal`, with plausible values for its fields.
    mutating func step(on signal: Int64, _ store: Store, _ user: User) {
        do {
            let route = try store.signalRouteState(id: signal, for: user)
            let engine = workflows.signalRoute
            guard let option = engine.options(for: route.instance).first(where: { $0.isAvailable && $0.event.id != "heropend" })
            else { return }
            let now = SystemClock().now()
            var fields: FieldValues = [:]
            for field in option.event.fields {
                switch field.type {
                case .text: fields[field.id] = .text("Belastingtest (fictief).")
                case .date: fields[field.id] = .date(now.date)
                case .dateTime: fields[field.id] = .dateTime(now)
                case .choice, .multipleChoice:
                    guard let first = field.options.first?.id else { continue }
                    fields[field.id] = field.type == .choice ? .choice(first) : .choices([first])
                case .boolean: fields[field.id] = .boolean(true)
                }
            }
            let started = Date()
            _ = try store.recordRouteEvent(option.event.id, fields: fields, onSignal: signal, expectedVersion: route.version,
                                           workflows: workflows, by: user)
            say("commit \(Self.milliseconds(since: started))")
        } catch StoreFailure.conflict {
            say("conflict")
        } catch StoreFailure.rejected {
            say("conflict")
        } catch {
            say("fout \(error)")
        }
    }

    /// Signals that still have steps to go, from the first pages of the region's inbox.
    func openSignals(_ store: Store, for user: User) throws -> [Int64] {
        var filter = SignalFilter()
        filter.states = ["gemeld", "contact", "onderzoek", "beslismoment"]
        return try store.inboxPage(.first, limit: 200, filter: filter, overdue: [], for: user).rows.map(\.id)
    }

    static func milliseconds(since start: Date) -> String {
        String(format: "%.3f", Date().timeIntervalSince(start) * 1000)
    }
}
