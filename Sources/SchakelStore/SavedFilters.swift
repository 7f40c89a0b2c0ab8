import Foundation
import GRDB
import SchakelCore

extension Store: FilterKeeping {
    /// Keeps `filter` under `name` for the user, replacing their filter of that name.
    public func saveFilter(named name: String, _ filter: SignalFilter, shared: Bool, by user: User) throws(StoreFailure) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 60 else { throw .other("een filter heeft een naam van 1 tot 60 tekens") }
        let definition: String
        do {
            definition = String(decoding: try JSONEncoder().encode(filter), as: UTF8.self)
        } catch {
            throw .other("het filter kan niet worden bewaard")
        }
        try audited(by: user) { db in
            try db.execute(sql: """
                INSERT INTO saved_filter (owner_id, name, definition, shared) VALUES (?, ?, ?, ?)
                ON CONFLICT (owner_id, name) DO UPDATE SET definition = excluded.definition, shared = excluded.shared
                """, arguments: [user.id, trimmed, definition, shared])
            return ((), AuditRecord(.update, "saved_filter", trimmed, detail: shared ? "gedeeld" : "eigen"))
        }
    }

    /// The user's own filters and those shared by their team: an AF's team is the AFs of the same
    /// municipality; the KMT's is the other KMT roles.
    public func savedFilters(for user: User) throws(StoreFailure) -> [SavedFilter] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, f.name, f.definition, f.shared, f.owner_id, u.display_name, u.role, u.municipality_id
                FROM saved_filter f JOIN app_user u ON u.id = f.owner_id
                WHERE f.owner_id = ? OR f.shared = 1
                ORDER BY f.owner_id <> ?, f.name
                """, arguments: [user.id, user.id])
        }
        let kmt: Set<String> = [Role.processManager.rawValue, Role.careCoordinator.rawValue, Role.processSupporter.rawValue]
        return rows.compactMap { row in
            let own = (row["owner_id"] as Int64) == user.id
            if !own {
                let role: String = row["role"]
                let sameTeam = user.role == .designatedOfficer
                    ? role == Role.designatedOfficer.rawValue && (row["municipality_id"] as Int64?) == user.municipality?.id
                    : kmt.contains(role) && kmt.contains(user.role.rawValue)
                guard sameTeam else { return nil }
            }
            guard let filter = try? JSONDecoder().decode(SignalFilter.self, from: Data((row["definition"] as String).utf8)) else {
                return nil
            }
            return SavedFilter(id: row["id"], name: row["name"], owner: row["display_name"], isOwn: own,
                               isShared: row["shared"], filter: filter)
        }
    }
}
