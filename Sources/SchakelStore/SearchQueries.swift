import Crypto
import Foundation
import GRDB
import SchakelCore

extension Store: Searching {
    /// Full-text search in one source, newest match first, `limit` at a time (pass the last hit's
    /// id as `after` for the next page). Prefix matching with accents folded: "celi" finds "Çelik".
    /// Only what the user may fully see is searched, so hits and their number never leak. A signal's
    /// code (or its start: `S2026-00`) finds the signal by its code, as officers have it from a letter.
    public func search(_ text: String, in source: SearchHit.Source, after: Int64? = nil, limit: Int,
                       for user: User) throws(StoreFailure) -> Page<SearchHit> {
        guard let match = SearchQuery.ftsQuery(for: text) else { return Page(rows: [], hasMore: false) }
        let code = source == .signal ? SearchQuery.signalCodePrefix(text) : nil
        let query = code.map { SearchQuery.byCode($0, after: after, limit: limit, for: user) }
            ?? SearchQuery.make(source, match: match, after: after, limit: limit, for: user)
        return try audited(by: user) { db in
            guard let query else {
                return (Page(rows: [], hasMore: false),
                        AuditRecord(.search, source.rawValue, result: .denied, detail: SearchQuery.fingerprint(text)))
            }
            let fetched = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments)
            let hits = fetched.prefix(limit).map { row -> SearchHit in
                let subject: TimelineSubject? = switch source {
                case .signal: .signal(row["id"])
                case .timeline: (row["subject_type"] as String) == "case" ? .kmtCase(row["subject_id"]) : .signal(row["subject_id"])
                case .partner, .person: nil
                }
                return SearchHit(source: source, id: row["id"], subject: subject, title: row["title"], snippet: row["snippet"])
            }
            let page = Page(rows: Array(hits), hasMore: fetched.count > limit)
            return (page, AuditRecord(.search, source.rawValue,
                                      detail: "\(SearchQuery.fingerprint(text)), \(page.rows.count) resultaten"))
        }
    }
}

enum SearchQuery {
    /// The user's words as an FTS5 query: every word must occur, as a word or the start of one.
    /// Quotes are removed, so nothing the user types is read as FTS syntax.
    static func ftsQuery(for text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\"" || $0 == "*" })
            .map { $0.filter { $0 != "\"" } }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        return words.map { "\"\($0)\"*" }.joined(separator: " ")
    }

    /// What the audit log keeps of a search: a fingerprint of the terms, not the terms (they may be
    /// names). Whether someone searched for a given name can be checked by hashing that name.
    static func fingerprint(_ text: String) -> String {
        let normalised = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let digest = SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
        return "zoekterm-sha256 " + digest.prefix(16)
    }

    /// `S2026-0012`, `s2026-001`, `S2026`: the start of a signal's code, in capitals; nil for anything else.
    static func signalCodePrefix(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.wholeMatch(of: /S\d{4}(-\d{0,4})?/) != nil else { return nil }
        return trimmed
    }

    /// The signals in the user's scope whose code starts with `prefix`, newest first; nil when the
    /// user may see no signal.
    static func byCode(_ prefix: String, after: Int64?, limit: Int, for user: User) -> (sql: String, arguments: StatementArguments)? {
        let scope = AccessPolicy.signalScope(for: user)
        guard let condition = SignalScopeSQL.condition(scope) else { return nil }
        // A range on the code's unique index ('~' sorts after every digit and '-').
        var conditions = ["s.code >= ? AND s.code < ?"], arguments: StatementArguments = [prefix, prefix + "~"]
        if scope != .region {
            conditions.append(condition.sql)
            arguments += StatementArguments(condition.ids)
        }
        if let after {
            conditions.append("s.id < ?")
            arguments += [after]
        }
        arguments += [limit + 1]
        return ("SELECT s.id, s.code AS title, '' AS snippet FROM signal s WHERE \(conditions.joined(separator: " AND ")) ORDER BY s.id DESC LIMIT ?",
                arguments)
    }

    /// The SQL for one source, or nil when the user may search none of it.
    static func make(_ source: SearchHit.Source, match: String, after: Int64?, limit: Int,
                     for user: User) -> (sql: String, arguments: StatementArguments)? {
        var arguments: StatementArguments = [match]
        var conditions: [String] = []
        let select: String, from: String, table: String
        switch source {
        case .signal:
            table = "signal_fts"
            select = "s.id, s.code AS title, snippet(signal_fts, -1, '«', '»', '…', 10) AS snippet"
            from = "signal_fts JOIN signal s ON s.id = signal_fts.rowid"
            let scope = AccessPolicy.signalScope(for: user)
            guard let condition = SignalScopeSQL.condition(scope) else { return nil }
            if scope != .region {
                conditions.append(condition.sql)
                arguments += StatementArguments(condition.ids)
            }
        case .timeline:
            table = "timeline_fts"
            select = """
                t.id, t.subject_type, t.subject_id, coalesce(s.code, c.code, '') AS title,
                snippet(timeline_fts, 0, '«', '»', '…', 10) AS snippet
                """
            from = """
                timeline_fts JOIN timeline_event t ON t.id = timeline_fts.rowid
                LEFT JOIN signal s ON t.subject_type = 'signal' AND s.id = t.subject_id
                LEFT JOIN kmt_case c ON t.subject_type = 'case' AND c.id = t.subject_id
                """
            // Lines of signals in scope, and of cases the user sees in full.
            guard let visible = VisibleSubjects.condition(for: user) else { return nil }
            conditions.append(visible.sql)
            arguments += visible.arguments
        case .person:
            // Persons on a signal or case the user sees in full; a merged code is not found (its links moved on).
            guard let visible = PersonScopeSQL.visible(for: user) else { return nil }
            table = "person_fts"
            select = "p.id, p.pseudonym AS title, p.initials || coalesce(' ' || p.birth_year, '') AS snippet"
            from = "person_fts JOIN person p ON p.id = person_fts.rowid"
            conditions.append("p.merged_into IS NULL")
            conditions.append(visible.sql)
            arguments += visible.arguments
        case .partner:
            guard AccessPolicy.canReadPartners(user) else { return nil }
            table = "partner_fts"
            select = "p.id, p.name AS title, snippet(partner_fts, -1, '«', '»', '…', 10) AS snippet"
            from = "partner_fts JOIN partner p ON p.id = partner_fts.rowid"
        }
        if let after {
            conditions.append("\(table).rowid < ?")
            arguments += [after]
        }
        arguments += [limit + 1]
        let extra = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        return ("SELECT \(select) FROM \(from) WHERE \(table) MATCH ?\(extra) ORDER BY \(table).rowid DESC LIMIT ?", arguments)
    }
}
