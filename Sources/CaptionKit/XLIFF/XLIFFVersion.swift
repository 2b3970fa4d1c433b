/// The XLIFF versions `captions` writes (it reads 1.2 and every 2.x).
public enum XLIFFVersion: String, Sendable, CaseIterable, Codable {
    /// XLIFF 1.2: every CAT tool reads it; the default.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v1_2 = "1.2"
    /// XLIFF 2.0, with the Size and Length Restriction module for limits.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case v2_0 = "2.0"

    /// The XLIFF 1.2 namespace.
    static let namespace12 = "urn:oasis:names:tc:xliff:document:1.2"
    /// The XLIFF 2.x core namespace (2.1 keeps it).
    static let namespace20 = "urn:oasis:names:tc:xliff:document:2.0"
    /// The Size and Length Restriction module namespace.
    static let sizeRestrictionNamespace = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    /// The Glossary module namespace.
    static let glossaryNamespace = "urn:oasis:names:tc:xliff:glossary:2.0"
    /// The Translation Candidates module namespace.
    static let matchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0"
    /// The Metadata module namespace.
    static let metadataNamespace = "urn:oasis:names:tc:xliff:metadata:2.0"
}
