import Meldroute
import SchakelCore
import TerminalKit

/// An organisation in the sociale kaart's list.
public struct PartnerRow: ListRow {
    public let partner: Partner
    public var listKey: ListKey { ListKey(sortValue: partner.name, id: partner.id ?? 0) }
}

/// An organisation opened from the list, and how far it is scrolled.
public struct OpenPartner: Hashable, Sendable {
    public let id: Int64
    /// Nil while it is being fetched.
    public var detail: PartnerDetail?
    public var scroll = 0
    /// Its contact persons being kept (`p`).
    public var contacts: ContactsPane?

    public init(id: Int64) {
        self.id = id
    }
}

/// Tab 4, Sociale kaart: the organisations in name order, narrowed by what is typed and by
/// facets; one opened in full.
public struct PartnersState: Hashable, Sendable {
    public static let pageSize = PagedList<PartnerRow>.pageSize

    public var list = PagedList<PartnerRow>()
    public var filter = PartnerFilter.none
    /// The text being typed after `/`, filtering as it goes; nil when not typing.
    public var query: TextField?
    /// The facets being chosen (`f`), as a form.
    public var facets: EventForm?
    public var open: OpenPartner?
    /// The signal or case being referred, while an organisation is chosen.
    public var referring: ReferralTarget?
    /// The referral to the opened organisation being filled in.
    public var referralForm: ReferralForm?
    /// An organisation being added or changed.
    public var editing: PartnerForm?
    /// "Archive the opened organisation?" asked.
    public var isConfirmingArchive = false
    /// The version of a newer shipped directory than this database has, offered to who keeps the map.
    public var offeredDirectoryVersion: Int?
    /// "Wie bel ik voor…", when asked.
    public var callAdvice: CallAdvicePane?

    public init() {}
}
