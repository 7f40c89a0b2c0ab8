import ArgumentParser
import Foundation

/// A reason not to start, in Dutch, printed before the terminal is touched.
struct StartupFailure: Error, CustomStringConvertible {
    let description: String
}

enum Startup {
    /// Runs the preparation; any failure is printed as one clear line and exits with status 1.
    static func exitOnFailure<T>(_ prepare: () throws -> T) throws -> T {
        do {
            return try prepare()
        } catch {
            Console.complain("schakel: \(error)\n")
            throw ExitCode(1)
        }
    }
}
