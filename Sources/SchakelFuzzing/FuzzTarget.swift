/// Every input path Schakel reads and every file it writes, as a fuzz target: a function of raw
/// bytes that answers with the property the bytes broke, or nil. `schakel-fuzz` runs them under
/// libFuzzer (`Scripts/fuzz.sh`); the tests replay the kept corpus and every input that once broke
/// one (`Fuzz/`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    // Readers of what comes from outside.
    case intake
    case workflow
    case series
    case directory
    case callRules = "call-rules"
    case holidays
    case estimate
    case retention
    case activities
    case keys
    case csvImport = "csv-import"
    // Writers of what leaves Schakel.
    case csvExport = "csv-export"
    case contactCards = "vcard"
    case calendar = "ics"
    case agenda
    case minutes
    case figuresCSV = "figures-csv"
    case figuresHTML = "figures-html"
    case figuresMarkdown = "figures-markdown"
    case inzage

    /// What the input broke, or nil when every property held.
    public func violation(_ bytes: [UInt8]) -> String? {
        switch self {
        case .intake: IntakeProperties.check(bytes)
        case .workflow, .series, .directory, .callRules, .holidays, .estimate, .retention, .activities:
            LoaderProperties.check(self, FuzzInput.text(bytes))
        case .keys: KeyProperties.check(bytes)
        case .csvImport: PartnerImportProperties.check(bytes)
        case .csvExport: CSVExportProperties.socialMap(FuzzInput.fields(bytes))
        case .contactCards: ContentLineProperties.contactCards(FuzzInput.fields(bytes))
        case .calendar: ContentLineProperties.calendar(FuzzInput.fields(bytes))
        case .agenda: MarkdownProperties.agenda(FuzzInput.fields(bytes))
        case .minutes: MarkdownProperties.minutes(FuzzInput.fields(bytes))
        case .figuresCSV: CSVExportProperties.figures(FuzzInput.fields(bytes))
        case .figuresHTML: HTMLProperties.figures(FuzzInput.fields(bytes))
        case .figuresMarkdown: MarkdownProperties.figures(FuzzInput.fields(bytes))
        case .inzage: InzageProperties.check(FuzzInput.fields(bytes))
        }
    }
}
