import Foundation
import Meldroute
import SchakelCore
@testable import SchakelApp

/// The fake store: the persons of signals and cases, the known persons it offers, and what was
/// written to them.
extension FakeSignals {
    func persons(of subject: TimelineSubject, for user: User) throws(StoreFailure) -> [SubjectPerson] {
        if let failure = personsFailure { throw failure }
        return subjectPersons[subject] ?? []
    }

    func possibleMatches(for person: NewPerson, for user: User) throws(StoreFailure) -> [PersonMatch] {
        matchRequests.append(person)
        return knownMatches
    }

    func addPerson(_ person: NewPerson, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson {
        if let failure = nextPersonFailure {
            nextPersonFailure = nil
            throw failure
        }
        personWrites.append(.added(person, subject))
        let id = Int64(900 + personWrites.count)
        subjectPersons[subject, default: []].append(SubjectPerson(
            id: id, code: "P-00\(id)", initials: person.initials, birthYear: person.birthYear, role: person.role,
            givenName: person.givenName, familyName: person.familyName))
        return AddedPerson(id: id, code: "P-00\(id)")
    }

    func linkPerson(_ personID: Int64, role: PersonRole, to subject: TimelineSubject, by user: User) throws(StoreFailure) -> AddedPerson {
        personWrites.append(.linked(personID, role, subject))
        return AddedPerson(id: personID, code: knownMatches.first { $0.id == personID }?.code ?? "P-?")
    }

    func changeRole(of personID: Int64, on subject: TimelineSubject, from old: PersonRole, to new: PersonRole, reason: String,
                    by user: User) throws(StoreFailure) {
        personWrites.append(.roleChanged(personID, old, new, reason))
    }

    func correctPerson(_ personID: Int64, on subject: TimelineSubject, to correction: PersonCorrection, reason: String,
                       by user: User) throws(StoreFailure) {
        personWrites.append(.corrected(personID, correction, reason))
    }

    func personRecord(id: Int64, for user: User) throws(StoreFailure) -> PersonRecord? {
        personRecords[id]
    }

    func mergePersons(_ absorbed: String, into survivor: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge {
        personWrites.append(.merged(absorbed, survivor, reason))
        return PersonMerge(absorbed: absorbed, survivor: survivor, movedLinks: 1)
    }

    func undoMerge(of absorbed: String, reason: String, by user: User) throws(StoreFailure) -> PersonMerge {
        personWrites.append(.unmerged(absorbed, reason))
        return PersonMerge(absorbed: absorbed, survivor: "P-?", movedLinks: 1)
    }
}

/// A write to the fake's persons, as asked.
enum PersonWrite: Hashable {
    case added(NewPerson, TimelineSubject)
    case linked(Int64, PersonRole, TimelineSubject)
    case roleChanged(Int64, PersonRole, PersonRole, String)
    case corrected(Int64, PersonCorrection, String)
    case merged(String, String, String)
    case unmerged(String, String)
}
