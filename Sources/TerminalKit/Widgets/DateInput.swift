/// A date typed as dd-mm-jjjj (the dashes may be left out): digits only, checked against the
/// calendar. The app turns the parts into its own date type.
public struct DateInput: Hashable, Sendable {
    public private(set) var field: TextField

    public init(_ text: String = "") { field = TextField(text, maxLength: 10) }

    public var text: String { field.text }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .character(let character) = key, !(character.isASCII && (character.isNumber || character == "-")) { return true }
        return field.handle(key)
    }

    /// Year, month and day, or the Dutch reason the text is not a date.
    public var parts: Result<(year: Int, month: Int, day: Int), InputProblem> {
        let digits = text.filter(\.isNumber)
        let pieces = text.contains("-") ? text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            : digits.count == 8 ? [String(digits.prefix(2)), String(digits.dropFirst(2).prefix(2)), String(digits.suffix(4))] : []
        guard pieces.count == 3, pieces[2].count == 4, (1...2).contains(pieces[0].count), (1...2).contains(pieces[1].count),
              let day = Int(pieces[0]), let month = Int(pieces[1]), let year = Int(pieces[2]) else {
            return .failure(InputProblem("geen datum; gebruik dd-mm-jjjj"))
        }
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year) else {
            return .failure(InputProblem("\(text) bestaat niet"))
        }
        return .success((year, month, day))
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A time of day typed as uu:mm.
public struct TimeInput: Hashable, Sendable {
    public private(set) var field: TextField

    public init(_ text: String = "") { field = TextField(text, maxLength: 5) }

    public var text: String { field.text }

    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .character(let character) = key, !(character.isASCII && (character.isNumber || character == ":")) { return true }
        return field.handle(key)
    }

    public var parts: Result<(hour: Int, minute: Int), InputProblem> {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, (1...2).contains(pieces[0].count), pieces[1].count == 2,
              let hour = Int(pieces[0]), let minute = Int(pieces[1]), (0...23).contains(hour), (0...59).contains(minute) else {
            return .failure(InputProblem("geen tijd; gebruik uu:mm"))
        }
        return .success((hour, minute))
    }
}

/// Why an input is not valid, in Dutch.
public struct InputProblem: Error, Hashable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
