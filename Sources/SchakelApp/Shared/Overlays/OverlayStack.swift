/// What is open over a pane where overlays really stack (a signal opened from the search results
/// and its route steps over it; an organisation opened from the call advice and its form over it):
/// the first opened first, the last has the keys, each kind at most once. A pane whose overlays do
/// not stack keeps one optional enum instead.
public struct OverlayStack<Entry: OverlayEntry>: Hashable, Sendable {
    public private(set) var entries: [Entry] = []

    public init() {}

    /// What has the keys: the last opened, or nil for the pane itself.
    public var top: Entry? { entries.last }
    public var isEmpty: Bool { entries.isEmpty }

    /// The value of the first entry `value` reads one from.
    public func first<Value>(_ value: (Entry) -> Value?) -> Value? {
        for entry in entries { if let found = value(entry) { return found } }
        return nil
    }

    /// Setting a kind that is open changes it where it stands, one that is not puts it on top; nil
    /// closes the kind.
    public mutating func put(_ entry: Entry?, kind: Entry.Kind) {
        let index = entries.firstIndex { $0.kind == kind }
        switch (index, entry) {
        case let (index?, entry?): entries[index] = entry
        case let (index?, nil): entries.remove(at: index)
        case let (nil, entry?): entries.append(entry)
        case (nil, nil): break
        }
    }
}

/// An overlay that can stand in an `OverlayStack`: one case per kind, carrying its state.
public protocol OverlayEntry: Hashable, Sendable {
    associatedtype Kind: Hashable & Sendable
    var kind: Kind { get }
}
