import SchakelCore
import TerminalKit

/// Minutes in progress kept as drafts: on a pause and when the session ends, brought back on `v`,
/// and the items that have one named when the meeting opens.
enum MinutesDrafts {
    /// On a pause: the minutes, when typed in since they were last kept.
    static func saveIfChanged(_ open: inout OpenMeeting?) -> [MeetingsEffect] {
        guard var minutes = open?.minutes, minutes.isDraftDirty else { return [] }
        minutes.isDraftDirty = false
        open?.onTop = .minutes(minutes)
        return [save(minutes)]
    }

    /// When the session ends: the minutes, when they hold anything new.
    static func saveEvery(_ open: OpenMeeting?) -> [MeetingsEffect] {
        guard let minutes = open?.minutes, minutes.form.isChanged else { return [] }
        return [save(minutes)]
    }

    static func save(_ minutes: MinutesForm) -> MeetingsEffect { .draft(.save(minutes.draftKey, payload: minutes.draft.json)) }

    static func result(_ result: DraftResult, _ open: inout OpenMeeting?, _ shell: inout Shell) -> [MeetingsEffect] {
        guard var meeting = open else { return [] }
        switch result {
        case .found(let key, let payload?) where key.kind == DraftKey.minutesKind:
            // Only into the same item's form, and only while nothing was typed in it yet.
            guard var minutes = meeting.minutes, minutes.draftKey == key, !minutes.form.isChanged,
                  let draft = FormDraft.from(json: payload) else { return [] }
            minutes.restore(draft, today: shell.context.today)
            meeting.onTop = .minutes(minutes)
            shell.status = StatusMessage("Wat u eerder voor dit verslag invulde, is hersteld.")
        case .foundAll(DraftKey.minutesKind, let payloads):
            guard let items = meeting.items else { return [] }
            let kept = Set(payloads.compactMap { FormDraft.from(json: $0)?.code })
            let left = items.filter { kept.contains(DraftKey.minutes(itemID: $0.id).subject) }
            meeting.itemsWithDraft = Set(left.map(\.id))
            if !left.isEmpty {
                let points = left.map { String($0.position) }.joined(separator: ", ")
                shell.status = StatusMessage("Niet-opgeslagen verslag bewaard bij punt \(points): kies het punt en druk v.")
            }
        case .notSaved(let message):
            shell.status = StatusMessage(message, isError: true)
        default:
            return []
        }
        open = meeting
        return []
    }
}
