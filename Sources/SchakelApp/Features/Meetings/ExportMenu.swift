import Meldroute
import SchakelCore
import TerminalKit

/// The documents of a meeting that can be exported to the export folder (`u`): the agenda for all
/// or for one invited partner, the invitation for Outlook, and the minutes once there are any.
public struct ExportMenu: Hashable, Sendable {
    public struct Choice: Hashable, Sendable {
        public let document: MeetingDocumentKind
        /// Why it cannot be exported now, or nil.
        public let unavailable: String?
    }

    public let choices: [Choice]
    public var highlighted = 0
    public var isExporting = false

    public init(for open: OpenMeeting) {
        let meeting = open.meeting
        var choices = [Choice(document: .agenda(partner: nil), unavailable: nil), Choice(document: .invitation, unavailable: nil)]
        choices += meeting.invited.map { Choice(document: .agenda(partner: $0), unavailable: nil) }
        let noMinutes: String? = if meeting.visibility != .full {
            "alleen wie het overleg in zijn geheel ziet"
        } else if meeting.status == "gepland" || meeting.status == "vervallen" {
            "er is nog geen verslag"
        } else {
            nil
        }
        choices.append(Choice(document: .minutes, unavailable: noMinutes))
        self.choices = choices
    }

    public var highlightedChoice: Choice { choices[highlighted] }
}
