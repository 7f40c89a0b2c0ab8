import Testing
@testable import SchakelCore

@Suite struct AccessPolicyTests {
    let enschede = Municipality.twente.first { $0.name == "Enschede" }!

    func user(_ role: Role, _ municipality: Municipality? = nil) -> User {
        User(id: 1, login: "x", displayName: "X", role: role, municipality: municipality)
    }

    @Test func anAFSeesOnlyTheirOwnMunicipality() {
        #expect(AccessPolicy.signalScope(for: user(.designatedOfficer, enschede)) == .municipality(enschede.id))
    }

    @Test func anAFWithoutAMunicipalitySeesNothing() {
        #expect(AccessPolicy.signalScope(for: user(.designatedOfficer)) == SignalScope.none)
    }

    @Test func kmtCaseRolesSeeTheRegion() {
        #expect(AccessPolicy.signalScope(for: user(.processManager)) == .region)
        #expect(AccessPolicy.signalScope(for: user(.careCoordinator)) == .region)
    }

    @Test func supportAndAdministrationSeeNoSignalContent() {
        #expect(AccessPolicy.signalScope(for: user(.processSupporter)) == SignalScope.none)
        #expect(AccessPolicy.signalScope(for: user(.administrator)) == SignalScope.none)
    }

    @Test func thereAreFourteenMunicipalities() {
        #expect(Municipality.twente.count == 14)
        #expect(Set(Municipality.twente.map(\.id)).count == 14)
    }
}
