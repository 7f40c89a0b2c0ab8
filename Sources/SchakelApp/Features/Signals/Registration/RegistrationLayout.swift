import SchakelCore
import TerminalKit

/// Where the registration form's fields go in the pane: one row each, more for the description
/// and the persons. Shared by the view and the reducer (the text area needs its size).
struct RegistrationLayout: Hashable {
    static let labelWidth = 24

    /// The rows each field takes, top to bottom, from the form's first row.
    let rowsByField: [RegistrationForm.Field: Range<Int>]
    let totalRows: Int
    /// The pane below the form's title line.
    let body: Rect
    var inputWidth: Int { Self.inputWidth(body) }

    private static func inputWidth(_ body: Rect) -> Int { max(10, body.width - labelWidth - 2) }

    static let formOptions = ExploitationForm.allCases.map { Option(id: $0.code, label: $0.formLabel) }

    /// The forms of exploitation as drawn, box and label. The flow starts one column left of the
    /// input column, so that the cursor's marker stands where the label column's gap is.
    static func formItems(_ list: MultiSelectList) -> [String] {
        list.options.map { (list.chosen.contains($0.id) ? "[x] " : "[ ] ") + $0.label }
    }

    init(pane: Rect, personCount: Int) {
        body = Rect(x: pane.x, y: pane.y + 1, width: pane.width, height: max(1, pane.height - 1))
        let descriptionRows = body.height >= 30 ? 8 : 4
        var rows: [RegistrationForm.Field: Range<Int>] = [:]
        var next = 0
        for field in RegistrationForm.Field.allCases {
            let height: Int
            switch field {
            case .description: height = descriptionRows
            case .persons: height = max(1, personCount)
            // The forms of exploitation wrap when the pane is narrow.
            case .forms: height = OptionFlow(Self.formItems(MultiSelectList(Self.formOptions)), width: Self.inputWidth(body) + 1).rowCount
            default: height = 1
            }
            rows[field] = next..<(next + height)
            next += height
        }
        rowsByField = rows
        totalRows = next
    }

    var descriptionHeight: Int { rowsByField[.description]?.count ?? 4 }

    /// The first form row shown, so that the focused field is in view.
    func firstRow(showing field: RegistrationForm.Field) -> Int {
        guard let rows = rowsByField[field], totalRows > body.height else { return 0 }
        if rows.upperBound > body.height { return min(rows.upperBound - body.height, totalRows - body.height) }
        return 0
    }
}
