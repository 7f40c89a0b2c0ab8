import Foundation
import Testing
@testable import SchakelFuzzing

/// The fuzz targets' kept inputs, replayed on every test run: each seed, and each input that once
/// broke a property (`Fuzz/regressions/`), holds every property now.
@Suite struct FuzzCorpusReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test(arguments: FuzzTarget.allCases)
    func everyKeptInputHoldsEveryProperty(_ target: FuzzTarget) {
        let inputs = FuzzCorpus.inputs(of: target, under: Self.root)
        #expect(!inputs.isEmpty, "no seeds for \(target.rawValue) in Fuzz/corpus/")
        for input in inputs {
            let bytes = [UInt8](FileManager.default.contents(atPath: input.path) ?? Data())
            #expect(target.violation(bytes) == nil, "\(input.lastPathComponent)")
        }
    }

    @Test func everyCorpusFolderIsATarget() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("corpus").path)
        #expect(Set(folders) == Set(FuzzTarget.allCases.map(\.rawValue)))
        let regressions = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("regressions").path)
        #expect(Set(regressions).isSubset(of: Set(FuzzTarget.allCases.map(\.rawValue))))
    }

    /// CI's seeded pass stops after a count per target: every target has one.
    @Test func ciRunsNamesEveryTargetOnce() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("ci-runs"), encoding: .utf8)
        let counts = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ") }
        #expect(counts.allSatisfy { $0.count == 2 && Int($0[1]).map { $0 > 0 } == true })
        #expect(counts.map { String($0[0]) }.sorted() == FuzzTarget.allCases.map(\.rawValue).sorted())
    }
}
