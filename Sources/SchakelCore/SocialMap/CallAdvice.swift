import Meldroute

/// The situation "wie bel ik voor…" is asked about: filled in by the user, or from a signal or case.
public struct CallSituation: Hashable, Sendable {
    public var minor: Bool
    public var forms: ExploitationForms
    public var acute: Bool
    public var municipality: String?

    public init(minor: Bool = false, forms: ExploitationForms = [], acute: Bool = false, municipality: String? = nil) {
        self.minor = minor
        self.forms = forms
        self.acute = acute
        self.municipality = municipality
    }

    /// The situation of a signal: a minor involved, its forms, acute, its municipality.
    public init(signal: SignalSummary) {
        self.init(minor: signal.minorInvolved, forms: signal.forms, acute: signal.acute, municipality: signal.municipality)
    }

    /// In words: "minderjarige · sek cri · acuut · Enschede".
    public var label: String {
        var parts = [minor ? "minderjarige" : "volwassene"]
        if !forms.isEmpty { parts.append(forms.shortLabel) }
        if acute { parts.append("acuut") }
        if let municipality { parts.append(municipality) }
        return parts.joined(separator: " · ")
    }
}

/// Whom to call first for a situation, and why: the rules of `wie-bel-ik.yaml` in file order,
/// each organisation once, those not working in the municipality left out.
public enum CallAdvice {
    public struct Line: Hashable, Sendable {
        /// The organisation as it is on the sociale kaart here; nil when it is not (any more).
        public let partner: Partner?
        public let key: String
        public let reason: String
        /// The rule that brought it.
        public let rule: String
    }

    public static func advise(_ rules: [CallRule], for situation: CallSituation, partners: [String: Partner]) -> [Line] {
        var lines: [Line] = []
        var named: Set<String> = []
        for rule in rules where holds(rule, for: situation) {
            for call in rule.calls where !named.contains(call.organisation) {
                let partner = partners[call.organisation]
                if let partner, let municipality = situation.municipality, !partner.area.covers(municipality) { continue }
                named.insert(call.organisation)
                lines.append(Line(partner: partner, key: call.organisation, reason: call.reason, rule: rule.name))
            }
        }
        return lines
    }

    static func holds(_ rule: CallRule, for situation: CallSituation) -> Bool {
        if let minor = rule.minor, minor != situation.minor { return false }
        if let acute = rule.acute, acute != situation.acute { return false }
        if !rule.forms.isEmpty && !rule.forms.contains(where: { word in situation.forms.members.contains { $0.code == word } }) {
            return false
        }
        return true
    }
}
