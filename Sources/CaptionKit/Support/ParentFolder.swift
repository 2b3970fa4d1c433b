/// The folder part of a path, as `NSString.deletingLastPathComponent` gives it, without the
/// bridging to `NSString` (which cost a tenth of a second per 40,000 signage files, and which a
/// review saw crash on unusual paths). Every path computation of the package uses this.
enum ParentFolder {
    /// `a/b/c.txt` → `a/b`, `c.txt` → empty, `/c.txt` → `/`, `a/b/` → `a`, `a//b` → `a`.
    static func of(_ path: String) -> String {
        var bytes = Substring(path).utf8[...]
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes = bytes.dropLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var folder = bytes[..<slash]
        while folder.count > 1, folder.last == UInt8(ascii: "/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(Substring(folder))
    }
}
