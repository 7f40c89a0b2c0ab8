import Foundation

/// Checks of how an organisation is reached: Dutch phone numbers, e-mail addresses, web
/// addresses. Each answers nil when the text is fine, or what is wrong, in Dutch.
public enum ContactFormat {
    /// 10 digits from 0 (`053-4800000`, `06-12345678`, `088-1234567`), +31 and 9 digits, 0800/0900
    /// numbers (4 to 7 digits after the prefix), the 112/144 emergency numbers, 116 numbers and
    /// the municipal 14 + area code numbers. Spaces, dashes, dots and brackets may separate.
    public static func phoneProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let allowed = Set("0123456789 -.()+")
        guard trimmed.allSatisfy({ allowed.contains($0) }) else {
            return "'\(trimmed)' is geen telefoonnummer: alleen cijfers, spaties, streepjes en + mogen erin"
        }
        var digits = trimmed.filter(\.isNumber)
        if trimmed.hasPrefix("+") {
            guard digits.hasPrefix("31"), digits.count == 11 else {
                return "'\(trimmed)' is geen Nederlands nummer: +31 en dan 9 cijfers"
            }
            return nil
        }
        if trimmed.contains("+") { return "'\(trimmed)': een + hoort alleen vooraan" }
        if digits.hasPrefix("0031") { digits = "0" + digits.dropFirst(4) }
        switch digits {
        case "112", "144": return nil
        case _ where digits.hasPrefix("116") && digits.count == 6: return nil
        case _ where digits.hasPrefix("14") && (5...6).contains(digits.count): return nil
        case _ where ["0800", "0900", "0906", "0909"].contains(where: digits.hasPrefix):
            return (8...11).contains(digits.count) ? nil : "'\(trimmed)': na \(digits.prefix(4)) komen 4 tot 7 cijfers"
        case _ where digits.hasPrefix("0"):
            return digits.count == 10 ? nil : "'\(trimmed)' heeft \(digits.count) cijfers; een Nederlands nummer heeft er 10"
        default:
            return "'\(trimmed)' is geen Nederlands telefoonnummer (begin met 0 of +31)"
        }
    }

    /// An address: a name of letters, digits and `.!#$%&'*+/=?^_`{|}~-` (no dot at either end, no
    /// two together) before one @, and a domain after it of labels of letters, digits and hyphens
    /// (none at either end of a label), ending in a top-level domain of letters.
    public static func emailProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let allowedInName = Set("!#$%&'*+/=?^_`{|}~.-")
        guard parts.count == 2, let name = parts.first, (1...64).contains(name.count),
              name.allSatisfy({ $0.isLetter || $0.isNumber || allowedInName.contains($0) }),
              !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else {
            return "'\(trimmed)' is geen e-mailadres"
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ label in
                  (1...63).contains(label.count) && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
                      && !label.hasPrefix("-") && !label.hasSuffix("-")
              }),
              let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else {
            return "'\(trimmed)' is geen e-mailadres: na de @ hoort een domein als organisatie.nl"
        }
        return nil
    }

    /// http(s), a host with a dot, no spaces.
    public static func websiteProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard !trimmed.contains(where: \.isWhitespace), let url = URL(string: trimmed),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, host.contains("."), !host.hasSuffix(".") else {
            return "'\(trimmed)' is geen webadres: begin met https:// en geef een domein als organisatie.nl"
        }
        return nil
    }
}
