import Meldroute

/// The period figures are counted over: a year, a quarter, a month, or from one day to another
/// (both included). Days are Dutch calendar days (Europe/Amsterdam).
public enum FiguresPeriod: Hashable, Sendable {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)
    case days(CivilDate, CivilDate)

    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                             "november", "december"]
    static let shortMonthNames = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// The first day in the period and the first day after it.
    public var bounds: (first: CivilDate, after: CivilDate) {
        switch self {
        case .year(let year):
            return (CivilDate(year: year, month: 1, day: 1)!, CivilDate(year: year + 1, month: 1, day: 1)!)
        case .quarter(let year, let quarter):
            let first = CivilDate(year: year, month: 3 * quarter - 2, day: 1)!
            return (first, Self.firstOfMonth(year, 3 * quarter + 1))
        case .month(let year, let month):
            return (CivilDate(year: year, month: month, day: 1)!, Self.firstOfMonth(year, month + 1))
        case .days(let first, let last):
            return (first, last.adding(days: 1))
        }
    }

    /// `2026`, `2026 K3`, `november 2026`, `01-09-2026 t/m 30-11-2026`.
    public var label: String {
        switch self {
        case .year(let year): return String(year)
        case .quarter(let year, let quarter): return "\(year) K\(quarter)"
        case .month(let year, let month): return "\(Self.monthNames[month - 1]) \(year)"
        case .days(let first, let last): return "\(first.dutch) t/m \(last.dutch)"
        }
    }

    /// The period before (`-1`) or after (`1`) of the same kind; a span of days moves by its length.
    public func moved(by steps: Int) -> FiguresPeriod {
        switch self {
        case .year(let year):
            return .year(year + steps)
        case .quarter(let year, let quarter):
            let index = year * 4 + quarter - 1 + steps
            return .quarter(Self.floorDivide(index, 4), index - 4 * Self.floorDivide(index, 4) + 1)
        case .month(let year, let month):
            let index = year * 12 + month - 1 + steps
            return .month(Self.floorDivide(index, 12), index - 12 * Self.floorDivide(index, 12) + 1)
        case .days(let first, let last):
            let length = last.daysSinceEpoch - first.daysSinceEpoch + 1
            return .days(first.adding(days: steps * length), last.adding(days: steps * length))
        }
    }

    /// The next coarser or finer kind around the same day: year → quarter → month → year.
    public func nextKind() -> FiguresPeriod {
        let first = bounds.first
        switch self {
        case .year: return .quarter(first.year, (first.month - 1) / 3 + 1)
        case .quarter: return .month(first.year, first.month)
        case .month, .days: return .year(first.year)
        }
    }

    /// `2026`, `2026-K3` (or `2026-Q3`), `2026-11`, or `2026-09-01..2026-11-30`; nil when it is none.
    public static func parse(_ text: String) -> FiguresPeriod? {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if text.contains("..") {
            let ends = text.components(separatedBy: "..")
            guard ends.count == 2, let first = CivilDate(iso: ends[0]), let last = CivilDate(iso: ends[1]), first <= last else { return nil }
            return .days(first, last)
        }
        guard let year = Int(parts[0]), (1900...2999).contains(year), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            return .year(year)
        case 2 where parts[1].hasPrefix("K") || parts[1].hasPrefix("Q"):
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
            return .quarter(year, quarter)
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            return .month(year, month)
        default:
            return nil
        }
    }

    /// The months the period touches, each with its first day and the first day after it (cut to
    /// the period): the buckets of the monthly chart. Named `jan` within one year, `01-26` across
    /// years.
    public var months: [(label: String, first: CivilDate, after: CivilDate)] {
        let (first, after) = bounds
        let oneYear = first.year == after.adding(days: -1).year
        var result: [(String, CivilDate, CivilDate)] = []
        var start = first
        while start < after {
            let next = min(Self.firstOfMonth(start.year, start.month + 1), after)
            let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
            result.append((oneYear ? Self.shortMonthNames[start.month - 1] : "\(twoDigits(start.month))-\(twoDigits(start.year % 100))",
                           start, next))
            start = next
        }
        return result
    }

    static func firstOfMonth(_ year: Int, _ month: Int) -> CivilDate {
        month > 12 ? CivilDate(year: year + 1, month: month - 12, day: 1)! : CivilDate(year: year, month: month, day: 1)!
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// Where figures are counted: the region, or one municipality.
public enum FiguresArea: Hashable, Sendable {
    case region
    case municipality(Municipality)

    public var label: String {
        switch self {
        case .region: return "regio Twente"
        case .municipality(let municipality): return municipality.name
        }
    }
}
