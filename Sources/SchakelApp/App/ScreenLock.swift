import Foundation
import Meldroute
import SchakelCore
import TerminalKit

/// Shared offices: the screen locks after a while without a key, or at once on the panic key
/// (F12, or Ctrl-G for terminals without it). Unlocking asks for the session's login name.
/// While locked no key reaches a pane, so an open form stays exactly as it was.
public struct ScreenLock: Hashable, Sendable {
    /// Locked: the screen shows nothing of the work.
    public var isLocked = false
    /// A key was pressed on the blank screen: the login name is asked for.
    public var isAsking = false
    public var typed = ""
    public var wasWrong = false
    /// The minute (since 1970) of the last key seen on a clock tick, and whether a key came since.
    var lastActiveMinute: Int?
    var keySinceTick = false

    public init() {}

    static let maximumTyped = 64

    static func isPanicKey(_ key: Key) -> Bool { key == .function(12) || key == .control("g") }

    /// The keys that would leave or stop a terminal program elsewhere; here they only explain.
    static func refusal(for key: Key) -> String? {
        switch key {
        case .control("c"): return "Ctrl-C stopt Schakel niet; sluit af met q. Uw werk blijft bewaard."
        case .control("\\"): return "Ctrl-\\ stopt Schakel niet; sluit af met q. Uw werk blijft bewaard."
        case .control("z"): return "Schakel kan niet naar de achtergrond (Ctrl-Z); sluit af met q."
        default: return nil
        }
    }

    mutating func lock() {
        isLocked = true
        isAsking = false
        typed = ""
        wasWrong = false
    }

    /// A key on the locked screen. Returns whether the screen is unlocked by it.
    mutating func keyPressed(_ key: Key, login: String) -> Bool {
        guard isAsking else {
            isAsking = !Self.isPanicKey(key)
            return false
        }
        switch key {
        case .enter:
            if typed.trimmingCharacters(in: .whitespaces) == login {
                self = ScreenLock()
                return true
            }
            wasWrong = true
            typed = ""
        case .escape, .function(12), .control("g"):
            lock()
        case .backspace:
            if !typed.isEmpty { typed.removeLast() }
        case .character(let character) where typed.count < Self.maximumTyped:
            typed.append(character)
            wasWrong = false
        default:
            break
        }
        return false
    }

    /// On each new minute: locks when no key came for `minutes`.
    mutating func clockTicked(_ now: LocalDateTime, lockAfter minutes: Int) {
        let minute = now.date.daysSinceEpoch * 1440 + now.hour * 60 + now.minute
        if keySinceTick || lastActiveMinute == nil {
            lastActiveMinute = minute
            keySinceTick = false
        } else if let last = lastActiveMinute, minute - last >= minutes, !isLocked {
            lock()
        }
    }
}
