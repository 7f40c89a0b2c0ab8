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
    var inputWidth: Int { max(10, body.width - Self.labelWidth - 2) }

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
