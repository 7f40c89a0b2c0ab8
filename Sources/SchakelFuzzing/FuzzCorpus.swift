import Foundation

/// The inputs kept for the fuzz targets, under `Fuzz/` in the repository: `corpus/TARGET/` holds
/// the seeds libFuzzer starts from, `regressions/TARGET/` every input that once broke a property.
public enum FuzzCorpus {
    /// The files given, and the files in the folders given (not recursing), in name order.
    public static func files(_ locations: [URL]) -> [URL] {
        locations.flatMap { location -> [URL] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isFolder) else { return [] }
            guard isFolder.boolValue else { return [location] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: location.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { location.appendingPathComponent($0) }
        }
    }

    /// The seeds and regressions of one target under `root` (the repository's `Fuzz/`).
    public static func inputs(of target: FuzzTarget, under root: URL) -> [URL] {
        files([root.appendingPathComponent("corpus/\(target.rawValue)"), root.appendingPathComponent("regressions/\(target.rawValue)")])
    }
}
