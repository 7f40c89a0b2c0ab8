import GRDB

/// Hands out signal codes `S<year>-<number>`: numbered from 1 within each year, at least four digits.
struct SignalCodes {
    private var lastNumber: [Int: Int]

    init(lastNumber: [Int: Int] = [:]) { self.lastNumber = lastNumber }

    /// Continues after the highest number already stored for each year.
    static func continuing(in db: Database) throws -> SignalCodes {
        let rows = try Row.fetchAll(db, sql: """
            SELECT CAST(substr(code, 2, 4) AS INTEGER) AS year, max(CAST(substr(code, 7) AS INTEGER)) AS number
            FROM signal WHERE code GLOB 'S[0-9][0-9][0-9][0-9]-*' GROUP BY year
            """)
        return SignalCodes(lastNumber: Dictionary(uniqueKeysWithValues: rows.map { ($0["year"], $0["number"]) }))
    }

    mutating func next(receivedIn year: Int) -> String {
        let number = lastNumber[year, default: 0] + 1
        lastNumber[year] = number
        return "S\(year)-" + Numbering.padded(number, width: 4)
    }
}
