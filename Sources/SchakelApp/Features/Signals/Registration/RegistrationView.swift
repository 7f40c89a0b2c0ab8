import SchakelCore
import TerminalKit

/// The registration form: a label column and the inputs, the focused one marked, problems marked
/// with "!" beside the label (and explained in the status line).
enum RegistrationView {
    static let focusStyle = Style(.reverse)

    static func draw(_ form: RegistrationForm, in pane: Rect, on grid: inout Grid) {
        grid.fill(pane)
        let title = Rect(x: pane.x, y: pane.y, width: pane.width, height: 1)
        if form.onTop == .confirmingDiscard {
            grid.write(" Wijzigingen weggooien? j = ja, weggooien · andere toets = verder met het formulier", in: title,
                       style: Style(.bold, tone: .warning).adding(.reverse))
        } else if let index = form.personPendingRemoval, form.persons.indices.contains(index) {
            grid.write(" " + YesNoQuestion.prompt("Betrokkene \(form.persons[index].initials) verwijderen?"), in: title,
                       style: Style(.bold, tone: .warning).adding(.reverse))
        } else if form.isSaving {
            grid.write(" Nieuw signaal — opslaan…", in: title, style: Style([.bold, .underline]))
        } else {
            let origin = form.fromConsult.map { " (uit consult \($0.code))" } ?? ""
            grid.write(" Nieuw signaal registreren" + origin, in: title, style: Style([.bold, .underline]))
        }
        let layout = RegistrationLayout(pane: pane, personCount: form.persons.count)
        let first = layout.firstRow(showing: form.focusedField)
        let body = layout.body
        let inputX = body.x + RegistrationLayout.labelWidth + 1
        for field in RegistrationForm.Field.allCases {
            guard let rows = layout.rowsByField[field] else { continue }
            let y = body.y + rows.lowerBound - first
            let focused = form.focusedField == field && (form.onTop == nil || form.personPendingRemoval != nil)
            if y >= body.y && y < body.maxY {
                let marker = form.problems[field] != nil ? "!" : focused ? "›" : " "
                let labelStyle = form.problems[field] != nil ? Style(.bold, tone: .danger) : focused ? Style.bold : .plain
                grid.write(TextFitting.fit("\(marker) \(field.label)", width: RegistrationLayout.labelWidth), x: body.x, y: y,
                           style: labelStyle, maxX: inputX - 1)
            }
            let input = Rect(x: inputX, y: y, width: layout.inputWidth, height: rows.count)
            drawInput(field, form, in: input, focused: focused, clip: body, on: &grid)
        }
        switch form.onTop {
        case .personDialog(let dialog)?: drawPersonDialog(dialog, asking: false, over: body, on: &grid)
        case .personDiscardQuestion(let dialog)?: drawPersonDialog(dialog, asking: true, over: body, on: &grid)
        default: break
        }
        if case .matchOffer(let offer, _)? = form.onTop {
            grid.fill(pane)
            MatchOfferView.draw(offer, saving: false, in: pane, on: &grid)
        }
    }

    private static func drawInput(_ field: RegistrationForm.Field, _ form: RegistrationForm, in rect: Rect, focused: Bool,
                                  clip: Rect, on grid: inout Grid) {
        func line(_ offset: Int, _ text: String, _ style: Style = .plain) {
            let y = rect.y + offset
            guard y >= clip.y && y < clip.maxY else { return }
            grid.write(text, x: rect.x, y: y, style: style, maxX: rect.maxX)
        }
        func textField(_ value: TextField, hint: String = "") {
            let shown = value.visible(width: rect.width)
            line(0, value.isEmpty && !focused ? hint : shown.text, value.isEmpty && !focused ? Style(.dim, tone: .muted) : .plain)
            if focused { cursor(at: rect.x + shown.cursorColumn, y: rect.y, clip: clip, on: &grid) }
        }
        func choice(_ list: SelectList) {
            let text = "‹ \(list.selected?.label ?? "—") ›"
            line(0, text, focused ? focusStyle : .plain)
            if focused && rect.y >= clip.y && rect.y < clip.maxY {
                grid.write("  ←/→ of eerste letter", x: rect.x + DisplayWidth.of(text), y: rect.y, style: Style(.dim, tone: .muted),
                           maxX: rect.maxX)
            }
        }
        func toggle(_ value: Toggle) {
            line(0, value.isOn ? "[x] ja" : "[ ] nee", focused ? focusStyle : .plain)
        }
        switch field {
        case .date: textField(form.date.field, hint: "dd-mm-jjjj")
        case .time: textField(form.time.field, hint: "uu:mm")
        case .source: choice(form.source)
        case .reporterType: choice(form.reporterType)
        case .reporterName: textField(form.reporterName, hint: "(leeg bij anoniem)")
        case .reporterOrganisation: textField(form.reporterOrganisation)
        case .reporterContact: textField(form.reporterContact, hint: "telefoon of e-mail")
        case .municipality: choice(form.municipality)
        case .forms:
            let flow = OptionFlow(RegistrationLayout.formItems(form.forms), width: rect.width + 1)
            flow.draw(at: rect.x - 1, y: rect.y, cursor: focused ? form.forms.highlighted : nil, visibleRows: clip.y..<clip.maxY,
                      on: &grid)
        case .description:
            let shown = form.description.visible(width: rect.width, height: rect.height)
            for row in 0..<rect.height {
                let text = row < shown.lines.count ? shown.lines[row] : ""
                line(row, text.isEmpty && row == 0 && form.description.isEmpty && !focused ? "wat is gezien of gehoord" : text,
                     form.description.isEmpty && !focused ? Style(.dim, tone: .muted) : .plain)
            }
            if focused, let position = shown.cursor {
                cursor(at: rect.x + position.column, y: rect.y + position.row, clip: clip, on: &grid)
            }
        case .location: textField(form.location)
        case .acute: toggle(form.acute)
        case .minor: toggle(form.minor)
        case .persons:
            if form.persons.isEmpty {
                line(0, "geen — Enter voegt iemand toe", focused ? focusStyle : Style(.dim, tone: .muted))
            }
            for (index, person) in form.persons.enumerated() {
                let year = person.birthYear.map(String.init) ?? "????"
                let known = person.knownID == nil ? "" : " (bekende persoon)"
                let text = TextFitting.pad(person.initials, toWidth: 8) + " " + year + "  " + person.role.label + known
                line(index, text, focused && index == form.personIndex ? focusStyle : .plain)
            }
        }
    }

    /// The cursor as a reversed cell: the terminal's own cursor stays hidden.
    private static func cursor(at x: Int, y: Int, clip: Rect, on grid: inout Grid) {
        guard y >= clip.y && y < clip.maxY && x < clip.maxX else { return }
        let cell = grid[x, y]
        grid.write(cell.isContinuation ? " " : cell.text, x: x, y: y, style: cell.style.adding(.reverse))
    }

    private static func drawPersonDialog(_ dialog: PersonDialog, asking: Bool, over body: Rect, on grid: inout Grid) {
        let width = min(body.width - 4, 56)
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + max(0, body.height / 2 - 4), width: width, height: 7)
        grid.fill(box, style: .reverse)
        grid.write(" Betrokkene toevoegen", x: box.x, y: box.y, style: Style([.bold, .reverse]), maxX: box.maxX)
        let labels = ["Initialen", "Geboortejaar", "Rol"]
        let values = [dialog.initials.visible(width: width - 18).text, dialog.birthYear.text,
                      "‹ \(dialog.role.selected?.label ?? "") ›"]
        for index in 0..<3 {
            let y = box.y + 2 + index
            let focused = dialog.focus.index == index
            grid.write((focused ? "› " : "  ") + labels[index], x: box.x + 1, y: y, style: .reverse, maxX: box.x + 16)
            grid.write(TextFitting.pad(values[index], toWidth: width - 18), x: box.x + 16, y: y, style: focused ? .plain : .reverse,
                       maxX: box.maxX - 1)
        }
        let footer = asking ? YesNoQuestion.prompt("Weggooien?")
            : dialog.problem.map { "! " + $0 } ?? "Enter toevoegen · Esc annuleren · Tab volgend veld"
        grid.write(" " + footer, x: box.x, y: box.maxY - 1,
                   style: dialog.problem == nil && !asking ? .reverse : Style(.bold, tone: .danger),
                   maxX: box.maxX)
    }
}

/// After saving: the code, the VTT reminder where it is owed, and the acknowledgement to send.
enum ReceiptView {
    static func draw(_ receipt: RegistrationReceipt, in pane: Rect, on grid: inout Grid) {
        grid.fill(pane)
        grid.write(" Signaal \(receipt.code) is geregistreerd", x: pane.x, y: pane.y, style: Style([.bold, .underline]), maxX: pane.maxX)
        var lines: [(String, Style)] = []
        if receipt.needsVTTReport {
            lines.append(("! Acuut of minderjarige: meld direct bij Veilig Thuis Twente (0800-2000)", Style(.bold, tone: .danger).adding(.reverse)))
            lines.append(("  en leg die melding vast bij het signaal: de route vraagt er eerst om.", Style(.bold, tone: .danger)))
            lines.append(("", .plain))
        }
        lines.append(("Ontvangstbevestiging voor de melder:", .bold))
        lines.append(("", .plain))
        for paragraph in receipt.acknowledgement.split(separator: "\n", omittingEmptySubsequences: false) {
            for part in TextFitting.wrap(String(paragraph), width: max(10, pane.width - 4)) { lines.append(("  " + part, .plain)) }
        }
        let height = pane.height - 1
        let scroll = max(0, min(receipt.scroll, lines.count - height))
        for (offset, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            grid.write(line.0, x: pane.x + 1, y: pane.y + 1 + offset, style: line.1, maxX: pane.maxX - 1)
        }
    }
}
