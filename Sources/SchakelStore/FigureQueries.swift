import Foundation
import GRDB
import Meldroute
import SchakelCore

/// The figures of tab 5 and the annual report. A whole year is counted at once, month by month and
/// municipality by municipality, each kind of count in one SQL pass over the year's index range
/// (never by loading rows). The period and area asked for are the sum of their months and
/// municipalities, and what may be published of them is read from the year's grid, protected as
/// one (`FigurePublisher`).
extension Store: FigureCounting {
    public func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?,
                              for user: User) throws(StoreFailure) -> SignalFigures {
        guard AccessPolicy.figureAreas(for: user).contains(area) else {
            try audit(AuditRecord(.read, "figures", area.label, result: .denied, detail: period.label), by: user)
            throw .noAccess
        }
        let threshold = try figuresThreshold()
        let today = AmsterdamTime.localTime(of: now()).date
        let year = try read { db in try YearCount(year: period.year, db: db, outcomes: outcomes, timing: timing).leaves() }
        let byMunicipality = area == .region && AccessPolicy.seesFiguresByMunicipality(user)
        let asked = year.figures(period, area, byMunicipality: byMunicipality, outcomes: outcomes, timing: timing, today: today)
        let (activities, consults) = try read { db in
            (try ActivityYearCount(year: period.year, db: db).leaves(), try ConsultYearCount(year: period.year, db: db).leaves())
        }
        var figures = publisher(of: year, outcomes: outcomes, timing: timing, today: today, threshold: threshold).publishing(asked)
        // The consults and the activities, where they are in use that year (a database without them says nothing of them).
        if consults.isInUse {
            figures = figures.adding(publisher(of: consults, threshold: threshold)
                .publishing(consults.figures(period, area, byMunicipality: byMunicipality)))
        }
        if activities.isInUse {
            figures = figures.adding(publisher(of: activities, threshold: threshold)
                .publishing(activities.figures(period, area, byMunicipality: byMunicipality)))
        }
        // Handed over only once their audit line is written.
        try audit(AuditRecord(.read, "figures", area.label, detail: "\(period.label): \(figures.signals) signalen"), by: user)
        return figures
    }

    /// The year's grid protected, or the one protected last when it was protected from the same counts.
    func publisher(of year: YearLeaves, outcomes: RouteOutcomes?, timing: RouteTiming?, today: CivilDate, threshold: Int) -> FigurePublisher {
        let key = FigurePublisherKey(year: year, outcomes: outcomes, timing: timing, today: today, threshold: threshold)
        if let last = lastPublisher.withLock({ $0 }), last.key == key { return last.publisher }
        let months = (0..<12).map { month in
            YearLeaves.municipalities.indices.map { municipality in
                year.counts(months: [month], municipalities: [municipality], byMunicipality: false, outcomes: outcomes, timing: timing,
                            today: today).counts
            }
        }
        let publisher = FigurePublisher(months: months, threshold: threshold)
        lastPublisher.withLock { $0 = (key, publisher) }
        return publisher
    }
}

extension Store {
    /// The activities' year protected, or the one protected last from the same counts.
    func publisher(of activities: ActivityLeaves, threshold: Int) -> FigurePublisher {
        if let last = lastActivityPublisher.withLock({ $0 }), last.leaves == activities, last.threshold == threshold { return last.publisher }
        let publisher = activities.publisher(threshold: threshold)
        lastActivityPublisher.withLock { $0 = (activities, threshold, publisher) }
        return publisher
    }

    /// The consults' year protected, or the one protected last from the same counts.
    func publisher(of consults: ConsultLeaves, threshold: Int) -> FigurePublisher {
        if let last = lastConsultPublisher.withLock({ $0 }), last.leaves == consults, last.threshold == threshold { return last.publisher }
        let publisher = consults.publisher(threshold: threshold)
        lastConsultPublisher.withLock { $0 = (consults, threshold, publisher) }
        return publisher
    }
}

/// What a year's protected figures were made from: equal keys, equal grids.
struct FigurePublisherKey: Hashable, Sendable {
    let year: YearLeaves
    let outcomes: RouteOutcomes?
    let timing: RouteTiming?
    let today: CivilDate
    let threshold: Int
}

extension Store {
    static let figuresThresholdSetting = "figures_threshold"
    public static let allowedFiguresThresholds = 2...20

    public func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure) {
        guard AccessPolicy.figureAreas(for: user).contains(area) else {
            try audit(AuditRecord(.export, "figures", area.label, result: .denied, detail: "\(period.label), \(format)"), by: user)
            throw .noAccess
        }
        try audit(AuditRecord(.export, "figures", area.label, detail: "\(period.label), \(format)"), by: user)
    }

    public func figuresThreshold() throws(StoreFailure) -> Int {
        try setting(Self.figuresThresholdSetting).flatMap(Int.init) ?? JointSuppression.defaultThreshold
    }

    /// Sets the threshold; audited. Who may is the caller's check.
    public func setFiguresThreshold(_ threshold: Int, by user: User) throws(StoreFailure) {
        guard Self.allowedFiguresThresholds.contains(threshold) else {
            throw .refused("Kies een drempel van \(Self.allowedFiguresThresholds.lowerBound) tot \(Self.allowedFiguresThresholds.upperBound).")
        }
        try setNumber(threshold, for: Self.figuresThresholdSetting, by: user)
    }
}
