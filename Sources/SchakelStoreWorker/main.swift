// A worker process for the store's multi-process tests; not part of Schakel itself.
//
//   schakel-store-worker schrijven PAD LOGIN AANTAL ZAAD   mixed writes; prints "ok <note id>" per note
//   schakel-store-worker openen PAD                        opens (creating) the file, as at first start
//   schakel-store-worker doorschrijven PAD LOGIN           writes notes until killed; prints each acknowledged id
//   schakel-store-worker tweemaal-openen PAD               opens the file twice in one process, says so, then waits
//   schakel-store-worker belasten PAD WORKFLOWMAP SECONDEN ZAAD
//                                                          intakes and route steps for a while; a line per write
//
// Every line is flushed, so a test reading the output knows exactly what was acknowledged.
import Foundation
import Meldroute
import SchakelCore
import SchakelDemo
import SchakelStore

let arguments = Array(CommandLine.arguments.dropFirst())

/// Writes a line straight to standard output, unbuffered: it is out once this returns.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("worker: \(message)\n".utf8))
    exit(2)
}

func firstSignals(_ store: Store, for user: User) throws -> [Int64] {
    try store.inboxPage(.first, limit: 50, for: user).rows.map(\.id)
}

do {
    switch arguments.first {
    case "schrijven" where arguments.count == 5:
        let store = try Store.open(path: arguments[1])
        let user = try store.logIn(login: arguments[2])
        var seed = UInt64(arguments[4]) ?? 1
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let signals = try firstSignals(store, for: user)
        for index in 0..<(Int(arguments[3]) ?? 0) {
            let signal = signals[next(signals.count)]
            switch next(4) {
            case 0:
                _ = try store.signalDetail(id: signal, for: user)
            case 1:
                try store.saveDraft(kind: "notitie", subject: String(signal), payload: "concept \(index)", for: user)
            default:
                let id = try store.addNote("Notitie \(index) van \(user.login)", toSignal: signal, by: user)
                say("ok \(id)")
            }
        }
    case "openen" where arguments.count == 2:
        let path = arguments[1]
        let store = try Store.openOrCreate(path: path)
        say("geopend \(try store.appliedMigrations().joined(separator: ","))")
    case "doorschrijven" where arguments.count == 3:
        let store = try Store.open(path: arguments[1])
        let user = try store.logIn(login: arguments[2])
        let signals = try firstSignals(store, for: user)
        var index = 0
        while true {
            let id = try store.addNote("Doorlopende notitie \(index)", toSignal: signals[index % signals.count], by: user)
            say("ok \(id)")
            index += 1
        }
    case "tweemaal-openen" where arguments.count == 2:
        // As a process that opens a second Store while its first is open: the second opening must
        // not take away the first one's locks on the file.
        let first = try Store.open(path: arguments[1])
        _ = try first.appliedMigrations()
        let second = try Store.open(path: arguments[1])
        _ = try second.appliedMigrations()
        say("open")
        while true { sleep(60) }
    case "belasten" where arguments.count == 5:
        var worker = try LoadWorker(path: arguments[1], workflowDirectory: arguments[2], seconds: Double(arguments[3]) ?? 1,
                                    seed: UInt64(arguments[4]) ?? 1)
        try worker.run()
    default:
        fail("onbekende opdracht: \(arguments.joined(separator: " "))")
    }
} catch {
    fail("\(error)")
}
