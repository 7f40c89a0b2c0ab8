import Foundation
import Testing
import TestSupport
@testable import SchakelCore

/// The suppression over everything a user can obtain together, checked by an auditor that reads the
/// published counts as a reader who combines them would (`Scripts/figures_auditor.py`, an integer
/// program per count): on random small grids, no count from 1 to threshold − 1 can be worked out.
@Suite struct JointSuppressionTests {
    /// Two quarters of two months: small enough for many random grids.
    static let halfYear = FigureGrid.Tree(leafCount: 4, nodes: [[0, 1, 2, 3], [0, 1], [2, 3], [0], [1], [2], [3]])

    /// Signals, each in one month, one area, one row of each of two partitions of the signals, and
    /// sometimes counted in a list of its own: layer 0 the signals, 1–3 and 4–5 the partitions, 6 the list.
    static func randomGrid(_ random: inout SplitMix, periods: FigureGrid.Tree, areas: Int, signals: Int) -> FigureGrid {
        var leaves = [[Int]](repeating: [Int](repeating: 0, count: periods.leafCount * areas), count: 7)
        for _ in 0..<signals {
            let leaf = random.next(in: 0...(periods.leafCount - 1)) * areas + random.next(in: 0...(areas - 1))
            for layer in [0, random.next(in: 1...3), random.next(in: 4...5)] { leaves[layer][leaf] += 1 }
            if random.next(in: 0...2) == 0 { leaves[6][leaf] += 1 }
        }
        return FigureGrid(periods: periods, areas: .whole(of: areas),
                          partitions: [.init(total: 0, parts: [1, 2, 3]), .init(total: 0, parts: [4, 5])], leaves: leaves)
    }

    static func auditorInput(_ protected: ProtectedGrid) -> [String: Any] {
        let grid = protected.grid
        var published: [[Any]] = []
        for layer in 0..<grid.layerCount {
            for period in grid.periods.nodes.indices {
                for area in grid.areas.nodes.indices {
                    published.append([layer, period, area, protected.count(layer: layer, period: period, area: area).text(threshold: protected.threshold)])
                }
            }
        }
        return ["mode": "grid", "threshold": protected.threshold, "periods": grid.periods.nodes, "areas": grid.areas.nodes,
                "periodLeaves": grid.periods.leafCount, "areaLeaves": grid.areas.leafCount, "layers": grid.layerCount,
                "partitions": grid.partitions.map { ["total": $0.total, "parts": $0.parts] }, "published": published]
    }

    /// What is shown is true; nothing from 1 to threshold − 1 is shown; a `<5` is below the
    /// threshold and an `x` not 0.
    static func expectMarksTrue(_ protected: ProtectedGrid) {
        let grid = protected.grid
        for layer in 0..<grid.layerCount {
            for period in grid.periods.nodes.indices {
                for area in grid.areas.nodes.indices {
                    let count = grid.count(layer: layer, period: period, area: area)
                    switch protected.count(layer: layer, period: period, area: area) {
                    case .shown(let shown): #expect(shown == count && (count == 0 || count >= protected.threshold))
                    case .small: #expect(count < protected.threshold)
                    case .withheld: #expect(count > 0)
                    }
                }
            }
        }
    }

    @Test func noSmallCountCanBeWorkedOutOnRandomGrids() throws {
        var random = SplitMix(seed: 20261205)
        var grids: [ProtectedGrid] = []
        for round in 0..<24 {
            let periods = round % 6 == 5 ? FigureGrid.Tree.year : Self.halfYear
            let grid = Self.randomGrid(&random, periods: periods, areas: random.next(in: 2...4), signals: random.next(in: 1...40))
            let protected = JointSuppression.protect(grid, threshold: random.next(in: 2...5))
            Self.expectMarksTrue(protected)
            #expect(protected.unproven.isEmpty, "no move for \(protected.unproven) in \(grid.leaves)")
            grids.append(protected)
        }
        let findings = try FiguresAuditor.audit(grids.map(Self.auditorInput))
        for (protected, finding) in zip(grids, findings) {
            #expect(!finding.infeasible, "the auditor finds no table that fits: \(protected.grid.leaves)")
            #expect(finding.pinned.isEmpty, "pinned \(finding.pinned) in \(protected.grid.leaves), threshold \(protected.threshold)")
        }
        // The auditor had something to check: small counts were published.
        #expect(findings.reduce(0) { $0 + $1.checked } > 100)
    }

    /// The auditor is not blind: the old rule, each list protected on its own, leaves a quarter
    /// that its year less the other quarter gives away.
    @Test func theAuditorFindsAQuarterGivenAwayByItsYear() throws {
        // Quarter 1: 3 signals; quarter 2: 9 — each a list of one, published as <5 and 9; the year 12.
        let grid = FigureGrid(periods: Self.halfYear, areas: .whole(of: 1), partitions: [], leaves: [[3, 0, 9, 0]])
        var input = Self.auditorInput(JointSuppression.protect(grid, threshold: 5))
        input["published"] = [[0, 0, 0, "12"], [0, 1, 0, "<5"], [0, 2, 0, "9"], [0, 3, 0, "<5"], [0, 4, 0, "0"], [0, 5, 0, "9"],
                              [0, 6, 0, "0"], [0, 0, 1, "12"], [0, 1, 1, "<5"], [0, 2, 1, "9"], [0, 3, 1, "<5"], [0, 4, 1, "0"],
                              [0, 5, 1, "9"], [0, 6, 1, "0"]]
        let finding = try FiguresAuditor.audit(input)
        #expect(finding.pinned.map(\.value).contains(3))
        // The joint rule keeps something more back, and nothing is pinned.
        let protected = JointSuppression.protect(grid, threshold: 5)
        #expect(try FiguresAuditor.audit(Self.auditorInput(protected)).pinned.isEmpty)
        #expect(protected.count(layer: 0, period: 0, area: 0) != .shown(12) || protected.count(layer: 0, period: 2, area: 0) != .shown(9))
    }

    @Test func aListAloneIsProtectedAsBefore() {
        // One period, one area: a list of sources and its total. The 3 alone would be the total less the rest.
        let leaves = [[31], [12], [0], [3], [7], [9]]
        let grid = FigureGrid(periods: .whole(of: 1), areas: .whole(of: 1), partitions: [.init(total: 0, parts: [1, 2, 3, 4, 5])], leaves: leaves)
        let protected = JointSuppression.protect(grid, threshold: 5)
        let texts = (0..<6).map { protected.count(layer: $0, period: 0, area: 0).text(threshold: 5) }
        #expect(texts[0] == "31" && texts[3] == "<5")
        // One more is kept back beside the 3: a 0 shown as <5 costs least.
        #expect(texts.filter { $0 == "<5" || $0 == "x" }.count == 2, "\(texts)")
        #expect(texts[2] == "<5", "\(texts)")
    }

    @Test func nothingSmallNothingKeptBack() {
        let grid = FigureGrid(periods: Self.halfYear, areas: .whole(of: 2), partitions: [],
                              leaves: [[5, 0, 7, 9, 0, 12, 6, 5]])
        let protected = JointSuppression.protect(grid, threshold: 5)
        for period in 0..<7 {
            for area in 0..<3 { #expect(!protected.count(layer: 0, period: period, area: area).isSuppressed) }
        }
    }
}
