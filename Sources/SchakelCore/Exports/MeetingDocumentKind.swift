import Foundation
import Meldroute

/// Which of a meeting's documents to export from the screen.
public enum MeetingDocumentKind: Hashable, Sendable {
    /// The agenda in Markdown, for all the invited or for one partner.
    case agenda(partner: String?)
    /// The invitation with the agenda, as ICS for Outlook.
    case invitation
    case minutes

    /// In Dutch, for the export menu.
    public var label: String {
        switch self {
        case .agenda(nil): return "Agenda voor alle genodigden (Markdown)"
        case .agenda(let partner?): return "Agenda voor \(partner) (Markdown)"
        case .invitation: return "Uitnodiging met agenda (ICS, voor Outlook)"
        case .minutes: return "Verslag (Markdown)"
        }
    }

    /// The file's name: "casustafel-mensenhandel-2026-12-08-agenda-politie-avim.md".
    public func fileName(for meeting: Meeting) -> String {
        let base = Self.slug(meeting.title) + "-" + meeting.startsAt.date.iso
        switch self {
        case .agenda(nil): return base + "-agenda.md"
        case .agenda(let partner?): return base + "-agenda-" + Self.slug(partner) + ".md"
        case .invitation: return base + ".ics"
        case .minutes: return base + "-verslag.md"
        }
    }

    /// Lower-case letters and digits without accents, runs of anything else as one "-".
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL")).lowercased()
        var result = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "overleg" : result
    }
}
