import Meldroute
import SchakelCore
import TerminalKit

/// One input of a route event's form, made from the workflow's field definition.
public enum FieldInput: Hashable, Sendable {
    case text(TextField)
    case date(DateInput)
    case dateTime(DateInput, TimeInput)
    case choice(SelectList)
    case choices(MultiSelectList)
    case boolean(Toggle)

    init(_ field: FieldDefinition, now: LocalDateTime) {
        let options = field.options.map { Option(id: $0.id, label: $0.label) }
        switch field.type {
        case .text: self = .text(TextField(maxLength: field.maxLength))
        // "When" fields start at today / now; a review date starts empty, to be chosen.
        case .date: self = .date(DateInput(field.notInFuture ? now.date.dutch : ""))
        case .dateTime: self = .dateTime(DateInput(now.date.dutch), TimeInput(LocalDateTime.clock(now)))
        // An optional choice without an empty option of its own starts at "geen keuze", so that
        // nothing is recorded unless chosen.
        case .choice:
            let needsNone = !field.isRequired && !options.contains { $0.id.isEmpty }
            self = .choice(SelectList(needsNone ? [Self.noChoice] + options : options))
        case .multipleChoice: self = .choices(MultiSelectList(options))
        case .boolean: self = .boolean(Toggle())
        }
    }

    /// The first option of an optional choice that has none of its own: none of the others.
    static let noChoice = Option(id: "", label: "geen keuze")

    /// The value entered, nil when left empty, or the reason it is not a value.
    func value() -> Result<FieldValue?, InputProblem> {
        switch self {
        case .text(let field):
            let text = field.text.trimmingCharacters(in: .whitespaces)
            return .success(text.isEmpty ? nil : .text(text))
        case .date(let input):
            if input.text.isEmpty { return .success(nil) }
            return input.parts.map { .date(CivilDate(year: $0.year, month: $0.month, day: $0.day)!) }
        case .dateTime(let dateInput, let timeInput):
            if dateInput.text.isEmpty && timeInput.text.isEmpty { return .success(nil) }
            switch (dateInput.parts, timeInput.parts) {
            case (.success(let day), .success(let clock)):
                let date = CivilDate(year: day.year, month: day.month, day: day.day)!
                return .success(.dateTime(LocalDateTime(date: date, hour: clock.hour, minute: clock.minute)))
            case (.failure(let problem), _), (_, .failure(let problem)):
                return .failure(problem)
            }
        case .choice(let list):
            return .success(list.selected.flatMap { $0 == Self.noChoice ? nil : .choice($0.id) })
        case .choices(let list):
            let ids = list.chosenOptions.map(\.id)
            return .success(ids.isEmpty ? nil : .choices(ids))
        case .boolean(let toggle):
            return .success(.boolean(toggle.isOn))
        }
    }

    /// Handles a key; false when the form should take it (to move on).
    mutating func handle(_ key: Key, part: Int) -> Bool {
        switch self {
        case .text(var field):
            defer { self = .text(field) }
            return field.handle(key)
        case .date(var input):
            defer { self = .date(input) }
            return input.handle(key)
        case .dateTime(var date, var time):
            defer { self = .dateTime(date, time) }
            return part == 0 ? date.handle(key) : time.handle(key)
        case .choice(var list):
            defer { self = .choice(list) }
            switch key {
            case .left: return list.handle(.up)
            case .right, .character(" "): return list.handle(.down)
            case .character(let character) where character.isLetter: return list.handle(key)
            default: return false
            }
        case .choices(var list):
            defer { self = .choices(list) }
            switch key {
            case .left: return list.handle(.up)
            case .right: return list.handle(.down)
            case .character(" "): return list.handle(key)
            default: return false
            }
        case .boolean(var toggle):
            defer { self = .boolean(toggle) }
            return toggle.handle(key)
        }
    }

    /// How many Tab stops the input has (date and time are two).
    var parts: Int {
        if case .dateTime = self { return 2 }
        return 1
    }
}

/// The fields a route event asks for, filled in before it is fired.
public struct EventForm: Hashable, Sendable {
    public let event: EventDefinition
    public var inputs: [FieldInput]
    /// Which field has the keyboard, and which part of it (date or time).
    public var field = 0
    public var part = 0
    public var problem: String?
    /// What stands over the fields: nothing, or the question before throwing them away.
    public internal(set) var onTop: OnTop?
    /// What the inputs held when the form opened, to know whether leaving loses anything.
    private var initialContent: [[String]] = []

    /// What can stand over a form's fields.
    public enum OnTop: Hashable, Sendable {
        /// Esc was pressed on a changed form: throwing it away waits for `j`.
        case discardQuestion
    }

    public init(_ event: EventDefinition, now: LocalDateTime) {
        self.event = event
        inputs = event.fields.map { FieldInput($0, now: now) }
        initialContent = content
    }

    /// Everything entered, as text (not the cursor or the focus).
    var content: [[String]] { inputs.map(\.draftText) }
    public var isChanged: Bool { content != initialContent }

    /// A form brought back from a draft counts as changed: leaving it asks first.
    mutating func markRestored() { initialContent = [] }

    /// What the inputs hold now counts as unchanged (a form filled in from a stored item).
    mutating func resetChanges() { initialContent = content }

    /// The values, or the first field whose text is not a value.
    public func values() -> Result<FieldValues, InputProblem> {
        var values: FieldValues = [:]
        for (definition, input) in zip(event.fields, inputs) {
            switch input.value() {
            case .success(let value?): values[definition.id] = value
            case .success(nil): break
            case .failure(let problem): return .failure(InputProblem("\(definition.label): \(problem.message)"))
            }
        }
        return .success(values)
    }

    /// Moves to the next or previous Tab stop.
    mutating func move(_ forward: Bool) {
        guard !inputs.isEmpty else { return }
        if forward {
            if part + 1 < inputs[field].parts { part += 1 } else { field = (field + 1) % inputs.count; part = 0 }
        } else {
            if part > 0 { part -= 1 } else { field = (field + inputs.count - 1) % inputs.count; part = inputs[field].parts - 1 }
        }
    }

    mutating func handle(_ key: Key) {
        guard !inputs.isEmpty else { return }
        switch key {
        case .tab, .down, .enter: move(true)
        case .backTab, .up: move(false)
        default: _ = inputs[field].handle(key, part: part)
        }
    }
}
