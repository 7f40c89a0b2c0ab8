/// Checks the values entered for an event against its field definitions.
enum FieldChecker {
    static func problems(in values: FieldValues, for event: EventDefinition, now: LocalDateTime) -> [FieldProblem] {
        var problems: [FieldProblem] = values.keys.sorted().filter { event.field($0) == nil }
            .map { FieldProblem(field: $0, label: $0, kind: .unknown) }
        for field in event.fields {
            guard let value = values[field.id], !value.isEmpty else {
                if field.isRequired { problems.append(FieldProblem(field: field.id, label: field.label, kind: .missing)) }
                continue
            }
            if let reason = invalidity(of: value, field: field, now: now) {
                problems.append(FieldProblem(field: field.id, label: field.label, kind: .invalid(reason)))
            }
        }
        return problems
    }

    private static func invalidity(of value: FieldValue, field: FieldDefinition, now: LocalDateTime) -> String? {
        guard value.type == field.type else { return "verwacht \(field.type.label)" }
        switch value {
        case .text(let text):
            return text.count > field.maxLength ? "te lang (\(text.count) tekens, hooguit \(field.maxLength))" : nil
        case .date(let date):
            if field.notInPast && date < now.date { return "mag niet in het verleden liggen" }
            if field.notInFuture && date > now.date { return "mag niet in de toekomst liggen" }
            return nil
        case .dateTime(let moment):
            if field.notInPast && moment < now { return "mag niet in het verleden liggen" }
            if field.notInFuture && moment > now { return "mag niet in de toekomst liggen" }
            return nil
        case .choice(let id):
            return field.option(id) == nil ? "onbekende keuze '\(id)'" : nil
        case .choices(let ids):
            if let unknown = ids.first(where: { field.option($0) == nil }) { return "onbekende keuze '\(unknown)'" }
            return Set(ids).count == ids.count ? nil : "een keuze staat er twee keer in"
        case .boolean:
            return nil
        }
    }
}
