/// A single line of editable text: cursor movement, insert and delete, Home/End, word jumps and
/// the usual Ctrl keys (A, E, K, U, W), with Ctrl-Y putting back what K, U or W cut, as in
/// readline: no single key loses a line. Positions count characters (grapheme clusters), so an
/// accented or wide character is one step. Pure: the app keeps it in its state.
public struct TextField: Hashable, Sendable {
    private var characters: [Character]
    /// What Ctrl-K, Ctrl-U or Ctrl-W cut last, for Ctrl-Y.
    private var cut: [Character] = []
    /// Where the cursor is, 0...count.
    public private(set) var cursor: Int
    /// The most characters accepted; more typing is refused.
    public let maxLength: Int

    public init(_ text: String = "", maxLength: Int = 200) {
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Handles an editing key. Returns false for keys it does not use (Tab, Enter, Esc...), so the
    /// form can act on them.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // Line breaks and other controls never enter a single-line field.
            guard !character.isNewline, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                return true
            }
            guard characters.count < maxLength else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .wordLeft:
            cursor = Self.previousWordStart(in: characters, from: cursor)
        case .wordRight:
            cursor = Self.nextWordEnd(in: characters, from: cursor)
        case .control("k"):
            cutOut(cursor..<characters.count)
        case .control("u"):
            cutOut(0..<cursor)
        case .control("w"):
            cutOut(Self.previousWordStart(in: characters, from: cursor)..<cursor)
        case .control("y"):
            let room = maxLength - characters.count
            let pasted = cut.prefix(max(0, room))
            characters.insert(contentsOf: pasted, at: cursor)
            cursor += pasted.count
        default:
            return false
        }
        keepWholeCharacters()
        return true
    }

    /// Each position one character as the text reads: a combining mark typed or pasted on its own
    /// joins the character before it, and characters that come together once what stood between
    /// them is deleted become one. The cursor stays after what it was after.
    private mutating func keepWholeCharacters() {
        let whole = Array(String(characters))
        guard whole.count != characters.count else { return }
        cursor = min(whole.count, String(characters[..<cursor]).count)
        characters = whole
    }

    /// Removes `range`, keeping it for Ctrl-Y; the cursor goes where it was.
    private mutating func cutOut(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        cut = Array(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    /// Replaces the whole text, cursor at the end.
    public mutating func set(_ text: String) {
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
    }

    /// What fits in `width` columns, scrolled so the cursor is visible, and the cursor's column.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        var start = 0
        // Keep the cursor inside the window: drop characters from the left until it fits, with a
        // column left for the cursor after the last character.
        while start < cursor && Self.width(of: characters[start..<cursor]) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for character in characters[start...] {
            let next = DisplayWidth.of(character)
            if used + next > width { break }
            shown.append(character)
            used += next
        }
        return (shown, Self.width(of: characters[start..<cursor]))
    }

    static func width(of characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    static func previousWordStart(in characters: [Character], from index: Int) -> Int {
        var position = index
        while position > 0 && !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    static func nextWordEnd(in characters: [Character], from index: Int) -> Int {
        var position = index
        while position < characters.count && !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count && isWordCharacter(characters[position]) { position += 1 }
        return position
    }
}
