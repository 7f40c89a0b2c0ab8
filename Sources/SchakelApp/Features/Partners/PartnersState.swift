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
    /// The signal or case being referred, while an organisation is chosen: not something open over
    /// the list but what the list is for, until the referral is made or Esc breaks it off.
    public var referring: ReferralTarget?
    /// The version of a newer shipped directory than this database has, offered to who keeps the map.
    public var offeredDirectoryVersion: Int?
    /// What is open over the list: they really stack (an organisation opened from the call advice,
    /// its form over it). The last has the keys; each kind is there once.
    public var stack = OverlayStack<OnTop>()

    public init() {}

    /// What can be open over the organisations.
    public enum OnTop: OverlayEntry {
        /// The text being typed after `/`, filtering as it goes.
        case query(TextField)
        /// The facets being chosen (`f`), as a form.
        case facets(EventForm)
        /// "Wie bel ik voor…", when asked.
        case callAdvice(CallAdvicePane)
        /// An organisation opened in full.
        case organisation(OpenPartner)
        /// An organisation being added or changed.
        case editing(PartnerForm)
        /// "Archive the opened organisation?" asked.
        case confirmingArchive
        /// The referral to the opened organisation being filled in.
        case referralForm(ReferralForm)

        public enum Kind: Hashable, Sendable { case query, facets, callAdvice, organisation, editing, confirmingArchive, referralForm }

        public var kind: Kind {
            switch self {
            case .query: .query
            case .facets: .facets
            case .callAdvice: .callAdvice
            case .organisation: .organisation
            case .editing: .editing
            case .confirmingArchive: .confirmingArchive
            case .referralForm: .referralForm
            }
        }
    }

    /// What has the keys: the last opened, or nil for the list.
    public var onTop: OnTop? { stack.top }

    // Each kind as a property: set, it changes where it stands or goes on top; nil closes it.
    public var query: TextField? {
        get { stack.first { if case .query(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.query), kind: .query) }
    }
    public var facets: EventForm? {
        get { stack.first { if case .facets(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.facets), kind: .facets) }
    }
    public var callAdvice: CallAdvicePane? {
        get { stack.first { if case .callAdvice(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.callAdvice), kind: .callAdvice) }
    }
    public var open: OpenPartner? {
        get { stack.first { if case .organisation(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.organisation), kind: .organisation) }
    }
    public var editing: PartnerForm? {
        get { stack.first { if case .editing(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.editing), kind: .editing) }
    }
    public var referralForm: ReferralForm? {
        get { stack.first { if case .referralForm(let value) = $0 { value } else { nil } } }
        set { stack.put(newValue.map(OnTop.referralForm), kind: .referralForm) }
    }
}
