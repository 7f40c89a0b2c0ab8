import Testing
@testable import SchakelCore

/// Identity never from input: `SUDO_USER` only when running as the database's owner; an officer's
/// session refused on open permissions and as root without sudo.
@Suite struct LaunchPolicyTests {
    let service: UInt32 = 990
    let path = "/var/lib/schakel/schakel.sqlite"

    func facts(runningAs uid: UInt32, login: String?, sudoUser: String? = nil, file: UInt32 = 0o600, folder: UInt32 = 0o700) -> LaunchFacts {
        LaunchFacts(effectiveUserID: uid, effectiveLogin: login, sudoUser: sudoUser,
                    database: FileFacts(ownerID: service, mode: 0o100000 | file), folder: FileFacts(ownerID: service, mode: 0o040000 | folder))
    }

    func login(_ facts: LaunchFacts, session: Bool = true) -> String? {
        try? LaunchPolicy.login(for: facts, databasePath: path, session: session).get()
    }

    func refusal(_ facts: LaunchFacts, session: Bool = true) -> String {
        guard case .failure(let refusal) = LaunchPolicy.login(for: facts, databasePath: path, session: session) else { return "" }
        return refusal.description
    }

    @Test func throughSudoAsTheOwnerTheSudoUserIsWhoIsThere() {
        #expect(login(facts(runningAs: service, login: "schakel", sudoUser: "pm.kmt")) == "pm.kmt")
    }

    @Test func aSudoUserSetByAnyoneElseIsRefused() {
        let spoofed = facts(runningAs: 1001, login: "af.hengelo", sudoUser: "pm.kmt")
        #expect(login(spoofed) == nil)
        #expect(refusal(spoofed).hasPrefix("SUDO_USER (pm.kmt) telt alleen als Schakel via sudo draait als de eigenaar"))
        // Not on the command line either.
        #expect(login(spoofed, session: false) == nil)
    }

    @Test func withoutSudoItIsTheAccountItRunsAs() {
        #expect(login(facts(runningAs: service, login: "schakel")) == "schakel")
        #expect(login(facts(runningAs: 1001, login: "af.hengelo"), session: false) == "af.hengelo")
        #expect(refusal(facts(runningAs: 1001, login: nil)) == "Kan niet vaststellen wie er is ingelogd.")
    }

    @Test func rootWithoutSudoUserGetsNoSessionButMayAdminister() {
        #expect(refusal(facts(runningAs: 0, login: "root")).hasPrefix("Schakel start niet als root zonder SUDO_USER."))
        #expect(login(facts(runningAs: 0, login: "root"), session: false) == "root")
    }

    @Test func aDatabaseOrFolderOthersMayEnterStopsASession() {
        #expect(refusal(facts(runningAs: service, login: "schakel", sudoUser: "pm.kmt", file: 0o640))
            == "De database \(path) is ook voor anderen toegankelijk (rechten 0640). Schakel start pas als alleen de eigenaar "
            + "erbij kan: chmod 600 \(path)")
        #expect(refusal(facts(runningAs: service, login: "schakel", sudoUser: "pm.kmt", folder: 0o755))
            == "De map /var/lib/schakel van de database is ook voor anderen toegankelijk (rechten 0755). Schakel start pas als "
            + "alleen de eigenaar erbij kan: chmod 700 /var/lib/schakel")
        // The command line's own jobs are not stopped by it (doctor reports it instead).
        #expect(login(facts(runningAs: service, login: "schakel", file: 0o644), session: false) == "schakel")
    }
}
