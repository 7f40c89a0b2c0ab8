/// A combining mark with no letter of its own to sit on: at the start of a text, or on an ASCII
/// character that is not a letter or a digit (a space, a separator, a quote, a `<`). A reader that
/// goes by characters rather than scalars (a spreadsheet, a CSV reader, Swift) takes such a mark
/// and what it sits on for one character, and loses the separator. The door refuses it; an export
/// gives it a dotted circle (◌) to sit on.
public enum StrayMarks {
    public static func isStray(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        guard isCombining(scalar) else { return false }
        guard let previous else { return true }
        return previous.isASCII && !previous.properties.isAlphabetic && !("0"..."9").contains(previous)
    }

    public static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
