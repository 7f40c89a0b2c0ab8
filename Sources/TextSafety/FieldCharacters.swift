/// What a field typed or imported may hold: nothing that the screen and the exports would show as a
/// marker (`UnsafeScalars`), so that what is accepted leaves Schakel as it came in. No field holds a
/// control character (C0, DEL, C1, NUL), a bidi control (the marks, embeddings, overrides and
/// isolates that reorder what a reader sees) or another invisible format character (a zero-width
/// space or joiner, a soft hyphen, a byte order mark glued into a name) or a stray combining mark
/// (`StrayMarks`); a one-line field holds no line break or tab either, a long text (a description,
/// a note, minutes) may. Refused at the door — intake, import, the screen's forms, the resource
/// files — with the field and the place named.
public enum FieldCharacters {
    /// The bidi controls: U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func isForbidden(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return !multiline
        default: return UnsafeScalars.marker(for: scalar) != nil
        }
    }

    /// A long text's line ends as one kind: CRLF (Windows) and a lone CR (old Mac) become LF, so that
    /// a description from a form or a file breaks where it broke there and holds no stray CR.
    public static func withLineFeeds(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard scalar == "\r" else {
                result.append(scalar)
                continue
            }
            if pending == "\n" { pending = scalars.next() }
            result.append("\n")
        }
        return String(result)
    }

    /// The first character the text may not hold, with its place (counted in characters, from 1).
    public static func forbidden(in text: String, multiline: Bool) -> (position: Int, scalar: Unicode.Scalar)? {
        var previous: Unicode.Scalar?
        for (index, character) in text.enumerated() {
            for scalar in character.unicodeScalars {
                if isForbidden(scalar, multiline: multiline) || StrayMarks.isStray(scalar, after: previous) { return (index + 1, scalar) }
                previous = scalar
            }
        }
        return nil
    }

    /// "een stuurteken (U+001B) op positie 7", or nil when the text may be saved as it is.
    public static func problem(in text: String, multiline: Bool = false) -> String? {
        guard let (position, scalar) = forbidden(in: text, multiline: multiline) else { return nil }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let what = switch scalar.value {
        case 0x09: "een tab"
        case 0x0A, 0x0D, 0x2028, 0x2029: "een regeleinde"
        case 0x00...0x1F, 0x7F...0x9F: "een stuurteken"
        default:
            if isBidiControl(scalar) { "een teken dat de leesrichting omdraait" }
            else if StrayMarks.isCombining(scalar) { "een los accentteken" }
            else { "een onzichtbaar teken" }
        }
        return "\(what) (\(code)) op positie \(position); typ of plak de tekst zonder"
    }

    /// "Titel: een stuurteken (U+001B) op positie 3; typ of plak de tekst zonder." for the first
    /// field (label, text, whether it may run over lines) with a character it may not hold.
    public static func firstProblem(_ fields: [(label: String, text: String, multiline: Bool)]) -> String? {
        for field in fields {
            if let wrong = problem(in: field.text, multiline: field.multiline) { return "\(field.label): \(wrong)." }
        }
        return nil
    }
}
