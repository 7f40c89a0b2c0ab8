import TerminalKit

extension FieldInput {
    /// What the input holds, as text: what a draft keeps and what a change is measured by.
    var draftText: [String] {
        switch self {
        case .text(let field): return [field.text]
        case .date(let input): return [input.text]
        case .dateTime(let date, let time): return [date.text, time.text]
        case .choice(let list): return [list.selected?.id ?? ""]
        case .choices(let list): return list.chosenOptions.map(\.id)
        case .boolean(let toggle): return [toggle.isOn ? "ja" : "nee"]
        }
    }

    /// Puts back what `parts` says the input held.
    mutating func restore(_ parts: [String]) {
        let first = parts.first ?? ""
        switch self {
        case .text(var field):
            field.set(first)
            self = .text(field)
        case .date: self = .date(DateInput(first))
        case .dateTime: self = .dateTime(DateInput(first), TimeInput(parts.count > 1 ? parts[1] : ""))
        case .choice(let list): self = .choice(SelectList(list.options, selected: first))
        case .choices(let list): self = .choices(MultiSelectList(list.options, chosen: Set(parts)))
        case .boolean: self = .boolean(Toggle(first == "ja"))
        }
    }
}
