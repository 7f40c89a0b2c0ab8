/// An event the officer could record now, or the reason it is not possible.
public struct EventOption: Hashable, Sendable {
    public let event: EventDefinition
    /// Nil when the event is possible now (its field-dependent guards are judged on firing).
    public let unavailable: Rejection?

    public var isAvailable: Bool { unavailable == nil }
}

/// The result of an accepted event: where the instance goes, what the store must run, and the
/// line for the timeline.
public struct FiredTransition: Hashable, Sendable {
    public let event: EventDefinition
    public let from: String
    public let to: String
    public let fields: FieldValues
    public let effects: [String]
    public let timelineText: String
    /// Obligations this event records.
    public let fulfilledObligations: [String]
    /// The instance after the event.
    public let instance: WorkflowInstance
}

/// A deadline running for an instance.
public struct DueDeadline: Hashable, Sendable {
    public let id: String
    public let label: String
    public let due: CivilDate
}

/// The rules of one workflow, consulted by screens and store: pure and synchronous.
public struct WorkflowEngine: Sendable {
    public let workflow: WorkflowDefinition

    public init(_ workflow: WorkflowDefinition) { self.workflow = workflow }

    /// Every event of the workflow in file order, each available or with the reason it is not.
    public func options(for instance: WorkflowInstance) -> [EventOption] {
        workflow.events.map { event in
            EventOption(event: event, unavailable: rejectionBeforeFields(event, instance))
        }
    }

    /// Obligations that apply to the instance and are not recorded yet, e.g. the VTT report.
    public func outstandingObligations(for instance: WorkflowInstance) -> [ObligationDefinition] {
        workflow.obligations.filter { obligation in
            !instance.hasRecorded(obligation.recordedBy) && holds(obligation.condition, instance)
        }
    }

    /// Records `eventID` with `fields` at `now`, or says why not.
    public func fire(_ eventID: String, fields: FieldValues, on instance: WorkflowInstance,
                     now: LocalDateTime) -> Result<FiredTransition, Rejection> {
        guard let event = workflow.event(eventID) else { return .failure(.unknownEvent(eventID)) }
        if let rejection = rejectionBeforeFields(event, instance, judgingFieldGuards: false) { return .failure(rejection) }
        let problems = FieldChecker.problems(in: fields, for: event, now: now)
        if !problems.isEmpty { return .failure(.invalidFields(problems)) }
        var failures: [GuardFailure] = []
        for row in workflow.transitions(from: instance.state, on: eventID) {
            let rowFailures = row.guards.compactMap { name -> GuardFailure? in
                let input = GuardInput(instance: instance, event: event, fields: fields)
                return Guard.named(name)?.failure(input).map { GuardFailure(guardName: name, reason: $0) }
            }
            if rowFailures.isEmpty { return .success(transition(row, event, fields, instance)) }
            failures += rowFailures.filter { !failures.contains($0) }
        }
        return .failure(.guardFailed(failures))
    }

    /// The deadlines running for the instance in its current state.
    public func deadlines(for instance: WorkflowInstance, calendar: WorkingDayCalendar) -> [DueDeadline] {
        workflow.deadlines.compactMap { deadline in
            guard deadline.runningIn.contains(instance.state) else { return nil }
            if let condition = deadline.condition, !holds(condition, instance) { return nil }
            let start: CivilDate
            switch deadline.anchor {
            case .received:
                start = instance.receivedAt.date
            case .field(let event, let field):
                switch instance.recorded[event]?[field] {
                case .date(let date): start = date
                case .dateTime(let moment): start = moment.date
                default: return nil
                }
            }
            let due = deadline.workingDays == 0
                ? calendar.workingDay(onOrAfter: start)
                : calendar.addWorkingDays(deadline.workingDays, to: start)
            return DueDeadline(id: deadline.id, label: deadline.label, due: due)
        }
    }

    // MARK: - Rules

    /// The checks that need no entered values: the state, the obligations and, for the menu, the
    /// guards about facts.
    private func rejectionBeforeFields(_ event: EventDefinition, _ instance: WorkflowInstance,
                                       judgingFieldGuards: Bool = true) -> Rejection? {
        let rows = workflow.transitions(from: instance.state, on: event.id)
        if rows.isEmpty {
            return .notAllowedInState(event: event.id, eventLabel: event.label, state: instance.state,
                                      stateLabel: workflow.label(ofState: instance.state))
        }
        if let obligation = outstandingObligations(for: instance).first(where: { $0.recordedBy != event.id }) {
            return .obligationOutstanding(obligation)
        }
        guard judgingFieldGuards else { return nil }
        var failures: [GuardFailure] = []
        for row in rows {
            let factFailures = row.guards.compactMap { name -> GuardFailure? in
                guard let rule = Guard.named(name), rule.readsFields.isEmpty else { return nil }
                return rule.failure(GuardInput(instance: instance, event: event, fields: nil))
                    .map { GuardFailure(guardName: name, reason: $0) }
            }
            if factFailures.isEmpty { return nil }
            failures += factFailures.filter { !failures.contains($0) }
        }
        return .guardFailed(failures)
    }

    private func holds(_ guardName: String, _ instance: WorkflowInstance) -> Bool {
        guard let rule = Guard.named(guardName) else { return false }
        let probe = EventDefinition(id: "", label: "")
        return rule.failure(GuardInput(instance: instance, event: probe, fields: nil)) == nil
    }

    private func transition(_ row: TransitionDefinition, _ event: EventDefinition, _ fields: FieldValues,
                            _ instance: WorkflowInstance) -> FiredTransition {
        var next = instance
        next.state = row.to
        next.recorded[event.id] = fields
        for name in row.effects { Effect.named(name)?.changesFacts?(&next.facts) }
        let fulfilled = workflow.obligations.filter { $0.recordedBy == event.id }.map(\.id)
        return FiredTransition(
            event: event, from: row.from, to: row.to, fields: fields, effects: row.effects,
            timelineText: TimelineText.render(row, event: event, fields: fields, workflow: workflow),
            fulfilledObligations: fulfilled, instance: next)
    }
}
