/// Rules for exhibit ids and other names that end up in file names and XLIFF unit ids.
enum ExhibitID {
    /// Whether `id` is a slug: lowercase ASCII letters and digits in runs joined by single
    /// hyphens (`[a-z0-9]+(-[a-z0-9]+)*`), at most 100 characters. Slugs are safe as file
    /// names, in URLs and as XLIFF 2 NMTOKENs.
    static func isValid(_ id: String) -> Bool {
        isValid(utf8: id.utf8)
    }

    /// What a slug is made of, as messages say it (``isValid(_:)``).
    static let slugLetters = "lowercase letters, digits and single hyphens"

    /// ``isValid(_:)`` of the name with the UTF-8 bytes `id`.
    static func isValid(utf8 id: some Collection<UInt8>) -> Bool {
        guard !id.isEmpty, id.count <= 100 else { return false }
        var previousWasHyphen = true  // forbids a leading hyphen
        for byte in id {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Whether a folder path below the collection (`garden`, `floor-1/arch`) is made of slugs.
    static func isValidGallery(_ gallery: String) -> Bool {
        // On bytes: a valid gallery is ASCII, where every `/` byte is a `/` character; a gallery
        // with any other byte has a part that is not a slug either way.
        gallery.isEmpty
            || gallery.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy {
                isValid(utf8: $0)
            }
    }

    /// Whether `name` can be a caption field: a slug that is not a reserved key.
    static func isValidFieldName(_ name: String) -> Bool {
        isValid(name) && name != "id" && name != "notes" && !ExhibitParser.metadataKeys.contains(name)
    }
}
