/// The scalars Schakel never puts anywhere as they are — not on the screen, not in a file — and the
/// visible marker that stands in for each: a C0 control as its control picture (␛ for ESC), DEL as
/// ␡, a line or paragraph separator as ␤, a C1 control and every invisible format character (the
/// bidi overrides and isolates, zero-width characters) as U+FFFD. One table for the screen
/// (`DisplaySanitizer`) and the exports (`ExportText`).
public enum UnsafeScalars {
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// The marker for an unsafe scalar, or nil when the scalar is safe as it is.
    @inline(__always)
    public static func marker(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        case 0x20...0x7E: return nil
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + value)
        case 0x7F: return "\u{2421}"
        case 0x80...0x9F: return placeholder
        case 0x2028, 0x2029: return "\u{2424}"
        default: return scalar.properties.generalCategory == .format ? placeholder : nil
        }
    }
}
