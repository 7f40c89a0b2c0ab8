import TerminalKit

/// What a key does to a form that is saved as a whole: Esc leaves (asking first, `j` only, when
/// something was typed), F2 or Ctrl-O asks to save, anything else edits the form.
enum FormKeys {
    enum Outcome: Equatable {
        /// The form is left: closed, or thrown away after `j`.
        case leave
        /// The user wants it saved: check it and save it.
        case save
        /// Still being filled in (or the question is being asked).
        case stay
    }

    /// - Parameter edited: set when the key changed what the form holds (for drafts).
    static func handle(_ key: Key, _ form: inout EventForm, edited: inout Bool) -> Outcome {
        if form.onTop == .discardQuestion {
            form.onTop = nil
            return key == .character("j") || key == .character("J") ? .leave : .stay
        }
        switch key {
        case .escape where !form.isChanged:
            return .leave
        case .escape:
            form.onTop = .discardQuestion
            return .stay
        case .function(2), .control("o"):
            return .save
        default:
            let before = form.content
            form.handle(key)
            if form.content != before { edited = true }
            return .stay
        }
    }
}
