import GRDB

/// Running numbers within a series and a year, as in S2026-0042 (signals) and C2026-0007 (KMT
/// cases): numbered from 1 within each year, at least four digits. The highest number so far is
/// found through an index on (series and year, number), so handing out a code never reads the
/// table: the write lock is held for the new rows only.
struct CodeSeries {
    /// The letter before the year: "S" for signals, "C" for cases, "A" for consults (advies).
    let letter: String
    private let highestStored: (Int) throws -> Int
    private var lastNumber: [Int: Int] = [:]

    /// Continuing after the highest number stored in `table` for each year, in the caller's transaction.
    init(letter: String, continuingIn table: String, _ db: Database) {
        self.letter = letter
        highestStored = { year in try Self.highestNumber(letter: letter, year: year, in: table, db) }
    }

    static let signals = "S"
    static let cases = "C"
    static let consults = "A"

    mutating func next(in year: Int) throws -> String {
        let number = try (lastNumber[year] ?? highestStored(year)) + 1
        lastNumber[year] = number
        return "\(letter)\(year)-" + Numbering.padded(number, width: 4)
    }

    /// The SQL that finds the highest number of a year: answered from the `*_code_number` index.
    static func highestNumberSQL(in table: String) -> String {
        "SELECT max(CAST(substr(code, 7) AS INTEGER)) FROM \(table) WHERE substr(code, 1, 5) = ?"
    }

    static func highestNumber(letter: String, year: Int, in table: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: highestNumberSQL(in: table), arguments: ["\(letter)\(year)"]) ?? 0
    }
}

/// Zero-padded running numbers, as in S2026-0042 and P-00042.
enum Numbering {
    static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
