import Meldroute
import TerminalKit

/// Where a step form's fields go: a label column, the inputs beside it, and the rows each field
/// takes. A choice whose options do not fit beside the label on one row wraps onto further rows;
/// when even one option is too wide for the input column, the options flow on the rows under the
/// label, across the pane. Every option stays on screen.
struct FieldFormLayout: Hashable {
    struct Placement: Hashable {
        /// The field's first row (its label), from the form's first row.
        let row: Int
        /// Where the input starts: beside the label, or (for a wide choice) on the row below it.
        let inputRow: Int
        let inputX: Int
        let inputWidth: Int
        /// For a choice: its options laid out.
        let flow: OptionFlow?
        var rows: Range<Int> { row..<(inputRow + (flow?.rowCount ?? 1)) }
    }

    let labelWidth: Int
    let placements: [Placement]
    let totalRows: Int

    /// Indent of options flowing under their label.
    static let wideIndent = 4

    init(_ form: EventForm, width: Int) {
        let labels = form.event.fields.map(Self.label)
        labelWidth = min(width / 2, max(16, (labels.map { DisplayWidth.of($0) }.max() ?? 10) + 3))
        let inputX = labelWidth + 1
        let inputWidth = max(10, width - inputX - 1)
        var placements: [Placement] = []
        var row = 0
        for input in form.inputs {
            var placement = Placement(row: row, inputRow: row, inputX: inputX, inputWidth: inputWidth, flow: nil)
            if let items = input.optionItems {
                if OptionFlow.fitsWithoutCutting(items, width: inputWidth) {
                    placement = Placement(row: row, inputRow: row, inputX: inputX, inputWidth: inputWidth,
                                          flow: OptionFlow(items, width: inputWidth))
                } else {
                    let wideWidth = max(10, width - Self.wideIndent - 1)
                    placement = Placement(row: row, inputRow: row + 1, inputX: Self.wideIndent, inputWidth: wideWidth,
                                          flow: OptionFlow(items, width: wideWidth))
                }
            }
            placements.append(placement)
            row = placement.rows.upperBound
        }
        self.placements = placements
        totalRows = row
    }

    static func label(_ definition: FieldDefinition) -> String {
        definition.label + (definition.isRequired ? "" : " (mag leeg)")
    }

    /// The first form row shown in `height` rows, so that the focused field is wholly in view.
    func firstRow(showing field: Int, height: Int) -> Int {
        guard totalRows > height, placements.indices.contains(field) else { return 0 }
        let rows = placements[field].rows
        // Scrolled just far enough to show the field's last row, but never past its label.
        return max(0, min(rows.upperBound - height, rows.lowerBound, totalRows - height))
    }
}

extension FieldInput {
    /// A choice's options as drawn (box and label), in order; nil for other inputs.
    var optionItems: [String]? {
        switch self {
        case .choice(let list):
            return list.options.enumerated().map { index, option in (index == list.highlighted ? "(•) " : "( ) ") + option.label }
        case .choices(let list):
            return list.options.map { (list.chosen.contains($0.id) ? "[x] " : "[ ] ") + $0.label }
        default:
            return nil
        }
    }

    /// The option under the cursor of a choice.
    var optionCursor: Int? {
        switch self {
        case .choice(let list): return list.highlighted
        case .choices(let list): return list.highlighted
        default: return nil
        }
    }
}
