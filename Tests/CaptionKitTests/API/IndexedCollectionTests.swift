import Foundation
import Testing

@testable import CaptionKit

/// ``IndexedCollection``: each operation on one exhibit gives what the operation of the same name
/// on the whole collection gives, before and after exhibits are replaced.
@Suite struct IndexedCollectionTests {
    static let wagon = FrontDoorTests.wagon
    static let kurt = FrontDoorTests.kurt

    func collection() throws -> TestCollection {
        try TestCollection(
            files: [
                ("park/wagon.yml", Self.wagon), ("park/kurt.yml", Self.kurt),
                ("yard/wagon.yml", Self.wagon), ("yard/zz.yml", Self.kurt.replacingOccurrences(of: "kurt", with: "zz")),
                ("yard/no-id.yml", "title:\n  ru: Без id\n"),
            ], config: FrontDoorTests.config)
    }

    @Test func checksAndPreviewsAreThoseOfTheWholeCollection() throws {
        let fixture = try collection()
        let loaded = try fixture.load()
        let indexed = IndexedCollection(loaded)
        for id in ["kurt", "zz"] {
            #expect(try indexed.check(exhibit: id) == CaptionChecker.check(exhibit: id, in: loaded))
            #expect(try indexed.preview(exhibit: id) == SignageExporter.preview(exhibit: id, in: loaded))
        }
        // The shared id: the same error as the whole collection gives, and the same preview
        // (held back for the duplicate id).
        let shared = CaptionError.invalidArgument("2 exhibits have the id 'wagon'; fix that first (captions check)")
        #expect(throws: shared) { try indexed.check(exhibit: "wagon") }
        let preview = try indexed.preview(exhibit: "wagon")
        #expect(preview == (try SignageExporter.preview(exhibit: "wagon", in: loaded)))
        #expect(preview.holdBackReasons.map(\.message).contains("id 'wagon' is used by another exhibit too"))
        #expect(try indexed.preview(exhibit: "no-id") == SignageExporter.preview(exhibit: "no-id", in: loaded))
        // An unknown id: the whole collection's error, with its suggestion.
        var indexedError: CaptionError?
        var wholeError: CaptionError?
        do { _ = try indexed.check(exhibit: "kurd") } catch { indexedError = error }
        do { _ = try CaptionChecker.check(exhibit: "kurd", in: loaded) } catch { wholeError = error }
        #expect(indexedError != nil)
        #expect(indexedError == wholeError)
        let draft = ExhibitDraft(id: "kurt", texts: ["title": ["en": "A very long kurt title"]])
        #expect(try indexed.check(draft: draft) == CaptionChecker.check(draft: draft, in: loaded))
    }

    @Test func replacingAnExhibitUpdatesItsNameAndLeavesTheOthers() throws {
        let fixture = try collection()
        var indexed = IndexedCollection(try fixture.load())
        #expect(indexed.positions(named: "wagon").count == 2)
        // yard/wagon.yml gets its own id: both wagons can be checked now.
        try fixture.write("yard/wagon.yml", Self.wagon.replacingOccurrences(of: "id: wagon", with: "id: cart"))
        indexed.replace(indexed.collection.readExhibit("yard/wagon.yml"))
        #expect(indexed.positions(named: "wagon") == [indexed.position(ofFile: "park/wagon.yml")!])
        #expect(indexed.positions(named: "cart") == [indexed.position(ofFile: "yard/wagon.yml")!])
        let reloaded = try fixture.load()
        #expect(indexed.collection.exhibits.map(\.relativePath) == reloaded.exhibits.map(\.relativePath))
        for id in ["wagon", "cart", "kurt"] {
            #expect(try indexed.check(exhibit: id) == CaptionChecker.check(exhibit: id, in: reloaded))
        }
        // A new file goes in path order; a removed one goes away.
        try fixture.write("park/anvil.yml", Self.kurt.replacingOccurrences(of: "id: kurt", with: "id: anvil"))
        indexed.replace(indexed.collection.readExhibit("park/anvil.yml"))
        try FileManager.default.removeItem(atPath: fixture.root + "/yard/zz.yml")
        let removed = indexed.removeExhibit(file: "yard/zz.yml")
        let removedAgain = indexed.removeExhibit(file: "yard/zz.yml")
        #expect(removed && !removedAgain)
        let now = try fixture.load()
        #expect(indexed.collection.exhibits.map(\.relativePath) == now.exhibits.map(\.relativePath))
        #expect(indexed.positions(named: "zz").isEmpty)
        #expect(try indexed.check(exhibit: "anvil") == CaptionChecker.check(exhibit: "anvil", in: now))
    }

    @Test func saveAndAcceptWriteWhatTheWholeCollectionsWouldWrite() throws {
        let fixture = try collection()
        var indexed = IndexedCollection(try fixture.load())
        let path = fixture.root + "/park/kurt.yml"
        let saved = try indexed.save(
            [TranslationEdit(field: "title", language: "en", text: "Dried curd")], exhibit: "kurt",
            expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        #expect(saved.changed.map(\.text) == ["Dried curd"])
        #expect(try fixture.read("park/kurt.yml").contains("  en: Dried curd\n"))
        #expect(throws: CaptionError.self) {
            try indexed.save(
                [TranslationEdit(field: "title", language: "en", text: "x")], exhibit: "wagon",
                expectedDigest: try CaptionEditor.digest(ofFileAt: path))
        }
        indexed.replace(indexed.collection.readExhibit("park/kurt.yml"))
        let accepted = try indexed.accept(id: "kurt", field: "title", language: "en", dryRun: true)
        #expect(accepted.alreadyCurrent == ["title (en)"])
    }
}
