import Foundation
import Testing

@testable import CaptionKit

/// ``SignageExporter/proofSheet(_:gallery:withLatinKazakh:)``: the proof sheet the export writes,
/// made in memory for the editor's download.
@Suite struct ProofSheetInMemoryTests {
    /// The bytes `captions export signage --format html` writes into `proof.html`.
    static func exported(_ fixture: TestCollection, only: [String] = [], withLatinKazakh: Bool = false) throws -> Data {
        let folder = fixture.root + "/out"
        let options = SignageExportOptions(
            outputFolder: folder, formats: [.html], onlyIDs: only, withLatinKazakh: withLatinKazakh)
        _ = try SignageExporter.export(collectionAt: fixture.root, options: options)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/proof.html"))
    }

    @Test(arguments: [false, true])
    func theSheetOfTheCollectionIsTheExportedFileWithItsHeldBackExhibit(withLatinKazakh: Bool) throws {
        let fixture = try SignageFixture.make()
        let collection = try CaptionCollection.load(path: fixture.root)
        let sheet = try SignageExporter.proofSheet(collection, withLatinKazakh: withLatinKazakh)
        #expect(sheet.fileName == "proof.html")
        #expect(sheet.data == (try Self.exported(fixture, withLatinKazakh: withLatinKazakh)))
        #expect(sheet.heldBack.map(\.displayID) == ["held-back"])
        #expect(sheet.labelCount == collection.exhibits.count - 1)
        // Nothing written in the collection.
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/" + SignageExportOptions.defaultOutputFolder))
    }

    @Test func theSheetOfOneGalleryIsTheExportOfItsIDs() throws {
        let fixture = try SignageFixture.make()
        let collection = try CaptionCollection.load(path: fixture.root)
        let ids = collection.exhibits.filter { $0.gallery == "museum" }.map(\.displayID)
        #expect(ids.contains("held-back"))
        let sheet = try SignageExporter.proofSheet(collection, gallery: "museum")
        #expect(sheet.fileName == "proof-museum.html")
        #expect(sheet.data == (try Self.exported(fixture, only: ids)))
        #expect(throws: CaptionError.invalidArgument("no exhibit is in the gallery 'nowhere'")) {
            try SignageExporter.proofSheet(collection, gallery: "nowhere")
        }
    }

    @Test func aGalleryFileNameIsMadeOfSlugCharacters() {
        #expect(SignageProofSheet.fileName(gallery: "floor-2/hall") == "proof-floor-2-hall.html")
        // Each letter outside a-z, and the space and quotes, is a hyphen: nothing to break the header.
        #expect(SignageProofSheet.fileName(gallery: "Зал \"1\"") == "proof-" + "-----1-" + ".html")
    }
}
