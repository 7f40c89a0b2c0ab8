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

    @Test func procesmanagersSeeTheRegionAndTheZorgcoordinatorTheSignalsOfVictimCases() {
        #expect(AccessPolicy.signalScope(for: user(.processManager)) == .region)
        #expect(AccessPolicy.signalScope(for: user(.careCoordinator)) == .caseOrigins)
        // A new signal is no victim case's origin: the municipality alone never brings it into her scope.
        #expect(!SignalScope.caseOrigins.includes(municipalityID: enschede.id))
        #expect(!AccessPolicy.canRegisterSignals(user(.careCoordinator)) && AccessPolicy.canRegisterSignals(user(.processManager)))
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

/// The need-to-know table for KMT cases and the directory, role by role.
@Suite struct CaseAccessPolicyTests {
    let enschede = Municipality.twente[3], hengelo = Municipality.twente[6]

    func user(_ role: Role, _ municipality: Municipality? = nil) -> User {
        User(id: 1, login: "x", displayName: "X", role: role, municipality: municipality)
    }

    func visibility(_ user: User, municipality: Municipality, perpetrator: Bool) -> Visibility {
        AccessPolicy.caseVisibility(for: user, CaseAccessFacts(municipalityID: municipality.id, perpetratorTrack: perpetrator))
    }

    @Test func victimCasesByRole() {
        #expect(visibility(user(.designatedOfficer, enschede), municipality: enschede, perpetrator: false) == .full)
        #expect(visibility(user(.designatedOfficer, hengelo), municipality: enschede, perpetrator: false) == .none)
        #expect(visibility(user(.processManager), municipality: enschede, perpetrator: false) == .full)
        #expect(visibility(user(.careCoordinator), municipality: enschede, perpetrator: false) == .full)
        #expect(visibility(user(.processSupporter), municipality: enschede, perpetrator: false) == .pseudonymised)
        #expect(visibility(user(.administrator), municipality: enschede, perpetrator: false) == .none)
    }

    @Test func dadertafelCasesAreForProcessManagersOnly() {
        for role in Role.allCases {
            let expected: Visibility = role == .processManager ? .full : .none
            #expect(visibility(user(role, enschede), municipality: enschede, perpetrator: true) == expected, "\(role)")
        }
    }

    @Test func theSQLConditionAgreesWithTheRule() {
        #expect(AccessPolicy.caseCondition(for: user(.administrator)) == nil)
        #expect(AccessPolicy.caseCondition(for: user(.designatedOfficer)) == nil)
        #expect(AccessPolicy.caseCondition(for: user(.designatedOfficer, hengelo))?.arguments == [hengelo.id])
        #expect(AccessPolicy.caseCondition(for: user(.careCoordinator))?.sql == "c.perpetrator_track = 0")
    }

    @Test func theDirectoryAndUsers() {
        #expect(Role.allCases.filter { AccessPolicy.canReadPartners(user($0)) } == Role.allCases)
        #expect(Role.allCases.filter { AccessPolicy.canEditPartners(user($0)) } == [.processManager, .careCoordinator, .processSupporter,
                                                                                    .administrator])
        #expect(Role.allCases.filter { AccessPolicy.canManageUsers(user($0)) } == [.administrator])
    }

    @Test func openingACaseFromASignal() {
        #expect(AccessPolicy.canOpenCase(user(.designatedOfficer, enschede), fromSignalIn: enschede.id))
        #expect(!AccessPolicy.canOpenCase(user(.designatedOfficer, hengelo), fromSignalIn: enschede.id))
        #expect(AccessPolicy.canOpenCase(user(.processManager), fromSignalIn: enschede.id))
        #expect(!AccessPolicy.canOpenCase(user(.careCoordinator), fromSignalIn: enschede.id))
    }
}

@Suite struct MeetingAccessPolicyTests {
    let enschede = Municipality.twente[3], hengelo = Municipality.twente[6]

    func visibility(_ role: Role, _ municipality: Municipality?, _ kind: MeetingKind, held by: Municipality? = nil) -> Visibility {
        AccessPolicy.meetingVisibility(for: User(id: 1, login: "x", displayName: "X", role: role, municipality: municipality),
                                       kind: kind, municipalityID: by?.id)
    }

    @Test func theDadertafelIsForProcessManagersOnly() {
        #expect(Role.allCases.map { visibility($0, enschede, .dadertafel) } == [.none, .full, .none, .none, .none])
        // The supporter keeps the other tables' logistics, pseudonymised.
        #expect(visibility(.processSupporter, nil, .casustafel) == .pseudonymised)
    }

    @Test func agendasAreBuiltByThoseWhoSeeTheMeetingInFull() {
        func canEdit(_ role: Role, _ kind: MeetingKind, held by: Municipality? = nil) -> Bool {
            AccessPolicy.canEditAgenda(for: User(id: 1, login: "x", displayName: "X", role: role, municipality: role == .designatedOfficer ? enschede : nil),
                                       kind: kind, municipalityID: by?.id)
        }
        #expect(Role.allCases.filter { canEdit($0, .casustafel) } == [.processManager, .careCoordinator])
        #expect(Role.allCases.filter { canEdit($0, .dadertafel) } == [.processManager])
        #expect(Role.allCases.filter { canEdit($0, .localUnderminingMeeting, held: enschede) } == [.designatedOfficer, .processManager])
    }

    @Test func municipalMeetingsAreForTheirOwnAF() {
        #expect(visibility(.designatedOfficer, enschede, .localUnderminingMeeting, held: enschede) == .full)
        #expect(visibility(.designatedOfficer, hengelo, .localUnderminingMeeting, held: enschede) == .none)
        #expect(visibility(.designatedOfficer, enschede, .casustafel) == .pseudonymised)
        #expect(visibility(.careCoordinator, nil, .casustafel) == .full)
        // A municipality's own meetings are not victim care's.
        #expect(visibility(.careCoordinator, nil, .localUnderminingMeeting, held: enschede) == .none)
        #expect(visibility(.careCoordinator, nil, .designatedOfficersMeeting, held: enschede) == .none)
        #expect(visibility(.administrator, nil, .themeGroup) == .none)
    }
}
