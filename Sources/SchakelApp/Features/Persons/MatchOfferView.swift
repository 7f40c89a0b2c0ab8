import SchakelCore
import TerminalKit

/// Known persons offered for the one being added (in a signal's or case's persons, and in the
/// registration form): the person entered, the known ones with the codes the user sees, the question.
enum MatchOfferView {
    /// - Parameter here: the persons already on the signal or case, whose matches say so.
    static func draw(_ offer: MatchOffer, saving: Bool, here: [SubjectPerson] = [], in rect: Rect, on grid: inout Grid) {
        let year = offer.person.birthYear.map { " \($0)" } ?? ""
        grid.write(" Mogelijk bekend — dezelfde persoon?", x: rect.x, y: rect.y, style: Style([.bold, .underline]), maxX: rect.maxX)
        grid.write("  Nieuw: \(offer.person.initials)\(year), \(offer.person.role.label)", x: rect.x, y: rect.y + 1, maxX: rect.maxX)
        grid.write("  Al bekend bij de signalen en casussen die u mag zien:", x: rect.x, y: rect.y + 3, style: Style(.dim, tone: .muted),
                   maxX: rect.maxX)
        let list = Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(1, rect.height - 6))
        let top = max(0, min(offer.selected - list.height + 1, offer.matches.count - list.height))
        for (offset, match) in offer.matches.dropFirst(top).prefix(list.height).enumerated() {
            let index = top + offset
            let marker = index == offer.selected ? "›" : " "
            let roles = here.filter { $0.id == match.id }.map(\.role.label)
            let note = roles.isEmpty ? "" : " — staat hier al als \(roles.joined(separator: ", "))"
            grid.write(TextFitting.fit(" \(marker) \(match.offerText)\(note)", width: list.width), x: list.x, y: list.y + offset,
                       style: index == offer.selected ? .reverse : .plain, maxX: list.maxX)
        }
        let question = saving ? " Opslaan…" : " " + MatchOffer.question
        grid.write(question, in: Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1), style: Style(.bold, tone: .warning).adding(.reverse))
    }
}
