import TextSafety
import Yams

/// A problem in a workflow file, with where it is.
public struct WorkflowFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Every problem found in a workflow file, in line order.
public struct WorkflowFileProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public let problems: [WorkflowFileError]

    public init(_ problems: [WorkflowFileError]) {
        self.problems = problems.sorted { ($0.line ?? 0, $0.message) < ($1.line ?? 0, $1.message) }
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// The messages alone, for tests and for reading.
    public var messages: [String] { problems.map(\.message) }
}

/// A data file's YAML, read into nodes that know their line.
enum DataFileYAML {
    /// The file's root, or every problem as one when it is no YAML at all or holds a character no
    /// text in Schakel may hold.
    static func root(of text: String, file: String) throws(WorkflowFileProblems) -> Node? {
        try refuseForbiddenCharacters(in: text, file: file)
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw WorkflowFileProblems([WorkflowFileError(file: file, line: nil, message: "geen geldige YAML: \(error)")])
        }
    }

    /// Every line holding a control or bidi character (a tab is fine), as file:line: what and where.
    static func refuseForbiddenCharacters(in text: String, file: String) throws(WorkflowFileProblems) {
        var problems: [WorkflowFileError] = []
        // Line by line, scalar by scalar: a CRLF is one character, and a line may end in one.
        var line = String.UnicodeScalarView(), number = 1
        func check() {
            if line.last == "\r" { line.removeLast() }
            let text = String(String.UnicodeScalarView(line.map { $0 == "\t" ? " " : $0 }))
            if let wrong = FieldCharacters.problem(in: text) { problems.append(WorkflowFileError(file: file, line: number, message: wrong)) }
        }
        for scalar in text.unicodeScalars {
            guard scalar == "\n" else {
                line.append(scalar)
                continue
            }
            check()
            line = String.UnicodeScalarView()
            number += 1
        }
        check()
        if !problems.isEmpty { throw WorkflowFileProblems(problems) }
    }
}
