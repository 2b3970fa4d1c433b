import Foundation

extension String {
    /// Whether both texts have the same UTF-8 bytes (so the same scalars), compared with
    /// `memcmp`. Equal bytes also mean `==`; different bytes may still be canonically equivalent.
    func hasSameUTF8(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var first = self
        var second = other
        return first.withUTF8 { a in
            second.withUTF8 { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}
