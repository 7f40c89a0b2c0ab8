import TextSafety

/// Makes hostile text safe to draw: every character that could move the cursor, change the
/// terminal's state, reorder text or hide itself is replaced by a visible placeholder.
///
/// - C0 controls (including TAB, CR, LF, BS, ESC) become their Control Pictures (`␉ ␍ ␊ ␈ ␛`).
/// - DEL becomes `␡`.
/// - C1 controls (U+0080–U+009F, among them the 8-bit CSI U+009B) become `�`.
/// - Format characters — bidi embeddings, overrides and isolates, zero-width spaces and joiners,
///   the byte-order mark, the soft hyphen — become `�`.
/// - Line and paragraph separators become `␤`.
public enum DisplaySanitizer {
    public static let placeholder = UnsafeScalars.placeholder

    /// The text with every unsafe scalar replaced; printable ASCII is returned untouched.
    public static func sanitize(_ text: String) -> String {
        if isPlainASCII(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(replacement(for: scalar) ?? scalar)
        }
        return String(scalars)
    }

    /// True when the text holds printable ASCII only and needs no work.
    @inline(__always)
    public static func isPlainASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            return false
        }
        return true
    }

    /// The placeholder for an unsafe scalar, or nil when the scalar is safe to draw.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? { UnsafeScalars.marker(for: scalar) }
}
