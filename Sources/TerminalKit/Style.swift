/// Text attributes every terminal supports, also in monochrome.
public struct Emphasis: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Emphasis(rawValue: 1 << 0)
    public static let reverse = Emphasis(rawValue: 1 << 1)
    public static let underline = Emphasis(rawValue: 1 << 2)
    public static let dim = Emphasis(rawValue: 1 << 3)
}

/// A semantic colour. Backends map it to a colour where they can; the meaning is always
/// carried by text or emphasis too, never by colour alone.
public enum Tone: UInt8, Hashable, Sendable, CaseIterable {
    case normal
    case accent
    case warning
    case danger
    case muted
    case success
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var emphasis: Emphasis
    public var tone: Tone

    public init(_ emphasis: Emphasis = [], tone: Tone = .normal) {
        self.emphasis = emphasis
        self.tone = tone
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let reverse = Style(.reverse)

    public func adding(_ extra: Emphasis) -> Style {
        Style(emphasis.union(extra), tone: tone)
    }
}
