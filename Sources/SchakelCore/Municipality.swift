/// One of the fourteen Twente municipalities.
public struct Municipality: Hashable, Sendable {
    public let id: Int64
    public let name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }

    /// The fourteen municipalities of Twente, with the ids the store seeds them with.
    public static let twente: [Municipality] = [
        "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
        "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden",
    ].enumerated().map { Municipality(id: Int64($0.offset + 1), name: $0.element) }
}
