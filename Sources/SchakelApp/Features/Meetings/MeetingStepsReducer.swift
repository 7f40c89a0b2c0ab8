import Meldroute
import SchakelCore
import TerminalKit

/// Choosing and recording the meeting's next step in the `overleg` workflow (z in a meeting).
enum MeetingStepsReducer {
    static func steps(for meeting: Meeting, workflow: WorkflowDefinition) -> MeetingSteps {
        let instance = WorkflowInstance(state: meeting.status, facts: CaseFacts(), receivedAt: meeting.startsAt)
        return MeetingSteps(options: WorkflowEngine(workflow).options(for: instance))
    }

    static func key(_ key: Key, _ steps: MeetingSteps, _ open: inout OpenMeeting) -> [MeetingsEffect] {
        guard !steps.isSaving else { return [] }
        var steps = steps
        var effects: [MeetingsEffect] = []
        if var form = steps.form {
            switch key {
            case .escape:
                steps.form = nil
                steps.problem = nil
            case .function(2), .control("o"):
                switch form.values() {
                case .failure(let problem):
                    steps.problem = problem.message
                case .success(let values):
                    steps.isSaving = true
                    effects = [record(form.event.id, values, open)]
                }
            default:
                form.handle(key)
                steps.form = form
            }
            open.onTop = .steps(steps)
            return effects
        }
        switch key {
        case .escape, .left:
            open.onTop = nil
            return []
        case .enter:
            let option = steps.options[steps.highlighted]
            if let reason = option.unavailable {
                steps.problem = reason.message
            } else if option.event.fields.isEmpty {
                steps.isSaving = true
                effects = [record(option.event.id, [:], open)]
            } else {
                steps.form = EventForm(option.event, now: LocalDateTime(date: open.meeting.startsAt.date, hour: 0, minute: 0))
                steps.problem = nil
            }
        default:
            steps.highlighted = ShortList.moved(steps.highlighted, by: key, count: steps.options.count)
        }
        open.onTop = .steps(steps)
        return effects
    }

    private static func record(_ event: String, _ fields: FieldValues, _ open: OpenMeeting) -> MeetingsEffect {
        .recordMeetingEvent(event, fields, meetingID: open.meeting.id, expectedVersion: open.meeting.version)
    }
}
