import TerminalKit

/// A registration left unsaved in an earlier session, offered at start. Continuing it, leaving it
/// for later and throwing it away are different keys, and throwing away asks once more: no
/// single key loses it.
public struct DraftOffer: Hashable, Sendable {
    /// When the registration says the signal was received.
    public let received: String
    /// How its description starts, quoted (or that there is none).
    public let opening: String
    /// What the offer asks now: what to do with the registration, or (after `w`) whether to throw it away.
    public var question: Question = .whatToDo

    public enum Question: Hashable, Sendable {
        case whatToDo
        /// Waiting for `j` to throw it away.
        case discard
    }

    init?(payload: String) {
        guard let draft = RegistrationDraft.from(json: payload) else { return nil }
        let description = draft.description.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        opening = description.isEmpty ? "zonder beschrijving" : "‘" + TextFitting.fit(description, width: 22) + "’"
        received = "\(draft.date) \(draft.time)"
    }

    enum Outcome: Hashable {
        case stay
        /// Open the form with the draft.
        case resume
        /// Close the offer; the draft stays for the next `n`.
        case later
        case discard
    }

    mutating func keyPressed(_ key: Key) -> Outcome {
        if question == .discard {
            question = .whatToDo
            return key == .character("j") || key == .character("J") ? .discard : .stay
        }
        switch key {
        // `n` too: an officer who logs in and presses `n` for a new signal out of habit gets this one.
        case .character("j"), .character("J"), .character("n"), .character("N"), .enter: return .resume
        case .escape: return .later
        case .character("w"), .character("W"):
            question = .discard
            return .stay
        default: return .stay
        }
    }

    /// The status line while the offer stands: the keys first, so that they are never cut off.
    var prompt: String {
        if question == .discard {
            return " " + YesNoQuestion.prompt("Registratie \(opening) weggooien?")
        }
        return " Niet-opgeslagen registratie bewaard: j = verder · Esc = later · w = weggooien · \(received) \(opening)"
    }
}
