import TerminalKit

/// A question on the status line before something that cannot be taken back (removing an agenda
/// item, blocking a user, archiving an organisation): `j` answers yes, any other key no, and either
/// way the question is gone. One shape for every pane that asks.
enum YesNoQuestion {
    static func isYes(_ key: Key) -> Bool { key == .character("j") }

    /// "Agendapunt van de agenda halen? j = ja · andere toets = nee"
    static func prompt(_ question: String) -> String { "\(question) j = ja · andere toets = nee" }
}
