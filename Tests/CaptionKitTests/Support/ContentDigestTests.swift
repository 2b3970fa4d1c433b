import Foundation
import Testing

@testable import CaptionKit

@Suite struct ContentDigestTests {
    /// The same bytes give the same digest; any one byte changed, a byte added (even a zero)
    /// or removed gives another.
    @Test func tellsEveryOneByteChangeApart() {
        let text = Data("id: a\ntitle:\n  ru: Курт — «сушёный сыр»\n".utf8)
        let digest = ContentDigest(text)
        #expect(ContentDigest(Data(text)) == digest)
        var seen: Set<ContentDigest> = [digest]
        for index in text.indices {
            var changed = text
            changed[index] ^= 0x01
            #expect(seen.insert(ContentDigest(changed)).inserted, "byte \(index)")
            #expect(seen.insert(ContentDigest(text.prefix(index))).inserted, "prefix \(index)")
        }
        #expect(seen.insert(ContentDigest(text + [0])).inserted)
        #expect(ContentDigest(Data()) == ContentDigest(Data()))
    }
}
