import Foundation
import Testing

/// Questions to a demo database's own file, asked with Python's sqlite3 (not through Schakel).
enum DemoQueries {
    /// The casustafel's meeting id on a day ("2026-12-08").
    static func casustafel(on day: String, in database: String) throws -> String {
        try ask("""
            print(db.execute("SELECT id FROM meeting WHERE series = 'casustafel' AND occurrence = ?", (sys.argv[2],)).fetchone()[0])
            """, database, "casustafel/\(day)")
    }

    /// Every person's full name in the demo, to check an export names no one.
    static func personNames(in database: String) throws -> [String] {
        try ask("""
            for given, family in db.execute("SELECT given_name, family_name FROM person WHERE family_name <> ''"):
                print(given + " " + family)
            """, database).split(separator: "\n").map(String.init)
    }

    /// How many exports of meetings the audit log holds.
    static func meetingExports(in database: String) throws -> String {
        try ask("""
            print(db.execute("SELECT count(*) FROM audit_log WHERE action = 'export' AND object_type = 'meeting'").fetchone()[0])
            """, database)
    }

    /// The last login in the audit log: actor, on whose behalf (the service account), origin, result.
    static func lastLogin(in database: String) throws -> String {
        try ask("""
            print("|".join(db.execute("SELECT actor, on_behalf_of, origin, result FROM audit_log WHERE action = 'login' "
                                      "ORDER BY id DESC LIMIT 1").fetchone()))
            """, database)
    }

    private static func ask(_ script: String, _ database: String, _ argument: String = "") throws -> String {
        let result = try Spawn.run([PythonTools.interpreter, "-c", "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n" + script,
                                    database, argument])
        #expect(result.status == 0, "\(result.errors)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
