import Foundation
import Testing

@testable import CaptionKit
@testable import CaptionsEditor

@Suite("The editor's store")
struct EditorStoreTests {
    /// Where the snapshot's exhibits are in memory: the same place after a replacement when it
    /// changed them in place.
    private static func exhibitsAddress(_ store: EditorStore) -> Int {
        store.snapshot.collection.exhibits.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }

    @Test("A file read again replaces its exhibit in place, without copying the collection's exhibits")
    func replacementCopiesNoExhibits() throws {
        let relativePath = "museum-second-floor/kurt-story.yml"
        let fixture = try EditorFixture()
        let store = try EditorStore(root: fixture.root)
        let before = Self.exhibitsAddress(store)
        try EditorDownloadTests.replacing("Тас емес, құрт", with: "Құрт, тас емес", in: relativePath)(fixture.root)

        let snapshot = store.replace([relativePath])

        let title = snapshot.exhibit(id: "kurt-story")?.exhibit.field("title")?.translation("kk")?.text
        #expect(title == "Құрт, тас емес")
        // A copy of the 20 exhibits here is 50,000 in a large collection, at every save: the
        // store once held the collection it read the file with while it replaced the exhibit.
        #expect(Self.exhibitsAddress(store) == before)
    }

    @Test("A file changed by another program, found by the scan, replaces its exhibit in place")
    func scanCopiesNoExhibits() throws {
        let relativePath = "museum-second-floor/kurt-story.yml"
        let fixture = try EditorFixture()
        let store = try EditorStore(root: fixture.root)
        store.stampFiles()
        let before = Self.exhibitsAddress(store)
        try EditorDownloadTests.replacing("Тас емес, құрт", with: "Құрт — тас емес", in: relativePath)(fixture.root)

        #expect(store.scan())

        let title = store.snapshot.exhibit(id: "kurt-story")?.exhibit.field("title")?.translation("kk")?.text
        #expect(title == "Құрт — тас емес")
        #expect(Self.exhibitsAddress(store) == before)
    }

    @Test("A save and an approval through the editor change the collection's exhibits in place")
    func writesCopyNoExhibits() async throws {
        let fixture = try EditorFixture()
        let store = fixture.app.store
        try await fixture.test { browser in
            // Compared with where they were right before each write: a copy is made while the
            // exhibits it copies still exist, so it is never at their address.
            var before = Self.exhibitsAddress(store)
            let page = try await browser.get("/exhibits/first-winter")
            let saved = try await browser.post(
                "/exhibits/first-winter",
                [("_digest", try #require(page.inputValue("_digest"))), ("_action", "save"), ("title.en", "My winter")])
            #expect(saved.status == .seeOther)
            #expect(Self.exhibitsAddress(store) == before, "the save")

            let form = EditorSignOffTests.signOffForm(
                try await browser.get("/exhibits/first-winter"), "approve", "title.ru", signer: "Curator")
            before = Self.exhibitsAddress(store)
            let signed = try await browser.post(
                "/exhibits/first-winter/signoff", form, headers: [.accept: "application/json"])
            #expect(signed.status == .ok)
            #expect(Self.exhibitsAddress(store) == before, "the approval")

            let snapshot = store.snapshot
            let exhibit = try #require(snapshot.exhibit(id: "first-winter")?.exhibit)
            #expect(exhibit.field("title")?.translation("en")?.text == "My winter")
            let states = LibraryBridge.signOffStates(of: exhibit, config: snapshot.config)
            #expect(states["title.ru"]?.approval?.by == "Curator")
        }
    }
}
