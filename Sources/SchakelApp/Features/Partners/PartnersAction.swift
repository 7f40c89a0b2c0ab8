import Meldroute
import SchakelCore
import TerminalKit

/// What happens in the Sociale kaart tab, or to it.
public enum PartnersAction: Hashable, Sendable {
    case shown
    case keyPressed(Key)
    /// A page of organisations, fetched for `filter`.
    case pageLoaded(PageRequest, PartnerFilter, Page<Partner>)
    /// The opened organisation with its contacts; nil when it is gone.
    case detailLoaded(id: Int64, PartnerDetail?)
    case loadFailed(String)
    /// "Wie bel ik voor…" asked from a signal or case: the situation filled in from it.
    case askWhoToCall(CallSituation)
    /// Referring a signal or case (`v` on it): the organisation is chosen here.
    case startReferral(TimelineSubject, code: String)
    case referred(id: Int64)
    case adviceLoaded(CallSituation, [CallAdvice.Line])
    case saved(id: Int64)
    /// Nothing was saved: why, in Dutch.
    case saveFailed(String)
    case archived(id: Int64)
    /// A contact person saved or archived at the organisation.
    case contactChanged(partnerID: Int64, String)
    /// The shipped directory's version this database has.
    case directoryVersionLoaded(Int)
    case directoryBroughtIn(DirectoryUpdate, version: Int)
    case otherProcessCommitted
}

/// Work for the Sociale kaart tab's runner; each result comes back as a `PartnersAction`.
public enum PartnersEffect: Hashable, Sendable {
    /// `.refresh` shows again what is open (audited as `ReadOccasion` says).
    case loadPage(PageRequest, PartnerFilter, limit: Int, ReadOccasion = .asked)
    case loadDetail(id: Int64, ReadOccasion = .asked)
    case advise(CallSituation)
    case save(Partner)
    case archive(id: Int64, expectedVersion: Int)
    case refer(TimelineSubject, NewReferral)
    case saveContact(PartnerContact)
    case loadDirectoryVersion
    case bringInShippedDirectory
    case archiveContact(PartnerContact)
}
