import Meldroute

/// One count in a breakdown: `Enschede 23`.
public struct FigureRow: Hashable, Sendable {
    public let label: String
    public let count: Int

    public init(_ label: String, _ count: Int) {
        self.label = label
        self.count = count
    }
}

/// One figure: a breakdown of what was counted (by month, by municipality, by form…).
public struct FigureBreakdown: Hashable, Sendable {
    public let id: String
    public let title: String
    public let rows: [FigureRow]
    /// What the rows are counted out of (the signals, say); for a breakdown where one signal may
    /// count in several rows (forms), it is not their sum.
    public let total: Int

    public init(id: String, title: String, rows: [FigureRow], total: Int) {
        self.id = id
        self.title = title
        self.rows = rows
        self.total = total
    }

    /// The breakdown of the signals by where they are in the route now.
    public static let routeStateID = "stand"

    /// Whether every counted thing is in exactly one row.
    public var isPartition: Bool { rows.reduce(0) { $0 + $1.count } == total }
}

public struct PublishedRow: Hashable, Sendable {
    public let label: String
    public let count: PublishedCount

    public init(label: String, count: PublishedCount) {
        self.label = label
        self.count = count
    }
}

/// A breakdown as it may leave the tab: on screen, in the report, in a CSV.
public struct PublishedBreakdown: Hashable, Sendable {
    public let id: String
    public let title: String
    public let rows: [PublishedRow]
    public let total: PublishedCount
    public let threshold: Int

    public init(id: String, title: String, rows: [PublishedRow], total: PublishedCount, threshold: Int) {
        self.id = id
        self.title = title
        self.rows = rows
        self.total = total
        self.threshold = threshold
    }
}

/// What was counted over one period and area (or one month of one municipality), before anything
/// is kept back.
public struct FigureCounts: Hashable, Sendable {
    public let signals: Int
    public let breakdowns: [FigureBreakdown]

    public init(signals: Int, breakdowns: [FigureBreakdown]) {
        self.signals = signals
        self.breakdowns = breakdowns
    }
}

/// The figures over one period and area: the signals and what became of them, as counted, and
/// what may be published of them (every count through `JointSuppression`).
public struct SignalFigures: Hashable, Sendable {
    public let period: FiguresPeriod
    public let area: FiguresArea
    public let signals: Int
    public internal(set) var breakdowns: [FigureBreakdown]
    /// How long the route took: to the contact, to the decision.
    public let durations: [RouteDuration]
    /// The signals' count and the breakdowns as they may leave the tab, and below which counts are kept back.
    public private(set) var publishedSignals: PublishedCount
    public internal(set) var published: [PublishedBreakdown]
    public private(set) var threshold: Int

    /// Figures that stand alone, each list protected with its total (the store publishes its
    /// figures with the rest of their year instead: `FigurePublisher`).
    public init(period: FiguresPeriod, area: FiguresArea, signals: Int, breakdowns: [FigureBreakdown], durations: [RouteDuration] = [],
                threshold: Int = JointSuppression.defaultThreshold) {
        self.init(period: period, area: area, signals: signals, breakdowns: breakdowns, durations: durations, publishing: true, threshold: threshold)
    }

    init(period: FiguresPeriod, area: FiguresArea, signals: Int, breakdowns: [FigureBreakdown], durations: [RouteDuration], publishing: Bool,
         threshold: Int = JointSuppression.defaultThreshold) {
        self.period = period
        self.area = area
        self.signals = signals
        self.breakdowns = breakdowns
        self.durations = durations
        publishedSignals = .withheld
        published = []
        self.threshold = threshold
        guard publishing else { return }
        let alone = FigurePublisher(alone: FigureCounts(signals: signals, breakdowns: breakdowns), threshold: threshold).publishing(self)
        publishedSignals = alone.publishedSignals
        published = alone.published
    }

    func published(signals: PublishedCount, breakdowns: [PublishedBreakdown], threshold: Int) -> SignalFigures {
        var figures = self
        figures.publishedSignals = signals
        figures.published = breakdowns
        figures.threshold = threshold
        return figures
    }

    public func breakdown(_ id: String) -> FigureBreakdown? { breakdowns.first { $0.id == id } }
    public func publishedBreakdown(_ id: String) -> PublishedBreakdown? { published.first { $0.id == id } }

    /// The route's states named and ordered as the workflow has them (the store knows only their
    /// ids), every state listed, zero where no signal is in it.
    public func namingRouteStates(_ workflow: WorkflowDefinition) -> SignalFigures {
        let known = Set(workflow.states.map(\.id))
        func named<Row>(_ rows: [Row], label: (Row) -> String, zero: (String) -> Row, relabel: (Row, String) -> Row) -> [Row] {
            let byID = Dictionary(rows.map { (label($0), $0) }, uniquingKeysWith: { first, _ in first })
            return workflow.states.map { state in byID[state.id].map { relabel($0, state.label) } ?? zero(state.label) }
                + rows.filter { !known.contains(label($0)) }.sorted { label($0) < label($1) }
        }
        var figures = self
        figures.breakdowns = breakdowns.map { breakdown in
            guard breakdown.id == FigureBreakdown.routeStateID else { return breakdown }
            return FigureBreakdown(id: breakdown.id, title: breakdown.title,
                                   rows: named(breakdown.rows, label: \.label, zero: { FigureRow($0, 0) }, relabel: { FigureRow($1, $0.count) }),
                                   total: breakdown.total)
        }
        figures.published = published.map { breakdown in
            guard breakdown.id == FigureBreakdown.routeStateID else { return breakdown }
            return PublishedBreakdown(id: breakdown.id, title: breakdown.title,
                                      rows: named(breakdown.rows, label: \.label, zero: { PublishedRow(label: $0, count: .shown(0)) },
                                                  relabel: { PublishedRow(label: $1, count: $0.count) }),
                                      total: breakdown.total, threshold: breakdown.threshold)
        }
        return figures
    }
}

/// What the tab and the report ask of the store.
public protocol FigureCounting: Sendable {
    /// The figures over `period` in `area`, for who may see them (audited; refused otherwise);
    /// with `outcomes`, also what was decided on the signals received then.
    func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, outcomes: RouteOutcomes?, timing: RouteTiming?, for user: User)
        throws(StoreFailure) -> SignalFigures
    /// Records that the figures left Schakel as a report (audited; who may see them may export them).
    func recordFiguresExport(_ period: FiguresPeriod, in area: FiguresArea, format: String, for user: User) throws(StoreFailure)
    /// Counts below this are never published (a beheerder's setting; default 5).
    func figuresThreshold() throws(StoreFailure) -> Int
}

extension FigureCounting {
    public func signalFigures(_ period: FiguresPeriod, in area: FiguresArea, for user: User) throws(StoreFailure) -> SignalFigures {
        try signalFigures(period, in: area, outcomes: nil, timing: nil, for: user)
    }
}

/// Where the route records its decision: the event the workflow files as a decision, and its
/// multiple-choice field of next steps with their labels. Read from the workflow, so that the
/// store counts what the workflow names, whatever it names it.
public struct RouteOutcomes: Hashable, Sendable {
    public let event: String
    /// The next steps chosen (several may be).
    public let field: String
    public let options: [(id: String, label: String)]
    /// Why no step was chosen, as one choice, where the workflow asks it so.
    public let reasonField: String?
    public let reasons: [(id: String, label: String)]

    public static func == (a: RouteOutcomes, b: RouteOutcomes) -> Bool {
        a.event == b.event && a.field == b.field && a.options.map(\.id) == b.options.map(\.id) && a.options.map(\.label) == b.options.map(\.label)
            && a.reasonField == b.reasonField && a.reasons.map(\.id) == b.reasons.map(\.id) && a.reasons.map(\.label) == b.reasons.map(\.label)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(event)
        hasher.combine(field)
        hasher.combine(options.map(\.id))
        hasher.combine(reasonField)
    }

    /// The first decision event of the workflow with a multiple-choice field, if it has one, and
    /// that event's first single-choice field as the reason.
    public init?(_ workflow: WorkflowDefinition) {
        for event in workflow.events where event.timelineKind == .decision {
            if let field = event.fields.first(where: { $0.type == .multipleChoice }) {
                self.event = event.id
                self.field = field.id
                options = field.options.map { ($0.id, $0.label) }
                let reason = event.fields.first { $0.type == .choice }
                reasonField = reason?.id
                reasons = reason?.options.map { ($0.id, $0.label) } ?? []
                return
            }
        }
        return nil
    }

    /// The breakdown of the signals decided without a next step, by reason.
    public static let reasonBreakdownID = "reden"
}

/// What the Cijfers tab asks of the store: the figures, and the export folder for its report.
public typealias FiguresStore = FigureCounting & ExportFiling & ActivityKeeping

/// The seeds' estimate the signals are laid beside, from `Resources/cijfers/schatting.yaml`.
public struct VictimEstimate: Hashable, Sendable {
    public let victimsPerYear: Int
    public let reportedVictimsPerYear: Int
    public let source: String

    public init(victimsPerYear: Int, reportedVictimsPerYear: Int, source: String) {
        self.victimsPerYear = victimsPerYear
        self.reportedVictimsPerYear = reportedVictimsPerYear
        self.source = source
    }
}
