import Yams

/// A problem in a workflow file, with where it is.
public struct WorkflowFileError: Error, Equatable, Sendable, CustomStringConvertible {
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

/// Reads a workflow definition from YAML text.
public enum WorkflowLoader {
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file's name, for error messages.
    public static func load(yaml text: String, file: String) throws(WorkflowFileError) -> WorkflowDefinition {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw WorkflowFileError(file: file, line: nil, message: "het bestand is leeg")
            }
            root = node
        } catch let error as WorkflowFileError {
            throw error
        } catch let error as YamlError {
            throw WorkflowFileError(file: file, line: Self.line(of: error), message: "geen geldige YAML: \(error)")
        } catch {
            throw WorkflowFileError(file: file, line: nil, message: "geen geldige YAML: \(error)")
        }
        guard let mapping = root.mapping else {
            throw WorkflowFileError(file: file, line: root.line, message: "verwacht een mapping met naam, label en toestanden")
        }
        let name = try string(mapping, "naam", file: file, parent: root)
        let label = try string(mapping, "label", file: file, parent: root)
        guard let statesNode = mapping["toestanden"], let items = statesNode.sequence else {
            throw WorkflowFileError(file: file, line: (mapping["toestanden"] ?? root).line, message: "'toestanden' ontbreekt of is geen lijst")
        }
        var states: [StateDefinition] = []
        for item in items {
            guard let fields = item.mapping else {
                throw WorkflowFileError(file: file, line: item.line, message: "een toestand moet id en label hebben")
            }
            let id = try string(fields, "id", file: file, parent: item)
            if states.contains(where: { $0.id == id }) {
                throw WorkflowFileError(file: file, line: item.line, message: "toestand '\(id)' staat er twee keer in")
            }
            let terminal = fields["eind"]?.bool ?? false
            states.append(StateDefinition(id: id, label: try string(fields, "label", file: file, parent: item), isTerminal: terminal))
        }
        if states.isEmpty {
            throw WorkflowFileError(file: file, line: statesNode.line, message: "een workflow heeft minstens één toestand")
        }
        return WorkflowDefinition(name: name, label: label, states: states)
    }

    private static func string(_ mapping: Node.Mapping, _ key: String, file: String, parent: Node) throws(WorkflowFileError) -> String {
        guard let value = mapping[key]?.string, !value.isEmpty else {
            throw WorkflowFileError(file: file, line: (mapping[key] ?? parent).line, message: "'\(key)' ontbreekt of is leeg")
        }
        return value
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}

extension Node {
    /// One-based line in the file, when known.
    var line: Int? { mark.map { $0.line } }
}
