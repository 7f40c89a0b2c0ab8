import Meldroute

/// The period figures are counted over: a year, a quarter or a month — the periods a year's figures
/// are protected over together (`FigurePublisher`); no free span of days, which could be set one
/// day apart and subtracted. Days are Dutch calendar days (Europe/Amsterdam).
public enum FiguresPeriod: Hashable, Sendable {
    case year(Int)
    case quarter(Int, Int)
    case month(Int, Int)

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
        }
    }

    /// The calendar year the period is in.
    public var year: Int { bounds.first.year }

    /// `2026`, `2026 K3`, `november 2026`.
    public var label: String {
        switch self {
        case .year(let year): return String(year)
        case .quarter(let year, let quarter): return "\(year) K\(quarter)"
        case .month(let year, let month): return "\(Self.monthNames[month - 1]) \(year)"
        }
    }

    /// The period before (`-1`) or after (`1`) of the same kind.
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
        }
    }

    /// The next coarser or finer kind around the same day: year → quarter → month → year.
    public func nextKind() -> FiguresPeriod {
        let first = bounds.first
        switch self {
        case .year: return .quarter(first.year, (first.month - 1) / 3 + 1)
        case .quarter: return .month(first.year, first.month)
        case .month: return .year(first.year)
        }
    }

    /// `2026`, `2026-K3` (or `2026-Q3`) or `2026-11`; nil when it is none.
    public static func parse(_ text: String) -> FiguresPeriod? {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
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

    /// The months of the period, each with its first day and the first day after it: the buckets
    /// of the monthly chart, named `jan`, `feb`…
    public var months: [(label: String, first: CivilDate, after: CivilDate)] {
        let (first, after) = bounds
        var result: [(String, CivilDate, CivilDate)] = []
        var start = first
        while start < after {
            let next = Self.firstOfMonth(start.year, start.month + 1)
            result.append((Self.shortMonthNames[start.month - 1], start, next))
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
