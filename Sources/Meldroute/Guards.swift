/// What a guard is asked about: the instance, the event being fired and the values entered.
public struct GuardInput: Sendable {
    public let instance: WorkflowInstance
    public let event: EventDefinition
    /// Nil when asking before the officer has entered anything (the action menu).
    public let fields: FieldValues?
}

/// A named condition a transition, deadline or obligation may require. Guards are code; the
/// workflow files name them. Each failure carries its Dutch reason.
public struct Guard: Sendable {
    public let name: String
    /// What it checks, in Dutch, for the printed documentation.
    public let description: String
    /// The fields (with their types) the guard reads from the event being fired. A guard that
    /// reads fields cannot be judged before they are entered, nor used by deadlines or obligations.
    public let readsFields: [(id: String, type: FieldType)]
    /// Nil when the guard holds, otherwise the reason it does not.
    public let failure: @Sendable (GuardInput) -> String?

    /// The guards the workflow files may name.
    public static let all: [Guard] = [
        Guard(name: "acuut_of_minderjarig",
              description: "de melding is acuut of er is een minderjarige bij betrokken",
              readsFields: []) { input in
            input.instance.facts.acute || input.instance.facts.minorInvolved
                ? nil : "de melding is niet acuut en er is geen minderjarige bij betrokken"
        },
        Guard(name: "eenmalig",
              description: "de gebeurtenis is nog niet eerder vastgelegd",
              readsFields: []) { input in
            input.instance.hasRecorded(input.event.id) ? "‘\(input.event.label)’ is al vastgelegd" : nil
        },
        Guard(name: "crisis",
              description: "de casus is als crisis gemarkeerd",
              readsFields: []) { input in
            input.instance.facts.crisis ? nil : "de casus is niet als crisis gemarkeerd"
        },
        Guard(name: "geen_crisis",
              description: "de casus is niet als crisis gemarkeerd",
              readsFields: []) { input in
            input.instance.facts.crisis ? "de casus is al als crisis gemarkeerd" : nil
        },
        Guard(name: "vervolgstap_gekozen",
              description: "er is minstens één vervolgstap gekozen",
              readsFields: [("vervolgstappen", .multipleChoice)]) { input in
            input.fields?["vervolgstappen"].map { !$0.isEmpty } == true ? nil : "er is geen vervolgstap gekozen"
        },
        Guard(name: "geen_vervolgstap_met_reden",
              description: "er is geen vervolgstap gekozen en de reden daarvoor is ingevuld",
              readsFields: [("vervolgstappen", .multipleChoice), ("reden_geen_vervolg", .choice)]) { input in
            if input.fields?["vervolgstappen"].map({ !$0.isEmpty }) == true { return "er is een vervolgstap gekozen" }
            if input.fields?["reden_geen_vervolg"].map({ !$0.isEmpty }) != true {
                return "zonder vervolgstap is een reden verplicht"
            }
            return nil
        },
    ]

    public static func named(_ name: String) -> Guard? { all.first { $0.name == name } }
}

/// A named effect a transition asks the store to run (or, for a few, that changes the facts).
public struct Effect: Sendable {
    public let name: String
    public let description: String
    /// How the effect changes the instance's facts, for the effects the engine applies itself.
    public let changesFacts: (@Sendable (inout CaseFacts) -> Void)?

    public static let all: [Effect] = [
        Effect(name: "ontvangstbevestiging", description: "de ontvangstbevestiging voor de melder wordt opgesteld",
               changesFacts: nil),
        Effect(name: "vervolgstappen_uitzetten",
               description: "de gekozen vervolgstappen worden uitgezet (KMT-casus, agendapunt, melding)",
               changesFacts: nil),
        Effect(name: "agenderen", description: "een agendapunt voor de gekozen tafel wordt aangemaakt", changesFacts: nil),
        Effect(name: "verwijzing_vastleggen", description: "de doorverwijzing wordt vastgelegd bij de organisatie",
               changesFacts: nil),
        Effect(name: "bewaartermijn_starten", description: "de bewaartermijn gaat lopen", changesFacts: nil),
        Effect(name: "bewaartermijn_stoppen", description: "de lopende bewaartermijn vervalt", changesFacts: nil),
        Effect(name: "crisis_markeren", description: "de casus wordt als crisis gemarkeerd") { $0.crisis = true },
        Effect(name: "crisis_opheffen", description: "de crisismarkering vervalt") { $0.crisis = false },
    ]

    public static func named(_ name: String) -> Effect? { all.first { $0.name == name } }
}
