import Dispatch
import Foundation
import SchakelCore
import Testing
import TestSupport
@testable import SchakelStore

/// Writers take turns through a lock file; a wait is bounded.
@Suite struct WriteTurnTests {
    @Test func aSecondWriterWaitsForTheTurnAndGivesUpWithBusyAfterItsTimeout() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("beurt.sqlite")
        let holder = WriteTurn(databasePath: path, timeout: .seconds(10))
        let waiter = WriteTurn(databasePath: path, timeout: .milliseconds(200))
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.run { () throws(StoreFailure) in
                inside.signal()
                release.wait()
            }
            finished.signal()
        }
        inside.wait()
        // While the turn is taken, the other gives up after its timeout, never running its body.
        var ran = false
        #expect(throws: StoreFailure.busy) { try waiter.run { () throws(StoreFailure) in ran = true } }
        #expect(!ran)
        release.signal()
        finished.wait()
        // Given back: the next one has it at once, however long the abandoned wait took to end.
        try waiter.run { () throws(StoreFailure) in ran = true }
        #expect(ran)
    }
}
