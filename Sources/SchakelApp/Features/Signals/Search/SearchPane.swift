import Foundation
import Meldroute
import SchakelCore
import TerminalKit

/// Full-text search (`/`): a line to type in, then the signals and timeline lines that match, the
/// match marked; Enter opens the signal with the words highlighted.
public struct SearchPane: Hashable, Sendable {
    public var query = TextField(maxLength: 200)
    public var results: [SearchHit] = []
    public var selected = 0
    /// Results are shown for this text (nil while typing the first search).
    public var searchedFor: String?
    public var isTyping = true

    public init() {}

    /// The words searched for, for highlighting.
    public var terms: [String] {
        (searchedFor ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "*" }).map(String.init)
    }
}

enum SearchReducer {
    enum Outcome: Hashable {
        case stay
        case close
        case search(String)
        case open(SearchHit)
    }

    static func keyPressed(_ key: Key, _ pane: inout SearchPane) -> Outcome {
        if pane.isTyping {
            switch key {
            case .escape:
                // Before any search Esc leaves; after one it goes back to the results.
                if pane.searchedFor == nil { return .close }
                pane.isTyping = false
            case .enter:
                let text = pane.query.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return .stay }
                pane.isTyping = false
                return .search(text)
            case .down where pane.searchedFor != nil:
                pane.isTyping = false
            default:
                pane.query.handle(key)
            }
            return .stay
        }
        switch key {
        case .escape, .character("q"): return .close
        case .character("/"): pane.isTyping = true
        case .down, .character("j"): pane.selected = min(max(0, pane.results.count - 1), pane.selected + 1)
        case .up, .character("k"):
            if pane.selected == 0 { pane.isTyping = true } else { pane.selected -= 1 }
        case .enter:
            if pane.results.indices.contains(pane.selected) { return .open(pane.results[pane.selected]) }
        default: break
        }
        return .stay
    }
}

/// Where the words searched for are in a piece of text: case and accents do not matter, and a
/// word matches the start of a word ("celi" in "Çelik").
enum Highlighter {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Character ranges (in `Character` offsets) to mark.
    static func ranges(in text: String, terms: [String]) -> [Range<Int>] {
        let folded = terms.map(fold).filter { !$0.isEmpty }
        guard !folded.isEmpty else { return [] }
        let characters = Array(text)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            let startsWord = index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
            if startsWord && (characters[index].isLetter || characters[index].isNumber) {
                var end = index
                while end < characters.count && (characters[end].isLetter || characters[end].isNumber) { end += 1 }
                let word = fold(String(characters[index..<end]))
                if let term = folded.first(where: { word.hasPrefix($0) }) {
                    // Mark as many characters as the term is long (folding keeps one per letter here).
                    ranges.append(index..<min(end, index + term.count))
                }
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Writes `text` and then marks the matches in reverse video.
    static func write(_ text: String, terms: [String], x: Int, y: Int, style: Style, maxX: Int, on grid: inout Grid) {
        grid.write(text, x: x, y: y, style: style, maxX: maxX)
        // Most lines are drawn with nothing to mark: no work beyond the plain write.
        guard !terms.isEmpty else { return }
        let characters = Array(text)
        for range in ranges(in: text, terms: terms) {
            let column = x + characters[..<range.lowerBound].reduce(0) { $0 + DisplayWidth.of($1) }
            grid.write(String(characters[range]), x: column, y: y, style: style.adding(.reverse), maxX: maxX)
        }
    }
}

enum SearchView {
    static func draw(_ pane: SearchPane, in rect: Rect, on grid: inout Grid) {
        grid.fill(rect)
        let shown = pane.query.visible(width: max(10, rect.width - 10))
        grid.write(" Zoeken: ", x: rect.x, y: rect.y, style: .bold, maxX: rect.maxX)
        grid.write(shown.text, x: rect.x + 9, y: rect.y, maxX: rect.maxX)
        if pane.isTyping {
            let x = rect.x + 9 + shown.cursorColumn
            let cell = grid[x, rect.y]
            grid.write(cell.isContinuation ? " " : cell.text, x: x, y: rect.y, style: .reverse)
        }
        guard let searched = pane.searchedFor else {
            grid.write("  Woorden of het begin ervan; hoofdletters en accenten maken niet uit. Enter zoekt.", x: rect.x,
                       y: rect.y + 2, style: Style(.dim, tone: .muted), maxX: rect.maxX)
            return
        }
        if pane.results.isEmpty {
            grid.write("  Niets gevonden voor ‘\(searched)’ in wat u mag zien.", x: rect.x, y: rect.y + 2, maxX: rect.maxX)
            return
        }
        let height = rect.height - 2
        let top = max(0, min(pane.selected - height + 1, pane.results.count - height))
        for (offset, hit) in pane.results.dropFirst(top).prefix(height).enumerated() {
            let index = top + offset
            let source = switch hit.source {
            case .signal: "signaal "
            case .person: "persoon "
            case .timeline, .partner: "tijdlijn"
            }
            let prefix = " \(TextFitting.pad(hit.title, toWidth: 11)) \(source)  "
            let snippet = hit.snippet.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
                .replacingOccurrences(of: "\n", with: " ")
            let style: Style = index == pane.selected && !pane.isTyping ? .reverse : .plain
            let line = TextFitting.fit(prefix + snippet, width: rect.width)
            if style == .reverse {
                grid.write(TextFitting.pad(line, toWidth: rect.width), x: rect.x, y: rect.y + 2 + offset, style: style, maxX: rect.maxX)
            } else {
                Highlighter.write(line, terms: pane.terms, x: rect.x, y: rect.y + 2 + offset, style: style, maxX: rect.maxX, on: &grid)
            }
        }
    }
}
