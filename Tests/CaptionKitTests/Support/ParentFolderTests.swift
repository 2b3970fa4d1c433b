import Foundation
import Testing

@testable import CaptionKit

@Suite struct ParentFolderTests {
    @Test(arguments: [
        "a/b/c.txt", "c.txt", "/c.txt", "/", "", "a/b/", "a//b", "/a/b", "Exports/signage/001-archaeology/x.txt",
        "./x.txt", "a/./b", "//a", "a/b//", "ä/ö.txt",
    ])
    func agreesWithNSString(path: String) {
        #expect(ParentFolder.of(path) == (path as NSString).deletingLastPathComponent)
    }
}
