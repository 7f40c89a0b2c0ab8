import Meldroute
import SchakelCore
import TerminalKit

/// The persons of a signal or case (`b` in its detail, its timeline or the case list), shown over
/// the pane it was opened from: their codes, current data and roles; a person added, a role
/// changed, data corrected; Enter opens the person view. Opened from a search hit, it is the person
/// view alone.
public struct PersonsPane: Hashable, Sendable {
    /// The signal or case, with its code; nil when only one person was opened (from a search).
    public let subject: TimelineSubject?
    public let code: String
    public var persons: [SubjectPerson] = []
    public var isLoaded = false
    public var selected = 0
    /// What is open over the list; nil while the list has the keys.
    public var onTop: OnTop?

    public init(subject: TimelineSubject?, code: String) {
        self.subject = subject
        self.code = code
    }

    public enum OnTop: Hashable, Sendable {
        /// A person being added, a role being changed, data being corrected.
        case form(PersonForm)
        /// Known persons offered for the person being added; the form waits underneath.
        case matchOffer(MatchOffer, PersonForm)
        /// Everything the user may see about one person.
        case person(PersonView)
        /// A merge into the person shown, or its undoing; the person view waits underneath.
        case merge(MergeForm, PersonView)
    }

    // What is on top, read as its kind: for the views and the tests. Changed only through `onTop`.
    public var form: PersonForm? { if case .form(let form)? = onTop { form } else { nil } }
    public var matchOffer: MatchOffer? { if case .matchOffer(let offer, _)? = onTop { offer } else { nil } }
    /// The form waiting under the match offer.
    public var matchOfferForm: PersonForm? { if case .matchOffer(_, let form)? = onTop { form } else { nil } }
    public var personView: PersonView? { if case .person(let view)? = onTop { view } else { nil } }
    public var mergeForm: MergeForm? { if case .merge(let form, _)? = onTop { form } else { nil } }

    public var selectedPerson: SubjectPerson? { persons.indices.contains(selected) ? persons[selected] : nil }

    /// "Betrokkenen van signaal S2026-0031"
    public var title: String {
        switch subject {
        case .signal?: "Betrokkenen van signaal \(code)"
        case .kmtCase?: "Betrokkenen van casus \(code)"
        case nil: "Betrokkene"
        }
    }
}

/// One person as the user may see them, and which of their signals and cases is chosen.
public struct PersonView: Hashable, Sendable {
    public var record: PersonRecord
    public var selected = 0
    /// One row per signal or case, with every role the person has there (one can be victim and
    /// perpetrator in the same signal), oldest first.
    public let rows: [Row]

    public struct Row: Hashable, Sendable {
        public let appearance: PersonAppearance
        public let roles: [PersonRole]
    }

    public init(record: PersonRecord) {
        self.record = record
        var rows: [Row] = []
        for appearance in record.appearances {
            if let index = rows.firstIndex(where: { $0.appearance.subject == appearance.subject }) {
                rows[index] = Row(appearance: rows[index].appearance, roles: rows[index].roles + [appearance.role])
            } else {
                rows.append(Row(appearance: appearance, roles: [appearance.role]))
            }
        }
        self.rows = rows
    }

    public var selectedAppearance: PersonAppearance? { rows.indices.contains(selected) ? rows[selected].appearance : nil }
}
