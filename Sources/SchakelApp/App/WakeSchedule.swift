import Foundation

/// Something that becomes readable when the store's files change (inotify on the database's
/// folder): the loop sleeps on it beside the terminal instead of polling for colleagues' commits.
public protocol ChangeNotification: AnyObject {
    /// The file descriptor to wait on.
    var descriptor: Int32 { get }
    /// Reads what made the descriptor readable, so the next wait sleeps again.
    func drain()
}

/// How long the loop may sleep when nobody types. Awake only for what has a moment: the pause
/// after typing (the form in progress kept as a draft), the next whole minute (the clock and the
/// idle lock), and — only without a change notification — a look for colleagues' commits once a
/// second. An idle session therefore wakes once a minute, or at most once a second.
///
/// A notification is not looked into at once: one commit writes the WAL in several steps, and each
/// would wake the session again. The loop stops watching for a moment (`settleMilliseconds`), then
/// drains what came and asks whether anything changed: two wakes per colleague's commit, and at
/// most two per `settleMilliseconds` however busy the others are.
public enum WakeSchedule {
    /// A pause in typing this long keeps the form in progress as a draft.
    public static let typingPauseMilliseconds = 400
    /// After a change notification, the commit is given this long to finish before it is looked at.
    public static let settleMilliseconds = 200
    /// Without a change notification, other processes' commits are looked for this often.
    public static let pollingMilliseconds = 1000
    /// Past the minute, so the clock read on waking already shows the new one.
    static let pastTheMinuteMilliseconds = 20

    /// The timeout for the next wait. `secondsSinceEpoch` is the wall clock now.
    public static func timeout(pauseAwaited: Bool, settling: Bool = false, notified: Bool, secondsSinceEpoch: Double) -> Int {
        if settling { return settleMilliseconds }
        if pauseAwaited { return typingPauseMilliseconds }
        guard notified else { return pollingMilliseconds }
        let intoMinute = secondsSinceEpoch.truncatingRemainder(dividingBy: 60)
        let untilMinute = Int(((60 - intoMinute) * 1000).rounded(.up))
        return max(1, min(60_000, untilMinute)) + pastTheMinuteMilliseconds
    }
}
