import Meldroute
import SchakelCore
import Testing
import TerminalKit
@testable import SchakelApp

@Suite struct HeaderTests {
    func header(for user: User, width: Int) -> String {
        var grid = Grid(size: Size(width: width, height: 1))
        HeaderView.draw(Fixtures.context(user: user), in: Rect(x: 0, y: 0, width: width, height: 1), on: &grid)
        return grid.textLines()[0]
    }

    @Test func aLongNameDropsTheRoleBeforeTheNameItself() {
        let pm = User(id: 2, login: "pm.kmt", displayName: "Procesmanager KMT (demo)", role: .processManager, municipality: nil)
        #expect(header(for: pm, width: 80).hasPrefix(" Schakel │ Procesmanager KMT (demo) · regio Twente "))
        #expect(header(for: pm, width: 120).contains("Procesmanager KMT (demo) · procesmanager · regio Twente"))
        #expect(header(for: Fixtures.af, width: 80).contains("Anouk Veldkamp (demo) · AF · Enschede"))
    }
}
