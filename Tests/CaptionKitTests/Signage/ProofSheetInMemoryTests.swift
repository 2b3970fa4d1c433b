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

    @Test func aGalleryFileNameIsReadableAndItsOwn() {
        #expect(SignageProofSheet.fileName(gallery: "floor-2/hall") == "proof-floor-2--hall.html")
        #expect(SignageProofSheet.fileName(gallery: "floor-2-hall") == "proof-floor-2-hall.html")
        // A gallery not made of slugs: each byte outside a-z and 0-9 as `_` and two hex digits.
        #expect(SignageProofSheet.fileName(gallery: "Зал \"1\"") == "proof-__d0_97_d0_b0_d0_bb_20_221_22.html")
        #expect(SignageProofSheet.fileName(gallery: "a--b") == "proof-_a_2d_2db.html")
        #expect(SignageProofSheet.fileName(gallery: "Hall") == "proof-__48all.html")
        let galleries = [
            "a/b", "a-b", "a--b", "a_b", "a_2fb", "_2f", "/", "A/b", "a/B", "hall", "Hall", "a/b/c", "a-b/c", "a/b-c",
        ]
        let names = galleries.map { SignageProofSheet.fileName(gallery: $0) }
        #expect(Set(names.map { $0.lowercased() }).count == galleries.count)
    }

    /// A gallery name that would make a file name longer than file systems take (255 bytes; a
    /// Cyrillic letter is six bytes escaped) keeps its first part and a hash of the whole name.
    @Test func aLongGalleryNameIsCutAndKeptApartByItsHash() {
        let long = String(repeating: "Зал ", count: 20)
        let name = SignageProofSheet.fileName(gallery: long)
        #expect(name.utf8.count == "proof-".utf8.count + 180 + ".html".utf8.count)
        #expect(name.hasPrefix("proof-__d0_97_d0_b0_d0_bb_20"))
        #expect(name.hasSuffix("~" + SHA256.hexDigest(long.utf8).prefix(16) + ".html"))
        #expect(SignageProofSheet.fileName(gallery: long + "1") != name)
        let slugs = String(repeating: "hall-of-the-steppe-camps/", count: 8) + "end"
        let cut = SignageProofSheet.fileName(gallery: slugs)
        #expect(cut.utf8.count == 191 && cut.contains("~"))
        // The longest name that is not cut has no `~`.
        let fits = String(repeating: "a", count: 90) + "/" + String(repeating: "b", count: 88)
        #expect(
            SignageProofSheet.fileName(gallery: fits)
                == "proof-\(fits.replacingOccurrences(of: "/", with: "--")).html")
        #expect(SignageProofSheet.fileName(gallery: fits + "b").contains("~"))
    }

    /// Galleries `a/b` and `a-b`: each sheet, saved under its own name beside the other, keeps its
    /// own exhibit (they had one name, `proof-a-b.html`, and the second overwrote the first).
    @Test func theSheetsOfTwoGalleriesWithLikeNamesAreTwoFiles() throws {
        let config = "languages: [ru]\nsource: ru\nfields:\n  title: { required: true }\n"
        let fixture = try TestCollection(
            files: [
                ("a/b/nested.yml", "id: nested\ntitle:\n  ru: Вложенный зал\n"),
                ("a-b/flat.yml", "id: flat\ntitle:\n  ru: Плоский зал\n"),
            ], config: config)
        let collection = try fixture.load()
        let folder = fixture.root + "/downloads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for gallery in ["a/b", "a-b"] {
            let sheet = try SignageExporter.proofSheet(collection, gallery: gallery)
            try sheet.data.write(to: URL(fileURLWithPath: folder + "/" + sheet.fileName))
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                "proof-a--b.html", "proof-a-b.html",
            ])
        let nested = try String(contentsOfFile: folder + "/proof-a--b.html", encoding: .utf8)
        let flat = try String(contentsOfFile: folder + "/proof-a-b.html", encoding: .utf8)
        #expect(nested.contains("Вложенный зал") && !nested.contains("Плоский зал"))
        #expect(flat.contains("Плоский зал") && !flat.contains("Вложенный зал"))
    }
}
