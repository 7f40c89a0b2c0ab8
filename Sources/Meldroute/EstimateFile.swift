import Yams

/// Reads the estimate the signals are laid beside, from `Resources/cijfers/schatting.yaml`.
public enum EstimateFile {
    /// The estimated victims a year, the reported victims a year, and where the numbers come from.
    public static func parse(yaml text: String, file: String) throws(CalendarDataError)
        -> (victimsPerYear: Int, reportedPerYear: Int, source: String) {
        let root = try CalendarDataFile.compose(text, file: file)
        guard let mapping = root?.mapping else { throw CalendarDataError(file: file, line: nil, message: "verwacht velden") }
        func number(_ key: String) throws(CalendarDataError) -> Int {
            guard let value = mapping[key]?.int, value > 0 else {
                throw CalendarDataError(file: file, line: mapping[key]?.mark?.line ?? root?.mark?.line,
                                        message: "'\(key)' ontbreekt of is geen positief getal")
            }
            return value
        }
        guard let source = mapping["bron"]?.string, !source.isEmpty else {
            throw CalendarDataError(file: file, line: root?.mark?.line, message: "'bron' ontbreekt: noem waar de schatting vandaan komt")
        }
        return (try number("geschatte_slachtoffers_per_jaar"), try number("gemiddeld_gemelde_slachtoffers_per_jaar"), source)
    }
}
