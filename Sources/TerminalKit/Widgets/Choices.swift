/// One option of a list: an id the app keeps, a label the officer reads.
public struct Option: Hashable, Sendable {
    public let id: String
    public let label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// A list to pick one option from: Up/Down (j/k), Home/End, or the first letter of a label.
public struct SelectList: Hashable, Sendable {
    public let options: [Option]
    public private(set) var highlighted: Int

    public init(_ options: [Option], selected id: String? = nil) {
        self.options = options
        highlighted = options.firstIndex { $0.id == id } ?? 0
    }

    public var selected: Option? { options.indices.contains(highlighted) ? options[highlighted] : nil }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty else { return false }
        switch key {
        case .up, .character("k"), .left:
            highlighted = max(0, highlighted - 1)
        case .down, .character("j"), .right:
            highlighted = min(options.count - 1, highlighted + 1)
        case .home:
            highlighted = 0
        case .end:
            highlighted = options.count - 1
        case .character(let character) where character.isLetter:
            // Jump to the next option starting with the letter.
            let letter = character.lowercased()
            let order = Array(options.indices[(highlighted + 1)...]) + Array(options.indices[...highlighted])
            if let match = order.first(where: { options[$0].label.lowercased().hasPrefix(letter) }) { highlighted = match }
        default:
            return false
        }
        return true
    }
}

/// A list to tick any number of options in: move as in `SelectList`, Space ticks or unticks.
public struct MultiSelectList: Hashable, Sendable {
    public private(set) var list: SelectList
    public private(set) var chosen: Set<String>

    public init(_ options: [Option], chosen: Set<String> = []) {
        list = SelectList(options)
        self.chosen = chosen
    }

    public var options: [Option] { list.options }
    public var highlighted: Int { list.highlighted }
    /// The ticked options, in list order.
    public var chosenOptions: [Option] { list.options.filter { chosen.contains($0.id) } }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if key == .character(" "), let option = list.selected {
            if chosen.contains(option.id) { chosen.remove(option.id) } else { chosen.insert(option.id) }
            return true
        }
        return list.handle(key)
    }
}

/// A yes/no field: Space, j or n.
public struct Toggle: Hashable, Sendable {
    public private(set) var isOn: Bool

    public init(_ isOn: Bool = false) { self.isOn = isOn }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(" "): isOn.toggle()
        case .character("j"), .character("J"): isOn = true
        case .character("n"), .character("N"): isOn = false
        default: return false
        }
        return true
    }
}
