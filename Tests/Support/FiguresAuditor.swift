import Foundation

/// `Scripts/figures_auditor.py` run on published figures: every count a reader who combines them
/// could work out exactly.
public enum FiguresAuditor {
    public struct Finding: Decodable, Sendable {
        public struct Pinned: Decodable, Sendable, CustomStringConvertible {
            public let count: String
            public let value: Int
            public var description: String { "\(count) = \(value)" }
        }

        public let pinned: [Pinned]
        public let checked: Int
        public let infeasible: Bool
    }

    /// Runs the auditor on `input` (its JSON).
    public static func audit(_ input: [String: Any]) throws -> Finding {
        try JSONDecoder().decode(Finding.self, from: run(input))
    }

    /// Runs the auditor once on several inputs.
    public static func audit(_ inputs: [[String: Any]]) throws -> [Finding] {
        try JSONDecoder().decode([Finding].self, from: run(inputs))
    }

    static func run(_ input: Any) throws -> Data {
        try PythonScript.run([PythonScript.path("Scripts/figures_auditor.py")], input: try JSONSerialization.data(withJSONObject: input))
    }
}
