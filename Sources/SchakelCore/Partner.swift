/// An organisation on the sociale kaart.
public struct Partner: Hashable, Sendable {
    public var id: Int64?
    /// The version it was loaded at; nil for a new partner.
    public var version: Int?
    public var name: String
    public var kind: String
    public var description: String
    public var phone: String
    public var email: String
    public var website: String
    public var address: String

    public init(id: Int64? = nil, version: Int? = nil, name: String, kind: String = "", description: String = "",
                phone: String = "", email: String = "", website: String = "", address: String = "") {
        self.id = id
        self.version = version
        self.name = name
        self.kind = kind
        self.description = description
        self.phone = phone
        self.email = email
        self.website = website
        self.address = address
    }

    /// What is not in order, in Dutch; empty when it may be saved.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("naam ontbreekt") }
        for (label, value, limit) in [("naam", name, 200), ("soort", kind, 100), ("omschrijving", description, 4000),
                                      ("telefoon", phone, 50), ("e-mail", email, 200), ("website", website, 300),
                                      ("adres", address, 300)] where value.count > limit {
            problems.append("\(label) is te lang (\(value.count) tekens, hooguit \(limit))")
        }
        return problems
    }
}

/// The sociale kaart: the partner organisations, with the access policy applied.
public protocol PartnerDirectory: Sendable {
    func partnerPage(_ request: PageRequest, limit: Int, for user: User) throws(StoreFailure) -> Page<Partner>
    func savePartner(_ partner: Partner, by user: User) throws(StoreFailure) -> (id: Int64, version: Int)
}
