import SchakelCore

/// Runs the Overleggen tab's effects, with only the meetings of the store.
struct MeetingsRunner {
    let store: any MeetingBrowsing

    func run(_ effect: MeetingsEffect, context: AppContext) -> MeetingsAction? {
        do {
            switch effect {
            case .loadPage(.from(let day), let limit):
                let request = PageRequest.after(store.meetingListKey(atStartOf: day))
                return .pageLoaded(request, try store.meetingPage(request, limit: limit, for: context.user), fromDay: true)
            case .loadPage(.page(let request), let limit):
                return .pageLoaded(request, try store.meetingPage(request, limit: limit, for: context.user), fromDay: false)
            case .loadAgenda(let meetingID):
                return .agendaLoaded(meetingID: meetingID, try store.agenda(ofMeeting: meetingID, for: context.user))
            case .loadWaiting(let limit):
                return .waitingLoaded(try store.waitingForDiscussion(limit: limit, for: context.user))
            case .request:
                return nil
            }
        } catch {
            return .loadFailed("Overleggen laden mislukt. \(SignalsRunner.message(for: error))")
        }
    }
}
