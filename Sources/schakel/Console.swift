import Foundation
import TerminalKit

/// What the command line prints of its own: every message passes the screen's sanitiser, so that
/// stored text (an organisation's name, an invitee, a title) can move no cursor and reprogram no
/// terminal. Line breaks and tabs — the messages' own layout — are kept. The exports written to
/// standard output are not messages: their format's neutraliser made them (`ExportText`).
enum Console {
    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { DisplaySanitizer.sanitize(String($0)) }.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// To standard output, as `print` would.
    static func say(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((safe(text) + terminator).utf8))
    }

    /// To standard error, as given (with its own line break).
    static func complain(_ text: String) {
        FileHandle.standardError.write(Data(safe(text).utf8))
    }
}
