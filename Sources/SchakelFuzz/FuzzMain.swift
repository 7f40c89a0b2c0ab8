import Foundation
import SchakelFuzzing

/// `schakel-fuzz TARGET FILE|FOLDER…` replays inputs through a fuzz target and says which broke
/// what. Built with `-DSCHAKEL_LIBFUZZER -sanitize=fuzzer,address` (`Scripts/fuzz.sh`), it is the
/// libFuzzer binary instead, the target named by `SCHAKEL_FUZZ_TARGET`, and a broken property is a
/// crash for libFuzzer to keep.
#if SCHAKEL_LIBFUZZER
nonisolated(unsafe) private var target: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target else { fatalError("SCHAKEL_FUZZ_TARGET: one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))") }
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    if let violation = target.violation(bytes) { fatalError("\(target.rawValue): \(violation)") }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main enum FuzzMain {
    static func main() {
        target = ProcessInfo.processInfo.environment["SCHAKEL_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main enum FuzzMain {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("gebruik: schakel-fuzz DOEL BESTAND|MAP…\ndoelen: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(64)
        }
        var broken = 0, replayed = 0
        for input in FuzzCorpus.files(arguments.dropFirst().map { URL(fileURLWithPath: $0) }) {
            replayed += 1
            guard let data = FileManager.default.contents(atPath: input.path) else { continue }
            if let violation = target.violation(Array(data)) {
                broken += 1
                print("\(input.path): \(violation)")
            }
        }
        print("\(replayed) invoer(en) afgespeeld, \(broken) gebroken")
        exit(broken == 0 ? 0 : 1)
    }
}
#endif
