import Foundation
import Meldroute
import SchakelCore
import SchakelStore

/// Many fictional signals at once, for benchmarks and load tests: the demo's kind of content,
/// spread over the last years and over the municipalities roughly by population.
public enum SignalGenerator {
    /// Signals per transaction: small enough that other processes are never kept waiting long.
    static let batchSize = 5_000

    /// Adds `count` signals received in the `years` before `today`, numbered after the codes
    /// already stored. Deterministic for a given seed and day.
    public static func addSignals(_ count: Int, to store: Store, today: LocalDateTime, calendar: WorkingDayCalendar,
                                  years: Int = 5, seed: UInt64 = 1) throws(StoreFailure) {
        var random = SplitMix64(seed: seed)
        let workingDaysBack = max(1, years * 255)
        // The working days back from today, stepped once rather than per signal.
        var workingDays = [today.date]
        while workingDays.count <= workingDaysBack {
            workingDays.append(calendar.addWorkingDays(-1, to: workingDays[workingDays.count - 1]))
        }
        var signals: [DemoDataset.Signal] = []
        signals.reserveCapacity(count)
        for _ in 0..<count {
            let age = random.next(in: 0...workingDaysBack)
            let received = LocalDateTime(date: workingDays[age], hour: random.next(in: 7...19), minute: random.next(in: 0...59))
            let municipality = pickMunicipality(&random)
            let state = DemoDataset.state(forAge: age, random: &random)
            signals.append(DemoDataset.makeSignal(in: municipality, received: received, state: state, random: &random))
        }
        signals.sort { $0.receivedAt < $1.receivedAt }
        var start = 0
        while start < signals.count {
            let batch = signals[start..<min(start + batchSize, signals.count)]
            try store.importing { importer in
                for signal in batch { try importer.addSignal(signal.signal, state: signal.state) }
            }
            start += batchSize
        }
    }

    /// Approximate inhabitants in thousands, as weights (same order as `Municipality.twente`).
    private static let populationWeights = [74, 24, 27, 160, 25, 36, 88, 35, 23, 33, 38, 21, 34, 25]

    private static func pickMunicipality(_ random: inout SplitMix64) -> Municipality {
        var ticket = random.next(in: 0...(populationWeights.reduce(0, +) - 1))
        for (municipality, weight) in zip(Municipality.twente, populationWeights) {
            if ticket < weight { return municipality }
            ticket -= weight
        }
        return Municipality.twente[0]
    }
}

extension SignalGenerator {
    /// Adds `count` timeline lines (notes, contacts, steps) spread over the existing signals, in
    /// time order after each signal's receipt. For load tests of the timeline.
    public static func addTimelineEvents(_ count: Int, to store: Store, seed: UInt64 = 2) throws(StoreFailure) {
        var random = SplitMix64(seed: seed)
        let signals = try store.importing { importer in try importer.signalReceipts() }
        guard !signals.isEmpty else { throw .other("er zijn geen signalen om een tijdlijn bij te maken") }
        let kinds: [TimelineKind] = [.note, .note, .note, .contact, .transition, .meeting, .action, .referral]
        var written = 0
        while written < count {
            let batch = min(batchSize * 4, count - written)
            try store.importing(largeCache: true) { importer in
                for _ in 0..<batch {
                    let (id, received) = signals[random.next(in: 0...(signals.count - 1))]
                    let kind = kinds[random.next(in: 0...(kinds.count - 1))]
                    // Later than the receipt by up to a year.
                    try importer.addLine(onSignal: id, kind: kind, random.pick(timelineTexts),
                                         atEpochSeconds: received + Int64(random.next(in: 1...525_600)) * 60)
                }
            }
            written += batch
        }
    }

    private static let timelineTexts = [
        "Gebeld met de melder; situatie ongewijzigd.", "Informatie opgevraagd bij het wijkteam.",
        "Check bij het KMT: bekend bij de politie.", "Huisbezoek gepland met de wijkagent.",
        "Besproken in het werkoverleg AF.", "Terugkoppeling ontvangen van de woningcorporatie.",
        "Doorverwezen naar Humanitas Onder Dak voor opvang.", "Afspraak: volgende week opnieuw contact.",
        "Melder meldt nieuwe zorgen over de werkgever.", "Adresgegevens verrijkt uit de BRP.",
    ]
}
