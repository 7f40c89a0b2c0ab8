import Foundation

/// The forms of a name that the match offer compares: "Öztürk", "OZTURK" and "Ozturk" are one
/// family name; "Nguyễn" is "Nguyen", "Yıldız" is "Yildiz", "Коваленко" is "Kovalenko"; "O.K." and
/// "o k" are the same initials.
public enum PersonNameKey {
    /// Written in Latin letters without diacritics, lower case, letters and digits only.
    public static func family(_ name: String) -> String {
        letters(of: name)
    }

    /// The initials' letters, folded the same way.
    public static func initials(_ initials: String) -> String {
        letters(of: initials)
    }

    private static let transform = StringTransform("Any-Latin; Latin-ASCII; Lower")

    private static func letters(of text: String) -> String {
        let latin = text.applyingTransform(transform, reverse: false)
            ?? text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(latin.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init)).lowercased()
    }
}
