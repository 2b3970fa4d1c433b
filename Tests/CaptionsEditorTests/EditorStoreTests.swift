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

    @Test("A save through the editor changes the collection's exhibits in place")
    func saveCopiesNoExhibits() async throws {
        let fixture = try EditorFixture()
        let store = fixture.app.store
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let digest = try #require(page.inputValue("_digest"))
            let before = Self.exhibitsAddress(store)

            let saved = try await browser.post(
                "/exhibits/first-winter", [("_digest", digest), ("_action", "save"), ("title.en", "My winter")])

            #expect(saved.status == .seeOther)
            let title = store.snapshot.exhibit(id: "first-winter")?.exhibit.field("title")?.translation("en")?.text
            #expect(title == "My winter")
            #expect(Self.exhibitsAddress(store) == before)
        }
    }

    @Test("An approval through the editor changes the collection's exhibits in place")
    func approvalCopiesNoExhibits() async throws {
        let fixture = try EditorFixture()
        let store = fixture.app.store
        try await fixture.test { browser in
            let page = try await browser.get("/exhibits/first-winter")
            let before = Self.exhibitsAddress(store)

            let answer = try await browser.post(
                "/exhibits/first-winter/signoff",
                EditorSignOffTests.signOffForm(page, "approve", "title.ru", signer: "Curator"),
                headers: [.accept: "application/json"])

            #expect(answer.status == .ok)
            let snapshot = store.snapshot
            let exhibit = try #require(snapshot.exhibit(id: "first-winter")?.exhibit)
            #expect(LibraryBridge.signOffStates(of: exhibit, config: snapshot.config)["title.ru"]?.approval?.by == "Curator")
            #expect(Self.exhibitsAddress(store) == before)
        }
    }
}
