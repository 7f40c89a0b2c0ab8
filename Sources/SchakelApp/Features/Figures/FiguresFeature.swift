import SchakelCore
import TerminalKit

/// What happens in the Cijfers tab.
public enum FiguresAction: Hashable, Sendable {
    case shown
    case keyPressed(Key)
    case loaded(SignalFigures)
    case failed(String)
    case exported(path: String)
}

/// Work for the Cijfers tab's runner.
public enum FiguresEffect: Hashable, Sendable {
    case load(FiguresPeriod, FiguresArea)
    /// The report in a format; `annual`: as the jaarverslag (a year only).
    case export(FiguresReport.Format, annual: Bool)
}

/// Tab 5, Cijfers: aard en omvang, counted by the store, small numbers kept back.
public enum FiguresFeature: PaneFeature {
    public typealias State = FiguresState
    public typealias Action = FiguresAction
    public typealias Effect = FiguresEffect
    public static let title = "Cijfers"

    public static var state: WritableKeyPath<AppState, State> { \.figures }
    public static func embed(_ action: FiguresAction) -> AppAction { .figures(action) }
    public static func extract(_ action: AppAction) -> FiguresAction? {
        if case .figures(let action) = action { return action }
        return nil
    }

    public static func action(for moment: AppMoment) -> FiguresAction? {
        switch moment {
        case .shown: return .shown
        case .keyPressed(let key): return .keyPressed(key)
        default: return nil
        }
    }

    public static func reduce(_ state: inout FiguresState, _ action: FiguresAction, _ shell: inout Shell) -> [FiguresEffect] {
        FiguresReducer.reduce(&state, action, &shell)
    }

    public static func request(in effect: FiguresEffect) -> AppRequest? { nil }

    public static func capability(of store: any SessionStore) -> any FiguresStore { store }

    public static func run(_ effect: FiguresEffect, state: FiguresState, with store: any FiguresStore, clock: any Clock,
                           context: AppContext) -> FiguresAction? {
        switch effect {
        case .load(let period, let area):
            do {
                return .loaded(try store.signalFigures(period, in: area, outcomes: RouteOutcomes(context.workflow),
                                                       timing: RouteTiming(context.workflow, calendar: context.calendar), for: context.user))
            } catch {
                return .failed("Cijfers laden mislukt. \(SignalsRunner.message(for: error))")
            }
        case .export(let format, let annual):
            guard let figures = state.figures else { return nil }
            do {
                var layout = FiguresReportLayout.standard
                if annual {
                    guard let vocabulary = context.activityVocabulary else {
                        return .failed("De soorten activiteit zijn niet geladen; het jaarverslag kan nu niet worden gemaakt.")
                    }
                    let campaigns = try store.activities(today: context.today, for: context.user, .asked)
                        .campaigns(in: figures.period.year, area: figures.area, vocabulary: vocabulary)
                    layout = .annualReport(AnnualReportFacts(vocabulary: vocabulary, campaigns: campaigns))
                }
                let report = FiguresReport(figures: figures, estimate: context.victimEstimate, madeOn: context.today, layout: layout)
                let path = try store.writeExport(report.text(format), named: report.fileName(format), by: context.user)
                try store.recordFiguresExport(figures.period, in: figures.area, format: format.rawValue, for: context.user)
                return .exported(path: path)
            } catch {
                return .failed(SignalsRunner.message(for: error))
            }
        }
    }

    public static func draw(_ state: FiguresState, shell: Shell, in pane: Rect, on grid: inout Grid) {
        FiguresView.draw(state, context: shell.context, in: pane, on: &grid)
    }

    public static func hints(_ state: FiguresState) -> String {
        "←→ periode  p jaar/kwartaal/maand  g gebied  Tab volgende  ↑↓ rijen  e exporteer"
    }
    public static func hasOverlay(_ state: FiguresState) -> Bool { state.onTop != nil }
    public static func prompt(_ state: FiguresState) -> String? {
        guard state.onTop == .choosingExport else { return nil }
        // The jaarverslag is a year's.
        if case .year? = state.period {
            return " Exporteer: m Markdown · c CSV · h HTML (A4) · j jaarverslag (A4) · Esc terug"
        }
        return " Exporteer het rapport: m Markdown · c CSV (Excel) · h HTML (A4) · andere toets: terug"
    }

    public static func closedNote(for user: User) -> String? {
        AccessPolicy.figureAreas(for: user).isEmpty ? noAccess(user, to: "cijfers") : nil
    }
}
