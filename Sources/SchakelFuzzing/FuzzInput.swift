/// How the bytes of a fuzz input become text: decoded as UTF-8 (an invalid sequence becomes
/// U+FFFD, as it would reading a file), and for the writers split into fields at U+001F (the unit
/// separator), each text field of a document taking the next one in turn.
public enum FuzzInput {
    public static let fieldSeparator: Character = "\u{1F}"

    public static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    public static func fields(_ bytes: [UInt8]) -> Fields {
        Fields(text(bytes).split(separator: fieldSeparator, omittingEmptySubsequences: false).map(String.init))
    }

    /// The fields of an input, handed out in turn, from the first again when they run out.
    public struct Fields: Sendable {
        public let all: [String]

        init(_ all: [String]) {
            self.all = all.isEmpty ? [""] : all
        }

        /// The field for the `index`th text of a document.
        public subscript(index: Int) -> String {
            all[index % all.count]
        }

        /// The same shape with harmless text: what the document's structure must be. Equal fields
        /// stay equal (a partner's agenda picks items by name), and a field of only white space stays
        /// as it is (a document leaves out what is blank).
        public var harmless: Fields {
            Fields(all.map { field in
                field.allSatisfy(\.isWhitespace) ? field : "Tekst \(all.firstIndex(of: field) ?? 0)"
            })
        }
    }
}

/// What every writer's property says of text that reached a file.
enum RawScalars {
    /// The first scalar that must not be in the file as it is, other than those `allowed`.
    static func first(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> Unicode.Scalar? {
        text.unicodeScalars.first { !allowed.contains($0) && isUnsafe($0) }
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: scalar.properties.generalCategory == .format
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true)
    }
}

/// Why a file does not read as its format.
struct Unreadable: Error {
    let reason: String
}
